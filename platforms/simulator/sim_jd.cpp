// JD JOS as the simulator speaks it: /routerjson, 360buy_param_json, "_responce" answers.
#include <nlohmann/json.hpp>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "jd/jd_signature.h"
#include "simulator/sim_wire.h"

namespace dj {
namespace {

using nlohmann::json;

SimReply jos_error(const std::string& code, const std::string& zh, const std::string& en) {
    return {200,
            json{{"error_response", {{"code", code}, {"zh_desc", zh}, {"en_desc", en}}}}.dump()};
}

std::string jd_state(OrderStatus s) {
    switch (s) {
        case OrderStatus::pending_payment:
        case OrderStatus::to_ship:
            return "WAIT_SELLER_STOCK_OUT";
        case OrderStatus::shipped:
            return "WAIT_GOODS_RECEIVE_CONFIRM";
        case OrderStatus::completed:
            return "FINISHED_L";
        case OrderStatus::refund_requested:
            return "LOCKED";
        case OrderStatus::refunded:
        case OrderStatus::cancelled:
            return "TRADE_CANCELED";
    }
    return {};
}

json render_order(const Order& o) {
    json items = json::array();
    for (const OrderLine& l : o.lines)
        items.push_back({{"skuId", l.platform_sku_id},
                         {"outerSkuId", l.seller_code},
                         {"skuName", l.title},
                         {"itemTotal", std::to_string(l.quantity)},
                         {"jdPrice", format_yuan(l.unit_price)}});
    json j{{"orderId", o.platform_order_id},
           {"orderState", jd_state(o.status)},
           {"orderStartTime", format_shop_time(o.created_at)},
           {"modified", format_shop_time(o.modified_at)},
           {"orderPayment", format_yuan(o.paid_amount)},
           {"freightPrice", format_yuan(o.freight)},
           {"venderRemark", o.seller_memo},
           {"orderRemark", o.buyer_note},
           {"pin", o.buyer_nick},
           {"consigneeInfo",
            {{"fullname", o.receiver.name},
             {"mobile", o.receiver.phone},
             {"province", o.receiver.province},
             {"city", o.receiver.city},
             {"county", o.receiver.district},
             {"fullAddress", o.receiver.address}}},
           {"itemInfoList", items}};
    if (o.paid_at) j["paymentConfirmTime"] = format_shop_time(*o.paid_at);
    return j;
}

SimReply answer(const std::string& method, json payload) {
    std::string key = method;
    std::replace(key.begin(), key.end(), '.', '_');
    payload["code"] = "0";
    return {200, json{{key + "_responce", payload}}.dump()};
}

class JdWire : public SimWire {
  public:
    explicit JdWire(SimCredentials c) : c_(std::move(c)) {}
    Platform platform() const override { return Platform::jd; }
    std::vector<std::string> paths() const override { return {"/routerjson"}; }

    SimReply refuse(SimRefusal why) const override {
        switch (why) {
            case SimRefusal::bad_app_key:
            case SimRefusal::bad_signature:
                return jos_error("12", "签名无效", "Invalid signature");
            case SimRefusal::bad_timestamp:
                return jos_error("8", "时间戳无效", "Invalid timestamp");
            case SimRefusal::expired_token:
                return jos_error("19", "token已过期或者不存在", "Invalid access_token");
            case SimRefusal::throttled:
                return jos_error("2", "调用次数超限", "Call limit");
        }
        return {};
    }

    SimReply handle(const SimRequest& r, SimShop& shop, Timestamp now,
                    bool duplicate) const override {
        if (r.param("app_key") != c_.app_key) return refuse(SimRefusal::bad_app_key);
        if (!shop_time_within_skew(r.param("timestamp"), 360))
            return refuse(SimRefusal::bad_timestamp);
        if (jd_sign(r.params, c_.app_secret) != r.param("sign"))
            return refuse(SimRefusal::bad_signature);
        if (r.param("access_token") != c_.token) return refuse(SimRefusal::expired_token);
        json biz = json::parse(r.param("360buy_param_json"), nullptr, false);
        if (!biz.is_object()) return jos_error("41", "参数错误", "Invalid 360buy_param_json");
        std::string method = r.param("method");
        auto b = [&](const char* k) { return biz.value(k, std::string()); };
        if (method == "jingdong.pop.order.enSearch") {
            Timestamp start = 0, end = 0;
            try {
                start = parse_time(b("start_date"), "start_date");
                end = parse_time(b("end_date"), "end_date");
            } catch (const Error&) {
                return jos_error("41", "参数错误", "Invalid start_date or end_date");
            }
            int page = std::stoi(b("page").empty() ? "1" : b("page"));
            int size = std::stoi(b("page_size").empty() ? "20" : b("page_size"));
            if (size < 1 || size > 100 || page < 1 || end - start > 31 * 86400)
                return jos_error("41", "参数错误", "Invalid page_size or date range");
            // JD's end_date is inclusive to the second; the half-open window is ours.
            auto all = shop.modified_between(Platform::jd, start, end, false);
            json list = json::array();
            for (const Order* o : page_slice(all, page - 1, size, duplicate))
                list.push_back(render_order(*o));
            return answer(method, {{"searchorderinfo_result",
                                    {{"orderTotal", all.size()},
                                     {"apiResult", {{"success", true}, {"chineseErrCode", "成功"}}},
                                     {"orderInfoList", list}}}});
        }
        if (method == "jingdong.pop.order.enGet") {
            json result = json::object();
            if (const Order* o = shop.find(Platform::jd, b("order_id")))
                result["orderInfo"] = render_order(*o);
            return answer(method, {{"orderDetailInfo", result}});
        }
        if (method == "jingdong.pop.order.shipment") {
            SimShipResult done =
                shop.ship({Platform::jd, b("orderId"), b("logiCoprId"), b("logiNo")}, now);
            json result{{"success", done == SimShipResult::shipped}};
            if (done == SimShipResult::already_shipped) {
                result["errorCode"] = "10400001";
                result["chineseErr"] = "订单已出库，不能重复出库";
            } else if (done == SimShipResult::unknown_order) {
                result["errorCode"] = "10100001";
                result["chineseErr"] = "订单不存在";
            }
            return shipment_reply(answer(method, {{"sopjosshipment_result", result}}), b("orderId"),
                                  done);
        }
        if (method == "jingdong.stock.write.updateSkuStock") {
            shop.record_stock({Platform::jd, b("skuId"), std::stoll(b("stockNum"))});
            return answer(method, {{"success", true}});
        }
        if (method == "jingdong.ldop.alpha.waybill.receive") {
            json c = json::parse(b("content"), nullptr, false);
            if (!c.is_object() || c.value("waybillCount", 0) != 1 || !c.contains("fromAddress"))
                return answer(method, {{"resultInfo",
                                        {{"statusCode", 1001}, {"statusMessage", "参数错误"}}}});
            std::vector<std::string> ids{c.value("platformOrderNo", "")};
            SimWaybillResult got = shop.issue_waybill(Platform::jd, c.value("vendorOrderCode", ""),
                                                      c.value("providerCode", ""), ids);
            if (!got.waybill)
                return answer(method, {{"resultInfo",
                                        {{"statusCode", 2001}, {"statusMessage", got.refusal}}}});
            SimReply reply = answer(
                method, {{"resultInfo",
                          {{"statusCode", 0},
                           {"statusMessage", "成功"},
                           {"data",
                            {{"platformOrderNo", ids.front()},
                             {"waybillCodeList", json::array({got.waybill->tracking_no})}}}}}});
            reply.result = "issued";
            return reply;
        }
        if (method == "jingdong.printing.printData.pullData") {
            json p = biz.value("param1", json::object());
            json datas = json::array();
            for (const json& info : p.value("wayBillInfos", json::array()))
                for (const SimWaybill& w : shop.waybills())
                    if (w.platform == Platform::jd && !w.cancelled &&
                        w.tracking_no == info.value("jdWayBillCode", ""))
                        datas.push_back(
                            {{"wayBillNo", w.tracking_no}, {"perPrintData", sim_encrypted(w)}});
            return answer(method, {{"returnType",
                                    {{"code", 1},
                                     {"message", "成功"},
                                     {"objectId", p.value("objectId", "")},
                                     {"prePrintDatas", datas}}}});
        }
        if (method == "jingdong.printing.template.getTemplateList") {
            std::string cp = biz.value("param1", json::object()).value("cpCode", "");
            return answer(
                method,
                {{"returnType",
                  {{"code", 1},
                   {"datas",
                    json::array({{{"cpCode", cp},
                                  {"standardTemplates",
                                   json::array({{{"standardTemplateName", "一联单76x130"},
                                                 {"standardTemplateUrl",
                                                  "https://template-content.jd.com/template-oss?"
                                                  "tempCode=" +
                                                      cp + "76130"}}})}}})}}}});
        }
        if (method == "jingdong.ldop.alpha.waybill.api.unbind") {
            json c = json::parse(b("content"), nullptr, false);
            std::string tracking = c.is_object() ? c.value("waybillCode", "") : "";
            bool done = c.is_object() &&
                        shop.cancel_waybill(Platform::jd, c.value("providerCode", ""), tracking);
            SimReply reply = answer(
                method, {{"resultInfo", done ? json{{"statusCode", 0}, {"statusMessage", "成功"}}
                                             : json{{"statusCode", 2003},
                                                    {"statusMessage", "面单号不存在或已回收"}}}});
            reply.subject = tracking;
            reply.result = done ? "cancelled" : "answered";
            return reply;
        }
        if (method == "jingdong.ldop.alpha.provider.query")
            return answer(method, {{"resultInfo",
                                    {{"data", json::array({{{"providerId", 463},
                                                            {"providerCode", "YTO"},
                                                            {"providerName", "圆通速递"}},
                                                           {{"providerId", 1499},
                                                            {"providerCode", "ZTO"},
                                                            {"providerName", "中通快递"}},
                                                           {{"providerId", 467},
                                                            {"providerCode", "SF"},
                                                            {"providerName", "顺丰速运"}},
                                                           {{"providerId", 2087},
                                                            {"providerCode", "JD"},
                                                            {"providerName", "京东物流"}}})}}}});
        return jos_error("15", "方法无效", "Invalid method");
    }

  private:
    SimCredentials c_;
};

}  // namespace

std::unique_ptr<SimWire> make_jd_wire(SimCredentials credentials) {
    return std::make_unique<JdWire>(std::move(credentials));
}

}  // namespace dj
