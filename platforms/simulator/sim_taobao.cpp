// Taobao TOP as the simulator speaks it: /router/rest, form parameters, TOP error shapes.
#include <nlohmann/json.hpp>

#include "adapter_support.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "simulator/sim_wire.h"
#include "taobao/taobao_signature.h"

namespace dj {
namespace {

using nlohmann::json;

SimReply top_error(int code, const std::string& msg, const std::string& sub_code,
                   const std::string& sub_msg = "") {
    json error{{"code", code}, {"msg", msg}, {"sub_code", sub_code}, {"request_id", "sim"}};
    if (!sub_msg.empty()) error["sub_msg"] = sub_msg;
    return {200, json{{"error_response", error}}.dump()};
}

std::string top_status(OrderStatus s) {
    switch (s) {
        case OrderStatus::pending_payment:
            return "WAIT_BUYER_PAY";
        case OrderStatus::to_ship:
        case OrderStatus::refund_requested:
            return "WAIT_SELLER_SEND_GOODS";
        case OrderStatus::shipped:
            return "WAIT_BUYER_CONFIRM_GOODS";
        case OrderStatus::completed:
            return "TRADE_FINISHED";
        case OrderStatus::refunded:
            return "TRADE_CLOSED";
        case OrderStatus::cancelled:
            return "TRADE_CLOSED_BY_TAOBAO";
    }
    return {};
}

json render_trade(const Order& o) {
    json lines = json::array();
    std::string refund = o.status == OrderStatus::refund_requested ? "WAIT_SELLER_AGREE"
                         : o.status == OrderStatus::refunded       ? "SUCCESS"
                                                                   : "NO_REFUND";
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const OrderLine& l = o.lines[i];
        lines.push_back({{"oid", std::stoull(o.platform_order_id) + i + 1},
                         {"sku_id", std::stoull(l.platform_sku_id)},
                         {"outer_sku_id", l.seller_code},
                         {"title", l.title},
                         {"num", l.quantity},
                         {"price", format_yuan(l.unit_price)},
                         {"refund_status", refund}});
    }
    json t{{"tid", std::stoull(o.platform_order_id)},
           {"tid_str", o.platform_order_id},
           {"status", top_status(o.status)},
           {"created", format_shop_time(o.created_at)},
           {"modified", format_shop_time(o.modified_at)},
           {"payment", format_yuan(o.paid_amount)},
           {"post_fee", format_yuan(o.freight)},
           {"seller_memo", o.seller_memo},
           {"seller_flag", o.seller_flag},
           {"buyer_message", o.buyer_note},
           {"buyer_nick", o.buyer_nick},
           {"receiver_name", o.receiver.name},
           {"receiver_mobile", o.receiver.phone},
           {"receiver_state", o.receiver.province},
           {"receiver_city", o.receiver.city},
           {"receiver_district", o.receiver.district},
           {"receiver_address", o.receiver.address},
           {"orders", {{"order", lines}}}};
    if (o.paid_at) t["pay_time"] = format_shop_time(*o.paid_at);
    return t;
}

class TaobaoWire : public SimWire {
  public:
    explicit TaobaoWire(SimCredentials c) : c_(std::move(c)) {}
    Platform platform() const override { return Platform::taobao; }
    std::vector<std::string> paths() const override { return {"/router/rest"}; }

    SimReply refuse(SimRefusal why) const override {
        switch (why) {
            case SimRefusal::bad_app_key:
                return top_error(29, "Invalid app Key", "");
            case SimRefusal::bad_signature:
                return top_error(25, "Invalid signature", "");
            case SimRefusal::bad_timestamp:
                return top_error(31, "Invalid timestamp", "");
            case SimRefusal::expired_token:
                return top_error(27, "Invalid session", "invalid-sessionkey");
            case SimRefusal::throttled:
                return top_error(7, "App Call Limited",
                                 "accesscontrol.limited-by-app-access-count");
        }
        return {};
    }

    SimReply handle(const SimRequest& r, SimShop& shop, Timestamp now,
                    bool duplicate) const override {
        if (r.param("app_key") != c_.app_key) return refuse(SimRefusal::bad_app_key);
        if (!shop_time_within_skew(r.param("timestamp"), 600))
            return refuse(SimRefusal::bad_timestamp);
        try {
            if (taobao_sign(r.params, c_.app_secret, r.param("sign_method")) != r.param("sign"))
                return refuse(SimRefusal::bad_signature);
        } catch (const Error&) {
            return refuse(SimRefusal::bad_signature);
        }
        if (r.param("session") != c_.token) return refuse(SimRefusal::expired_token);
        std::string method = r.param("method");
        if (method == "taobao.trades.sold.increment.get") {
            Timestamp start = 0, end = 0;
            try {
                start = parse_time(r.param("start_modified"), "start_modified");
                end = parse_time(r.param("end_modified"), "end_modified");
            } catch (const Error&) {
                return top_error(41, "Invalid arguments", "isv.invalid-parameter:start_modified");
            }
            if (end - start > 24 * 3600 || end < start)
                return top_error(41, "Invalid arguments",
                                 "isv.invalid-parameter:end_modified must be within one day");
            int size = std::stoi(r.param("page_size").empty() ? "40" : r.param("page_size"));
            int page = std::stoi(r.param("page_no").empty() ? "1" : r.param("page_no"));
            if (size < 1 || size > 100 || page < 1)
                return top_error(41, "Invalid arguments", "isv.invalid-parameter:page_size");
            auto all = shop.modified_between(Platform::taobao, start, end, true);
            json resp{{"total_results", all.size()}};
            json trades = json::array();
            for (const Order* o : page_slice(all, page - 1, size, duplicate))
                trades.push_back(render_trade(*o));
            if (!trades.empty()) resp["trades"] = {{"trade", trades}};
            return {200, json{{"trades_sold_increment_get_response", resp}}.dump()};
        }
        if (method == "taobao.trade.fullinfo.get") {
            json resp = json::object();
            if (const Order* o = shop.find(Platform::taobao, r.param("tid")))
                resp["trade"] = render_trade(*o);
            return {200, json{{"trade_fullinfo_get_response", resp}}.dump()};
        }
        if (method == "taobao.logistics.offline.send") {
            SimShipResult done = shop.ship(
                {Platform::taobao, r.param("tid"), r.param("company_code"), r.param("out_sid")},
                now);
            SimReply reply = done == SimShipResult::shipped
                                 ? SimReply{200, json{{"logistics_offline_send_response",
                                                       {{"shipping", {{"is_success", true}}}}}}
                                                     .dump()}
                             : done == SimShipResult::already_shipped
                                 ? top_error(15, "Remote service error",
                                             "isv.logistics-offline-service-error:B04",
                                             "订单已发货，不能重复发货")
                                 : top_error(15, "Remote service error",
                                             "isv.logistics-offline-service-error", "订单不存在");
            return shipment_reply(std::move(reply), r.param("tid"), done);
        }
        if (method == "cainiao.waybill.ii.search") {
            json subscriptions = json::array();
            const SimAddress& a = sim_sender_address();
            for (const SimBranch& b : sim_branches()) {
                if (!r.param("cp_code").empty() && r.param("cp_code") != b.carrier) continue;
                json address{{"province", a.province},
                             {"city", a.city},
                             {"district", a.district},
                             {"detail", a.detail}};
                json branch{{"branch_code", b.branch_code},
                            {"branch_name", b.branch_name},
                            {"quantity", b.quantity},
                            {"shipp_address_cols", {{"address_dto", json::array({address})}}}};
                subscriptions.push_back(
                    {{"cp_code", b.carrier},
                     {"cp_type", 2},
                     {"branch_account_cols", {{"waybill_branch_account", json::array({branch})}}}});
            }
            return {200, json{{"cainiao_waybill_ii_search_response",
                               {{"waybill_apply_subscription_cols",
                                 {{"waybill_apply_subscription_info", subscriptions}}}}}}
                             .dump()};
        }
        if (method == "cainiao.waybill.ii.get") {
            json req =
                json::parse(r.param("param_waybill_cloud_print_apply_new_request"), nullptr, false);
            if (!req.is_object() || !req.contains("trade_order_info_dtos") ||
                !req["trade_order_info_dtos"].is_array() ||
                req["trade_order_info_dtos"].size() > 10 || !req.contains("sender"))
                return top_error(15, "Remote service error", "isv.invalid-parameter",
                                 "取号参数错误");
            std::string cp = req.value("cp_code", "");
            json modules = json::array();
            for (const json& t : req["trade_order_info_dtos"]) {
                std::vector<std::string> ids;
                for (const json& id : t["order_info"].value("trade_order_list", json::array()))
                    ids.push_back(id.get<std::string>());
                SimWaybillResult got =
                    shop.issue_waybill(Platform::taobao, t.value("object_id", ""), cp, ids);
                if (!got.waybill)
                    return top_error(15, "Remote service error", "isv.waybill-get-error",
                                     got.refusal);
                json print{
                    {"encryptedData", sim_encrypted(*got.waybill)},
                    {"signature", "sig-" + got.waybill->tracking_no},
                    {"templateURL", "http://cloudprint.cainiao.com/template/standard/101/" + cp},
                    {"ver", "waybill_print_secret_version_1"}};
                modules.push_back({{"object_id", got.waybill->object_id},
                                   {"waybill_code", got.waybill->tracking_no},
                                   {"print_data", print.dump()},
                                   {"parent_waybill_code", ""}});
            }
            SimReply reply{200, json{{"cainiao_waybill_ii_get_response",
                                      {{"modules", {{"waybill_cloud_print_response", modules}}}}}}
                                    .dump()};
            reply.result = "issued";
            return reply;
        }
        if (method == "cainiao.waybill.ii.cancel") {
            if (!shop.cancel_waybill(Platform::taobao, r.param("cp_code"), r.param("waybill_code")))
                return top_error(15, "Remote service error", "isv.waybill-cancel-error",
                                 "面单号不存在或已回收");
            SimReply reply{
                200,
                json{{"cainiao_waybill_ii_cancel_response", {{"cancel_result", true}}}}.dump()};
            reply.subject = r.param("waybill_code");
            reply.result = "cancelled";
            return reply;
        }
        if (method == "taobao.item.quantity.update") {
            shop.record_stock(
                {Platform::taobao, r.param("sku_id"), std::stoll(r.param("quantity"))});
            return {200,
                    json{{"item_quantity_update_response", {{"item", json::object()}}}}.dump()};
        }
        if (method == "taobao.logistics.companies.get") {
            json list = json::array({{{"code", "ZTO"}, {"name", "中通快递"}},
                                     {{"code", "YTO"}, {"name", "圆通速递"}},
                                     {{"code", "SF"}, {"name", "顺丰速运"}},
                                     {{"code", "JD"}, {"name", "京东快递"}}});
            return {200, json{{"logistics_companies_get_response",
                               {{"logistics_companies", {{"logistics_company", list}}}}}}
                             .dump()};
        }
        return top_error(22, "Invalid method", "");
    }

  private:
    SimCredentials c_;
};

}  // namespace

std::unique_ptr<SimWire> make_taobao_wire(SimCredentials credentials) {
    return std::make_unique<TaobaoWire>(std::move(credentials));
}

}  // namespace dj
