#include "simulator/sim_shop.h"

#include <algorithm>
#include <cctype>
#include <random>

namespace dj {
namespace {

const char* const kTitles[] = {"西湖龙井 明前特级 250g", "安吉白茶 礼盒装",     "景德镇青花瓷茶杯",
                               "云南普洱熟茶饼 357g",    "紫砂壶 西施壶 200ml", "竹制茶盘"};
const char* const kNames[] = {"张**", "李*", "王**", "欧阳**", "陈*"};
const char* const kProvinces[] = {"浙江省", "广东省", "北京市", "四川省"};
const char* const kCities[] = {"杭州市", "广州市", "北京市", "成都市"};
const char* const kMemos[] = {"", "", "加急，送小样", "发顺丰 \"易碎\"", "老客户 <VIP>"};

std::string platform_order_id(Platform p, int n, std::mt19937_64& rng) {
    switch (p) {
        case Platform::taobao:  // beyond 2^53, as real trade ids are
            return std::to_string(3900000000000000000ULL + static_cast<std::uint64_t>(n) * 7919 +
                                  rng() % 7000);
        case Platform::jd:
            return std::to_string(300000000000ULL + static_cast<std::uint64_t>(n));
        case Platform::pinduoduo:
            return "241124-" + std::to_string(100000000000000ULL + n);
        case Platform::douyin:
            return std::to_string(6900000000000000000ULL + static_cast<std::uint64_t>(n) * 13);
    }
    return {};
}

// Statuses each platform's order list can express.
OrderStatus pick_status(Platform p, std::mt19937_64& rng) {
    int r = static_cast<int>(rng() % 100);
    if (r < 80) return OrderStatus::to_ship;
    if (r < 86) return OrderStatus::shipped;
    if (r < 90) return OrderStatus::completed;
    if (r < 94) return OrderStatus::refund_requested;
    if (p == Platform::jd) return OrderStatus::cancelled;
    if (r < 97 || p == Platform::pinduoduo) return OrderStatus::refunded;
    return p == Platform::douyin && r < 99 ? OrderStatus::pending_payment : OrderStatus::cancelled;
}

}  // namespace

void SimShop::generate(std::uint64_t seed, int count, Timestamp now) {
    std::mt19937_64 rng(seed);
    static const Platform platforms[] = {Platform::taobao, Platform::jd, Platform::pinduoduo,
                                         Platform::douyin};
    for (int i = 0; i < count; ++i) {
        Platform p = platforms[i % 4];
        Order o;
        o.platform_order_id = platform_order_id(p, i, rng);
        o.status = pick_status(p, rng);
        o.modified_at = now - 1 - static_cast<Timestamp>(rng() % 86000);
        o.created_at = o.modified_at - static_cast<Timestamp>(rng() % 3600);
        if (o.status != OrderStatus::pending_payment) o.paid_at = o.created_at + 30;
        o.buyer_nick = "tb" + std::to_string(rng() % 100000);
        o.buyer_note = rng() % 5 == 0 ? "请尽快发货，谢谢！" : "";
        o.seller_memo = kMemos[rng() % 5];
        int k = static_cast<int>(rng() % 4);
        o.receiver = {kNames[rng() % 5], "138****" + std::to_string(1000 + rng() % 9000),
                      kProvinces[k],     kCities[k],
                      "西湖区",          "文三路***号"};
        int lines = 1 + static_cast<int>(rng() % 3);
        for (int l = 0; l < lines; ++l) {
            OrderLine line;
            int sku = 1 + static_cast<int>(rng() % 20);
            char code[16];
            std::snprintf(code, sizeof code, "TEA-%04d", sku);
            line.platform_sku_id = std::to_string(5000000000000ULL + sku * 101);
            line.seller_code = code;
            line.title = kTitles[sku % 6];
            line.quantity = 1 + static_cast<Qty>(rng() % 3);
            line.unit_price = 990 + static_cast<Fen>(rng() % 29000);
            o.paid_amount += line.unit_price * line.quantity;
            o.lines.push_back(std::move(line));
        }
        o.freight = rng() % 3 == 0 ? 800 : 0;
        o.paid_amount += o.freight;
        put(p, std::move(o));
    }
}

void SimShop::put(Platform platform, Order order) {
    auto key = std::make_pair(platform, order.platform_order_id);
    std::vector<Order>& list = orders_[platform];
    if (auto it = index_.find(key); it != index_.end()) {
        list[it->second] = std::move(order);
        return;
    }
    index_[key] = list.size();
    list.push_back(std::move(order));
}

void SimShop::clear() {
    orders_.clear();
    index_.clear();
    shipments_.clear();
    stock_pushes_.clear();
    waybills_.clear();
    waybill_by_object_.clear();
}

namespace {

// A tracking number of the carrier's shape (core/fulfilment/carrier.cpp), numbered `n`.
std::string sim_tracking(const std::string& carrier, std::size_t n) {
    std::string code;
    for (char c : carrier)
        code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto digits = [n](std::size_t width) {
        std::string d = std::to_string(n);
        return std::string(width > d.size() ? width - d.size() : 0, '0') + d;
    };
    if (code == "YTO" || code == "YUANTONG") return "YT" + digits(13);
    if (code == "SF" || code == "SHUNFENG") return "SF" + digits(13);
    if (code == "JD") return "JDV" + digits(12);
    if (code == "JTSD" || code == "JTEXPRESS") return "JT" + digits(13);
    return "75" + digits(12);  // ZTO, STO and Yunda take 12–15 digits
}

}  // namespace

SimWaybillResult SimShop::issue_waybill(Platform p, const std::string& object_id,
                                        const std::string& carrier,
                                        const std::vector<std::string>& order_ids) {
    if (auto it = waybill_by_object_.find({p, object_id}); it != waybill_by_object_.end())
        return {&waybills_[it->second], "", false};
    if (object_id.empty()) return {nullptr, "object_id不能为空", false};
    if (order_ids.empty()) return {nullptr, "订单号不能为空", false};
    for (const std::string& id : order_ids) {
        const Order* o = find(p, id);
        if (!o) return {nullptr, "订单" + id + "不存在", false};
        if (o->status != OrderStatus::to_ship)
            return {nullptr, "订单" + id + "状态不允许取号", false};
    }
    waybills_.push_back(
        {p, object_id, carrier, sim_tracking(carrier, waybills_.size() + 1), order_ids, false});
    waybill_by_object_[{p, object_id}] = waybills_.size() - 1;
    return {&waybills_.back(), "", true};
}

bool SimShop::cancel_waybill(Platform p, const std::string& carrier,
                             const std::string& tracking_no) {
    for (SimWaybill& w : waybills_)
        if (w.platform == p && w.tracking_no == tracking_no && w.carrier == carrier &&
            !w.cancelled) {
            w.cancelled = true;
            return true;
        }
    return false;
}

const std::vector<SimBranch>& sim_branches() {
    static const std::vector<SimBranch> branches{{"ZTO", "571001", "中通杭州余杭网点", 5000},
                                                 {"YTO", "571020", "圆通杭州仓前网点", 3000},
                                                 {"SF", "0571A", "顺丰杭州月结", 100000}};
    return branches;
}

const SimAddress& sim_sender_address() {
    static const SimAddress address{"浙江省", "杭州市", "余杭区", "仓前街道文一西路969号"};
    return address;
}

std::string sim_encrypted(const SimWaybill& w) {
    // Not encryption: a stand-in the tests can recognise and check is forwarded untouched.
    std::string text = "SIMENC:" + std::string(platform_code(w.platform)) + ":" + w.tracking_no +
                       ":" + w.object_id;
    return text;
}

void SimShop::change(std::uint64_t seed, int count, Timestamp now) {
    std::mt19937_64 rng(seed ^ static_cast<std::uint64_t>(now));
    std::vector<Order*> all;
    for (auto& [p, list] : orders_)
        for (Order& o : list)
            all.push_back(&o);
    if (all.empty()) return;
    for (int i = 0; i < count; ++i) {
        Order& o = *all[rng() % all.size()];
        switch (o.status) {
            case OrderStatus::pending_payment:
                o.status = OrderStatus::to_ship;
                o.paid_at = now;
                break;
            case OrderStatus::to_ship:
                o.status = rng() % 2 ? OrderStatus::refund_requested : OrderStatus::refunded;
                break;
            case OrderStatus::refund_requested:
                o.status = OrderStatus::refunded;
                break;
            default:
                continue;
        }
        o.modified_at = now;
    }
}

std::vector<const Order*> SimShop::modified_between(Platform p, Timestamp start, Timestamp end,
                                                    bool newest_first) const {
    std::vector<const Order*> found;
    if (auto it = orders_.find(p); it != orders_.end())
        for (const Order& o : it->second)
            if (o.modified_at >= start && o.modified_at < end) found.push_back(&o);
    std::sort(found.begin(), found.end(), [newest_first](const Order* a, const Order* b) {
        if (a->modified_at != b->modified_at)
            return newest_first ? a->modified_at > b->modified_at : a->modified_at < b->modified_at;
        return a->platform_order_id < b->platform_order_id;
    });
    return found;
}

const Order* SimShop::find(Platform p, const std::string& id) const {
    auto it = index_.find({p, id});
    return it == index_.end() ? nullptr : &orders_.at(p)[it->second];
}

SimShipResult SimShop::ship(const SimShipment& s, Timestamp now) {
    auto it = index_.find({s.platform, s.order_id});
    if (it == index_.end()) return SimShipResult::unknown_order;
    Order& o = orders_[s.platform][it->second];
    if (o.status == OrderStatus::shipped || o.status == OrderStatus::completed)
        return SimShipResult::already_shipped;
    if (o.status == OrderStatus::to_ship) {
        o.status = OrderStatus::shipped;
        o.modified_at = now;
    }
    shipments_.push_back(s);
    return SimShipResult::shipped;
}

const std::vector<Order>& SimShop::orders(Platform p) const {
    static const std::vector<Order> none;
    auto it = orders_.find(p);
    return it == orders_.end() ? none : it->second;
}

}  // namespace dj
