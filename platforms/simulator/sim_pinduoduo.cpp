// Pinduoduo as the simulator speaks it: /api/router, ciphertext receivers with masked copies.
#include <nlohmann/json.hpp>

#include "core/base/clock.h"
#include "pinduoduo/pinduoduo_signature.h"
#include "signing.h"
#include "simulator/sim_wire.h"

namespace dj {
namespace {

using nlohmann::json;

SimReply pdd_error(int code, const std::string& msg) {
    return {200, json{{"error_response",
                       {{"error_code", code},
                        {"error_msg", msg},
                        {"sub_code", std::to_string(code)},
                        {"sub_msg", ""},
                        {"request_id", "sim"}}}}
                     .dump()};
}

// Looks like PDD's "~...~" ciphertext; never decryptable to anything.
std::string cipher(const std::string& plain) {
    return "~" + md5_hex(plain, HexCase::lower).substr(0, 24) + "~";
}

json render_order(const Order& o) {
    int status = o.status == OrderStatus::shipped ? 2 : o.status == OrderStatus::completed ? 3 : 1;
    int refund = o.status == OrderStatus::refund_requested ? 2
                 : o.status == OrderStatus::refunded       ? 4
                                                           : 1;
    json items = json::array();
    for (const OrderLine& l : o.lines)
        items.push_back({{"goods_id", 1000 + std::stoll(l.platform_sku_id) % 1000},
                         {"sku_id", std::stoll(l.platform_sku_id)},
                         {"outer_id", l.seller_code},
                         {"goods_name", l.title},
                         {"goods_count", l.quantity},
                         {"goods_price", yuan_number(l.unit_price)}});
    json j{{"order_sn", o.platform_order_id},
           {"order_status", status},
           {"refund_status", refund},
           {"created_time", format_shop_time(o.created_at)},
           {"updated_at", format_shop_time(o.modified_at)},
           {"pay_amount", yuan_number(o.paid_amount)},
           {"postage", yuan_number(o.freight)},
           {"remark", o.seller_memo},
           {"buyer_memo", o.buyer_note},
           {"receiver_name", cipher(o.receiver.name)},
           {"receiver_name_mask", o.receiver.name},
           {"receiver_phone", cipher(o.receiver.phone)},
           {"receiver_phone_mask", o.receiver.phone},
           {"province", o.receiver.province},
           {"city", o.receiver.city},
           {"town", o.receiver.district},
           {"address", cipher(o.receiver.address)},
           {"address_mask", o.receiver.address},
           {"item_list", items}};
    if (o.paid_at) j["pay_time"] = format_shop_time(*o.paid_at);
    return j;
}

class PinduoduoWire : public SimWire {
  public:
    explicit PinduoduoWire(SimCredentials c) : c_(std::move(c)) {}
    Platform platform() const override { return Platform::pinduoduo; }
    std::vector<std::string> paths() const override { return {"/api/router"}; }

    SimReply refuse(SimRefusal why) const override {
        switch (why) {
            case SimRefusal::bad_app_key:
                return pdd_error(10016, "client_id不存在");
            case SimRefusal::bad_signature:
                return pdd_error(10017, "签名错误");
            case SimRefusal::bad_timestamp:
                return pdd_error(10001, "timestamp已过期");
            case SimRefusal::expired_token:
                return pdd_error(10019, "access_token已过期");
            case SimRefusal::throttled:
                return pdd_error(52101, "当前接口被限流");
        }
        return {};
    }

    SimReply handle(const SimRequest& r, SimShop& shop, Timestamp now,
                    bool duplicate) const override {
        auto num = [&](const char* k, long long fallback) {
            try {
                return std::stoll(r.param(k));
            } catch (const std::exception&) {
                return fallback;
            }
        };
        if (r.param("client_id") != c_.app_key) return refuse(SimRefusal::bad_app_key);
        if (!within_skew(num("timestamp", 0), 600)) return refuse(SimRefusal::bad_timestamp);
        if (pinduoduo_sign(r.params, c_.app_secret) != r.param("sign"))
            return refuse(SimRefusal::bad_signature);
        if (r.param("access_token") != c_.token) return refuse(SimRefusal::expired_token);
        std::string type = r.param("type");
        if (type == "pdd.order.number.list.increment.get") {
            Timestamp start = num("start_updated_at", 0), end = num("end_updated_at", 0);
            long long page = num("page", 1), size = num("page_size", 100);
            if (end < start || end - start > 30 * 60)
                return pdd_error(50001, "时间范围不能超过30分钟");
            if (size < 1 || size > 100 || page < 1) return pdd_error(50001, "page_size超出范围");
            auto all = shop.modified_between(Platform::pinduoduo, start, end, true);
            json list = json::array();
            for (const Order* o : page_slice(all, static_cast<std::size_t>(page - 1),
                                             static_cast<std::size_t>(size), duplicate))
                list.push_back(render_order(*o));
            return {200, json{{"order_sn_increment_get_response",
                               {{"total_count", all.size()},
                                {"has_next", static_cast<std::size_t>(page * size) < all.size()},
                                {"order_sn_list", list}}}}
                             .dump()};
        }
        if (type == "pdd.order.information.get") {
            json resp = json::object();
            if (const Order* o = shop.find(Platform::pinduoduo, r.param("order_sn")))
                resp["order_info"] = render_order(*o);
            return {200, json{{"order_info_get_response", resp}}.dump()};
        }
        if (type == "pdd.logistics.online.send") {
            SimShipResult done = shop.ship({Platform::pinduoduo, r.param("order_sn"),
                                            r.param("logistics_id"), r.param("tracking_number")},
                                           now);
            SimReply reply =
                done == SimShipResult::shipped
                    ? SimReply{200, json{{"logistics_online_send_response", {{"is_success", true}}}}
                                        .dump()}
                : done == SimShipResult::already_shipped
                    ? pdd_error(54001, "订单已发货，不能重复发货")
                    : pdd_error(54002, "订单不存在");
            return shipment_reply(std::move(reply), r.param("order_sn"), done);
        }
        if (type == "pdd.waybill.search") {
            json subscriptions = json::array();
            const SimAddress& a = sim_sender_address();
            for (const SimBranch& b : sim_branches()) {
                if (!r.param("wp_code").empty() && r.param("wp_code") != b.carrier) continue;
                json address{{"province", a.province},
                             {"city", a.city},
                             {"district", a.district},
                             {"detail", a.detail}};
                subscriptions.push_back(
                    {{"wp_code", b.carrier},
                     {"wp_type", 1},
                     {"branch_account_cols",
                      json::array({{{"branch_code", b.branch_code},
                                    {"branch_name", b.branch_name},
                                    {"quantity", b.quantity},
                                    {"shipp_address_cols", json::array({address})}}})}});
            }
            return {200, json{{"pdd_waybill_search_response",
                               {{"waybill_apply_subscription_cols", subscriptions}}}}
                             .dump()};
        }
        if (type == "pdd.waybill.get") {
            json req =
                json::parse(r.param("param_waybill_cloud_print_apply_new_request"), nullptr, false);
            if (!req.is_object() || !req.contains("trade_order_info_dtos") ||
                !req["trade_order_info_dtos"].is_array() ||
                req["trade_order_info_dtos"].size() > 10 || !req.contains("sender"))
                return pdd_error(50001, "取号参数错误");
            std::string wp = req.value("wp_code", "");
            json modules = json::array();
            for (const json& t : req["trade_order_info_dtos"]) {
                std::vector<std::string> ids;
                for (const json& id : t["order_info"].value("trade_order_list", json::array()))
                    ids.push_back(id.get<std::string>());
                SimWaybillResult got =
                    shop.issue_waybill(Platform::pinduoduo, t.value("object_id", ""), wp, ids);
                if (!got.waybill) return pdd_error(52101, got.refusal);
                json print{{"encryptedData", sim_encrypted(*got.waybill)},
                           {"signature", "sig-" + got.waybill->tracking_no},
                           {"templateUrl", "https://file-link.pinduoduo.com/" + wp + "_one"},
                           {"ver", "3"}};
                modules.push_back({{"object_id", got.waybill->object_id},
                                   {"waybill_code", got.waybill->tracking_no},
                                   {"print_data", print.dump()},
                                   {"parent_waybill_code", ""}});
            }
            SimReply reply{200, json{{"pdd_waybill_get_response", {{"modules", modules}}}}.dump()};
            reply.result = "issued";
            return reply;
        }
        if (type == "pdd.waybill.cancel") {
            if (!shop.cancel_waybill(Platform::pinduoduo, r.param("wp_code"),
                                     r.param("waybill_code")))
                return pdd_error(52102, "面单号不存在或已回收");
            SimReply reply{200,
                           json{{"pdd_waybill_cancel_response", {{"cancel_result", true}}}}.dump()};
            reply.subject = r.param("waybill_code");
            reply.result = "cancelled";
            return reply;
        }
        if (type == "pdd.goods.quantity.update") {
            shop.record_stock({Platform::pinduoduo, r.param("sku_id"), num("quantity", 0)});
            return {200, json{{"goods_quantity_update_response", {{"is_success", true}}}}.dump()};
        }
        if (type == "pdd.logistics.companies.get")
            return {200, json{{"logistics_companies_get_response",
                               {{"logistics_companies",
                                 json::array({{{"id", 115}, {"logistics_company", "中通快递"}},
                                              {{"id", 85}, {"logistics_company", "圆通快递"}},
                                              {{"id", 44}, {"logistics_company", "顺丰快递"}},
                                              {{"id", 120}, {"logistics_company", "京东配送"}}})}}}}
                             .dump()};
        return pdd_error(10000, "type不存在");
    }

  private:
    SimCredentials c_;
};

}  // namespace

std::unique_ptr<SimWire> make_pinduoduo_wire(SimCredentials credentials) {
    return std::make_unique<PinduoduoWire>(std::move(credentials));
}

}  // namespace dj
