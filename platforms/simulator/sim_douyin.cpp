// 抖店 as the simulator speaks it: common parameters in the query, param_json as the body,
// the new error format (code 10000 = success), money in fen, masked receivers.
#include <nlohmann/json.hpp>

#include "douyin/douyin_signature.h"
#include "simulator/sim_wire.h"

namespace dj {
namespace {

using nlohmann::json;

SimReply dy_reply(std::int64_t code, const std::string& msg, const std::string& sub_code,
                  json data = json::object(), const std::string& sub_msg = "") {
    return {200, json{{"code", code},
                      {"msg", msg},
                      {"sub_code", sub_code},
                      {"sub_msg", sub_msg},
                      {"log_id", "sim-log"},
                      {"data", std::move(data)}}
                     .dump()};
}

// The simulated branches' carriers as Douyin spells them (its logisticsCompanyList codes).
std::string douyin_carrier(const std::string& ours) {
    if (ours == "ZTO") return "zhongtong";
    if (ours == "YTO") return "yuantong";
    if (ours == "SF") return "shunfeng";
    return ours;
}

int dy_status(OrderStatus s) {
    switch (s) {
        case OrderStatus::pending_payment:
            return 1;
        case OrderStatus::to_ship:
        case OrderStatus::refund_requested:
        case OrderStatus::refunded:
            return 2;
        case OrderStatus::shipped:
            return 3;
        case OrderStatus::cancelled:
            return 4;
        case OrderStatus::completed:
            return 5;
    }
    return 0;
}

json render_order(const Order& o) {
    int refund = o.status == OrderStatus::refund_requested ? 1
                 : o.status == OrderStatus::refunded       ? 3
                                                           : 0;
    json skus = json::array();
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const OrderLine& l = o.lines[i];
        skus.push_back({{"order_id", o.platform_order_id + std::to_string(i + 1)},
                        {"parent_order_id", o.platform_order_id},
                        {"sku_id", std::stoll(l.platform_sku_id)},
                        {"out_sku_id", l.seller_code},
                        {"product_name", l.title},
                        {"item_num", l.quantity},
                        {"origin_amount", l.unit_price},
                        {"after_sale_info", {{"refund_status", refund}}}});
    }
    return {{"order_id", o.platform_order_id},
            {"order_status", dy_status(o.status)},
            {"create_time", o.created_at},
            {"update_time", o.modified_at},
            {"pay_time", o.paid_at.value_or(0)},
            {"pay_amount", o.paid_amount},
            {"post_amount", o.freight},
            {"seller_words", o.seller_memo},
            {"buyer_words", o.buyer_note},
            {"seller_remark_stars", o.seller_flag},
            {"post_receiver", "#" + o.platform_order_id + "#receiver#"},
            {"mask_post_receiver", o.receiver.name},
            {"post_tel", "$" + o.platform_order_id + "$tel$"},
            {"mask_post_tel", o.receiver.phone},
            {"post_addr",
             {{"province", {{"name", o.receiver.province}}},
              {"city", {{"name", o.receiver.city}}},
              {"town", {{"name", o.receiver.district}}},
              {"detail", "#" + o.platform_order_id + "#addr#"}}},
            {"mask_post_addr", {{"detail", o.receiver.address}}},
            {"sku_order_list", skus}};
}

class DouyinWire : public SimWire {
  public:
    explicit DouyinWire(SimCredentials c) : c_(std::move(c)) {}
    Platform platform() const override { return Platform::douyin; }
    std::vector<std::string> paths() const override {
        return {"/order/searchList",           "/order/orderDetail",
                "/order/logisticsAdd",         "/sku/syncStock",
                "/order/logisticsCompanyList", "/logistics/listShopNetsite",
                "/logistics/newCreateOrder",   "/logistics/waybillApply",
                "/logistics/cancelOrder",      "/logistics/templateList"};
    }

    SimReply refuse(SimRefusal why) const override {
        switch (why) {
            case SimRefusal::bad_app_key:
                return dy_reply(30001, "app_key不存在", "isv.app-key-invalid");
            case SimRefusal::bad_signature:
                return dy_reply(30002, "签名错误", "isv.sign-invalid");
            case SimRefusal::bad_timestamp:
                return dy_reply(30003, "时间戳无效", "isv.timestamp-invalid");
            case SimRefusal::expired_token:
                return dy_reply(30005, "access_token已过期", "isv.access-token-expired");
            case SimRefusal::throttled:
                return dy_reply(50002, "调用过于频繁", "isv.rate-limit-exceeded");
        }
        return {};
    }

    SimReply handle(const SimRequest& r, SimShop& shop, Timestamp now,
                    bool duplicate) const override {
        if (r.param("app_key") != c_.app_key) return refuse(SimRefusal::bad_app_key);
        Timestamp ts = 0;
        try {
            ts = std::stoll(r.param("timestamp"));
        } catch (const std::exception&) {
        }
        if (!within_skew(ts, 600)) return refuse(SimRefusal::bad_timestamp);
        std::string expected_method = r.path.substr(1);
        std::replace(expected_method.begin(), expected_method.end(), '/', '.');
        if (r.param("method") != expected_method) return refuse(SimRefusal::bad_signature);
        try {
            if (douyin_sign(r.param("app_key"), r.param("method"), r.body, r.param("timestamp"),
                            c_.app_secret,
                            r.param("sign_method").empty() ? "md5" : r.param("sign_method")) !=
                r.param("sign"))
                return refuse(SimRefusal::bad_signature);
        } catch (const std::exception&) {
            return refuse(SimRefusal::bad_signature);
        }
        if (r.param("access_token") != c_.token) return refuse(SimRefusal::expired_token);
        json biz = json::parse(r.body, nullptr, false);
        if (!biz.is_object()) return dy_reply(40001, "参数错误", "isv.parameter-invalid");
        // The signed text must be the canonical one: sorted keys, compact.
        if (biz.dump() != r.body) return refuse(SimRefusal::bad_signature);
        if (r.path == "/order/searchList") {
            Timestamp start = biz.value("update_time_start", Timestamp{0});
            Timestamp end = biz.value("update_time_end", Timestamp{0});
            int page = biz.value("page", 0), size = biz.value("size", 10);
            if (size < 1 || size > 100 || page < 0 || end < start)
                return dy_reply(40001, "参数错误", "isv.parameter-invalid:size");
            // update_time_end is inclusive on Douyin; windows here are half-open.
            auto all =
                shop.modified_between(Platform::douyin, start, end, !biz.value("order_asc", false));
            json list = json::array();
            for (const Order* o : page_slice(all, page, size, duplicate))
                list.push_back(render_order(*o));
            return dy_reply(
                10000, "success", "",
                {{"page", page}, {"size", size}, {"total", all.size()}, {"shop_order_list", list}});
        }
        if (r.path == "/order/orderDetail") {
            json data = json::object();
            if (const Order* o = shop.find(Platform::douyin, biz.value("shop_order_id", "")))
                data["shop_order_detail"] = render_order(*o);
            return dy_reply(10000, "success", "", data);
        }
        if (r.path == "/order/logisticsAdd") {
            std::string order_id = biz.value("order_id", "");
            SimShipResult done =
                shop.ship({Platform::douyin, order_id, biz.value("company_code", ""),
                           biz.value("logistics_code", "")},
                          now);
            SimReply reply = done == SimShipResult::shipped ? dy_reply(10000, "success", "")
                             : done == SimShipResult::already_shipped
                                 ? dy_reply(50002, "业务处理失败", "isv.business-failed:2000",
                                            json::object(), "订单已发货，不能重复发货")
                                 : dy_reply(40001, "订单不存在", "isv.order-not-found");
            return shipment_reply(std::move(reply), order_id, done);
        }
        if (r.path == "/logistics/listShopNetsite") {
            std::string code = biz.value("logistics_code", "");
            json netsites = json::array();
            const SimAddress& a = sim_sender_address();
            for (const SimBranch& b : sim_branches()) {
                if (douyin_carrier(b.carrier) != code) continue;
                netsites.push_back(
                    {{"netsite_code", b.branch_code},
                     {"netsite_name", b.branch_name},
                     {"amount", b.quantity},
                     {"sender_address", json::array({{{"province_name", a.province},
                                                      {"city_name", a.city},
                                                      {"district_name", a.district},
                                                      {"street_name", ""},
                                                      {"detail_address", a.detail}}})}});
            }
            return dy_reply(10000, "success", "",
                            {{"logistics_code", code}, {"netsites", netsites}});
        }
        if (r.path == "/logistics/newCreateOrder") {
            std::string code = biz.value("logistics_code", "");
            json infos = biz.value("order_infos", json::array());
            if (!infos.is_array() || infos.empty() || infos.size() > 50 ||
                !biz.contains("sender_info"))
                return dy_reply(40001, "参数错误", "isv.parameter-invalid:order_infos");
            json issued = json::array(), errors = json::array();
            SimReply reply;
            for (const json& info : infos) {
                std::string order_id = info.value("order_id", "");
                std::vector<std::string> ids{order_id};
                SimWaybillResult got =
                    shop.issue_waybill(Platform::douyin, info.value("pack_id", ""), code, ids);
                if (got.waybill)
                    issued.push_back({{"order_id", order_id},
                                      {"pack_id", got.waybill->object_id},
                                      {"track_no", got.waybill->tracking_no},
                                      {"sort_code", "300-A1 05"}});
                else
                    errors.push_back({{"order_id", order_id},
                                      {"pack_id", info.value("pack_id", "")},
                                      {"err_code", 2001},
                                      {"err_msg", got.refusal}});
            }
            reply =
                dy_reply(10000, "success", "", {{"ebill_infos", issued}, {"err_infos", errors}});
            reply.result = "issued";
            return reply;
        }
        if (r.path == "/logistics/waybillApply") {
            json applies = biz.value("waybill_applies", json::array());
            json infos = json::array(), errors = json::array();
            for (const json& a : applies) {
                const SimWaybill* found = nullptr;
                for (const SimWaybill& w : shop.waybills())
                    if (w.platform == Platform::douyin &&
                        w.tracking_no == a.value("track_no", "") && !w.cancelled)
                        found = &w;
                if (found)
                    infos.push_back({{"track_no", found->tracking_no},
                                     {"print_data", sim_encrypted(*found)},
                                     {"sign", "sig-" + found->tracking_no}});
                else
                    errors.push_back({{"track_no", a.value("track_no", "")},
                                      {"err_code", 2002},
                                      {"err_msg", "面单号不存在"}});
            }
            return dy_reply(10000, "success", "",
                            {{"waybill_infos", infos}, {"err_infos", errors}});
        }
        if (r.path == "/logistics/templateList") {
            std::string code = biz.value("logistics_code", "");
            return dy_reply(
                10000, "success", "",
                {{"template_data",
                  json::array({{{"logistics_code", code},
                                {"template_infos",
                                 json::array({{{"template_name", "一联单76x130"},
                                               {"template_type", 1},
                                               {"template_url",
                                                "https://sf3-ttcdn-tos.pstatp.com/obj/logistics/" +
                                                    code + "_76130.xml"}}})}}})}});
        }
        if (r.path == "/logistics/cancelOrder") {
            if (!shop.cancel_waybill(Platform::douyin, biz.value("logistics_code", ""),
                                     biz.value("track_no", "")))
                return dy_reply(50002, "业务处理失败", "isv.business-failed:2003", json::object(),
                                "面单号不存在或已回收");
            SimReply reply = dy_reply(10000, "success", "", {{"success", true}});
            reply.subject = biz.value("track_no", "");
            reply.result = "cancelled";
            return reply;
        }
        if (r.path == "/sku/syncStock") {
            shop.record_stock(
                {Platform::douyin, biz.value("sku_id", ""), biz.value("stock_num", Qty{0})});
            return dy_reply(10000, "success", "");
        }
        return dy_reply(10000, "success", "",
                        json::array({{{"code", "zhongtong"}, {"name", "中通快递"}},
                                     {{"code", "yuantong"}, {"name", "圆通速递"}},
                                     {{"code", "shunfeng"}, {"name", "顺丰速运"}},
                                     {{"code", "jd"}, {"name", "京东快递"}}}));
    }

  private:
    SimCredentials c_;
};

}  // namespace

std::unique_ptr<SimWire> make_douyin_wire(SimCredentials credentials) {
    return std::make_unique<DouyinWire>(std::move(credentials));
}

}  // namespace dj
