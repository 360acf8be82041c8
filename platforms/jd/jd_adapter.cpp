#include "jd/jd_adapter.h"

#include <algorithm>

#include "core/base/clock.h"
#include "core/base/translate.h"
#include "jd/jd_signature.h"
#include "platform_error.h"

namespace dj {

using nlohmann::json;

namespace {

constexpr int kPageSize = 100;
constexpr const char* kOrderStates =
    "WAIT_SELLER_STOCK_OUT,WAIT_GOODS_RECEIVE_CONFIRM,FINISHED_L,TRADE_CANCELED,LOCKED,PAUSE,"
    "POP_ORDER_PAUSE";
constexpr const char* kFields =
    "orderId,orderState,orderStartTime,modified,paymentConfirmTime,orderPayment,freightPrice,"
    "venderRemark,orderRemark,pin,consigneeInfo,itemInfoList";

OrderStatus order_state(const std::string& s, std::string_view record) {
    if (s == "WAIT_SELLER_STOCK_OUT" || s == "PAUSE" || s == "POP_ORDER_PAUSE" ||
        s == "WAIT_SELLER_DELIVERY")
        return OrderStatus::to_ship;
    if (s == "WAIT_GOODS_RECEIVE_CONFIRM") return OrderStatus::shipped;
    if (s == "FINISHED_L") return OrderStatus::completed;
    if (s == "TRADE_CANCELED") return OrderStatus::cancelled;
    // Locked while the buyer's cancel or refund request is decided.
    if (s == "LOCKED") return OrderStatus::refund_requested;
    throw MalformedResponse(trf("{0}: unknown orderState {1}", record, s), s);
}

void check_jos(const json& body, const std::string& what) {
    auto err = body.find("error_response");
    if (err == body.end()) return;
    std::string code = json_text(*err, "code");
    std::string text = trf("{0}: JD error {1} {2} {3}", what, code, json_text(*err, "zh_desc"),
                           json_text(*err, "en_desc"));
    if (code == "2") throw PlatformThrottled(text);
    if (code == "19") throw AuthorizationExpired(text + " — " + tr("authorise the store again"));
    if (code == "4" || code == "5" || code == "7" || code == "8" || code == "11" || code == "12" ||
        code == "14" || code == "15")
        throw PlatformConfigError(text + " — " +
                                  tr("check the store's app key, secret and this PC's clock"));
    throw PlatformError(text);
}

}  // namespace

JdAdapter::JdAdapter(const StoreConnection& connection, HttpClient& http)
    : AdapterSupport(connection, http, "https://api.jd.com") {}

json JdAdapter::invoke(const std::string& method, const json& business) {
    std::map<std::string, std::string> params{{"method", method},
                                              {"app_key", connection_.app_key},
                                              {"access_token", connection_.token},
                                              {"timestamp", beijing_time(signing_time())},
                                              {"v", "2.0"},
                                              {"format", "json"},
                                              {"360buy_param_json", business.dump()}};
    params["sign"] = jd_sign(params, connection_.app_secret);
    HttpRequest request;
    request.url = url("/routerjson");
    request.headers = {"Content-Type: application/x-www-form-urlencoded;charset=utf-8"};
    request.body = form_encode(params);
    std::string what = where(method);
    json body = call(
        request, [&](const json& b) { check_jos(b, what); }, what);
    std::string key = method;
    std::replace(key.begin(), key.end(), '.', '_');
    for (const char* suffix : {"_responce", "_response"})
        if (auto it = body.find(key + suffix); it != body.end()) return *it;
    throw MalformedResponse(trf("{0}: the answer has no {1}_responce", what, key), body.dump());
}

Order jd_order_to_order(const json& info) {
    std::string id = json_id(info, "orderId", "JD order");
    std::string record = trf("JD order {0}", id);
    Order o;
    o.platform_order_id = id;
    o.status = order_state(json_text(info, "orderState"), record);
    o.buyer_nick = json_text(info, "pin");
    o.buyer_note = json_text(info, "orderRemark");
    o.seller_memo = json_text(info, "venderRemark");
    if (auto c = info.find("consigneeInfo"); c != info.end() && c->is_object())
        o.receiver = {json_text(*c, "fullname"), json_text(*c, "mobile"),
                      json_text(*c, "province"), json_text(*c, "city"),
                      json_text(*c, "county"),   json_text(*c, "fullAddress")};
    o.paid_amount = json_yuan(info, "orderPayment", record);
    if (info.contains("freightPrice")) o.freight = json_yuan(info, "freightPrice", record);
    o.created_at = json_beijing_time(info, "orderStartTime", record);
    o.modified_at = json_beijing_time(info, "modified", record);
    if (!json_text(info, "paymentConfirmTime").empty())
        o.paid_at = json_beijing_time(info, "paymentConfirmTime", record);
    auto items = info.find("itemInfoList");
    if (items == info.end() || !items->is_array() || items->empty())
        throw MalformedResponse(trf("{0}: field itemInfoList is missing or empty", record),
                                info.dump());
    for (const json& it : *items) {
        OrderLine line;
        line.platform_sku_id = json_id(it, "skuId", record);
        line.seller_code = json_text(it, "outerSkuId");
        line.title = json_text(it, "skuName");
        line.quantity = json_int(it, "itemTotal", record);
        line.unit_price = json_yuan(it, "jdPrice", record);
        o.lines.push_back(std::move(line));
    }
    return o;
}

void JdAdapter::pull_window(const TimeWindow& window, const PageSink& sink) {
    try {
        for (int page = 1;; ++page) {
            json r =
                invoke("jingdong.pop.order.enSearch", {{"start_date", beijing_time(window.start)},
                                                       {"end_date", beijing_time(window.end)},
                                                       {"order_state", kOrderStates},
                                                       {"optional_fields", kFields},
                                                       {"page", std::to_string(page)},
                                                       {"page_size", std::to_string(kPageSize)}});
            const json& result = r.at("searchorderinfo_result");
            const json& api = result.at("apiResult");
            if (!api.value("success", false))
                throw PlatformError(trf("{0}: JD refused the order search: {1}",
                                        where("jingdong.pop.order.enSearch"),
                                        json_text(api, "chineseErrCode")));
            std::int64_t total = json_int(result, "orderTotal", "JD searchorderinfo_result");
            std::vector<Order> orders;
            if (auto list = result.find("orderInfoList"); list != result.end())
                for (const json& info : *list)
                    orders.push_back(jd_order_to_order(info));
            sink(std::move(orders));
            if (static_cast<std::int64_t>(page) * kPageSize >= total) return;
        }
    } catch (const json::exception& e) {
        throw MalformedResponse(trf("{0}: unexpected order list shape: {1}",
                                    where("jingdong.pop.order.enSearch"), e.what()),
                                e.what());
    }
}

std::optional<Order> JdAdapter::fetch_order(const std::string& platform_order_id) {
    json r = invoke("jingdong.pop.order.enGet",
                    {{"order_id", platform_order_id}, {"optional_fields", kFields}});
    const json& result = r.at("orderDetailInfo");
    if (!result.contains("orderInfo")) return std::nullopt;
    return jd_order_to_order(result.at("orderInfo"));
}

void JdAdapter::confirm_shipment(const Shipment& s) {
    json r = invoke(
        "jingdong.pop.order.shipment",
        {{"orderId", s.platform_order_id}, {"logiCoprId", s.carrier}, {"logiNo", s.tracking_no}});
    const json result = r.value("sopjosshipment_result", json::object());
    if (!result.value("success", false)) {
        std::string said = json_text(result, "chineseErr");
        std::string text = trf("{0}: shipment of {1} not acknowledged: {2} {3}",
                               where("jingdong.pop.order.shipment"), s.platform_order_id,
                               json_text(result, "errorCode"), said);
        if (says_already_shipped(said)) throw AlreadyShipped(text);
        throw PlatformError(text);
    }
}

void JdAdapter::push_stock(const StockUpdate& u) {
    invoke("jingdong.stock.write.updateSkuStock",
           {{"skuId", u.platform_sku}, {"stockNum", std::to_string(u.quantity)}});
}

std::vector<PlatformCarrier> JdAdapter::list_carriers() {
    json r = invoke("jingdong.ldop.alpha.provider.query", json::object());
    std::vector<PlatformCarrier> carriers;
    for (const json& c : r.at("resultInfo").at("data"))
        carriers.push_back({json_id(c, "providerId", "JD carrier"), json_text(c, "providerName")});
    return carriers;
}

// [U] JD's e-waybill subscriptions have no query call in PLATFORMS.md: they are entered.
std::vector<CarrierAccount> JdAdapter::list_carrier_accounts() {
    return {};
}

// One number from jingdong.ldop.alpha.waybill.receive per parcel (vendorOrderCode is the
// parcel's object id), then its print data from jingdong.printing.printData.pullData, kept
// with the carrier's standard template as {"printData", "tempUrl"}.
std::vector<IssuedWaybill> JdAdapter::fetch_waybills(const CarrierAccount& account,
                                                     const std::vector<WaybillRequest>& parcels) {
    std::vector<IssuedWaybill> issued;
    std::string template_url;
    for (const WaybillRequest& p : parcels) {
        long long count = 0;
        for (const WaybillRequest::Item& i : p.items)
            count += i.quantity;
        json content{{"waybillType", 1},
                     {"waybillCount", 1},
                     {"providerCode", account.platform_code},
                     {"branchCode", account.branch_code},
                     {"settlementCode", account.account_no},
                     {"salePlatform", "0010001"},
                     {"platformOrderNo",
                      p.platform_order_ids.empty() ? std::string() : p.platform_order_ids.front()},
                     {"vendorOrderCode", p.object_id},
                     {"payType", 0},
                     {"goodsCount", count},
                     {"fromAddress",
                      {{"provinceName", account.sender.province},
                       {"cityName", account.sender.city},
                       {"countryName", account.sender.district},
                       {"address", account.sender.detail},
                       {"contact", account.sender.name},
                       {"mobile", account.sender.phone}}},
                     {"toAddress",
                      {{"provinceName", p.receiver.province},
                       {"cityName", p.receiver.city},
                       {"countryName", p.receiver.district},
                       {"address", p.receiver.address},
                       {"contact", p.receiver.name},
                       {"mobile", p.receiver.phone}}}};
        json r = invoke("jingdong.ldop.alpha.waybill.receive", {{"content", content.dump()}});
        const json result = r.value("resultInfo", json::object());
        if (result.value("statusCode", -1) != 0) {
            issued.push_back({p.object_id, "", "", json_text(result, "statusMessage")});
            continue;
        }
        const json codes =
            result.value("data", json::object()).value("waybillCodeList", json::array());
        if (codes.empty() || !codes.front().is_string())
            throw MalformedResponse(trf("{0}: no waybill number for {1}",
                                        where("jingdong.ldop.alpha.waybill.receive"), p.object_id),
                                    r.dump());
        std::string tracking = codes.front().get<std::string>();
        json pulled =
            invoke("jingdong.printing.printData.pullData",
                   {{"param1",
                     {{"cpCode", account.platform_code},
                      {"objectId", p.object_id},
                      {"parameters", {{"ewCustomerCode", account.account_no}}},
                      {"wayBillInfos", json::array({{{"orderNo", content["platformOrderNo"]},
                                                     {"popFlag", 1},
                                                     {"jdWayBillCode", tracking}}})}}}});
        std::string print;
        for (const json& d :
             pulled.value("returnType", json::object()).value("prePrintDatas", json::array()))
            if (json_text(d, "wayBillNo") == tracking) print = json_text(d, "perPrintData");
        if (print.empty())
            throw MalformedResponse(trf("{0}: no print data for {1}",
                                        where("jingdong.printing.printData.pullData"), tracking),
                                    pulled.dump());
        if (template_url.empty()) {
            // [U] jingdong.printing.template.getTemplateList (not in PLATFORMS.md): the
            // carrier's standard template, which JD's component takes as tempUrl.
            json t = invoke("jingdong.printing.template.getTemplateList",
                            {{"param1", {{"cpCode", account.platform_code}}}});
            for (const json& d :
                 t.value("returnType", json::object()).value("datas", json::array()))
                for (const json& s : d.value("standardTemplates", json::array()))
                    if (template_url.empty()) template_url = json_text(s, "standardTemplateUrl");
        }
        issued.push_back({p.object_id, tracking,
                          json{{"printData", print}, {"tempUrl", template_url}}.dump(), ""});
    }
    return issued;
}

void JdAdapter::cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) {
    json content{{"providerCode", account.platform_code},
                 {"waybillCode", tracking_no},
                 {"operatorName", "Dianjia"}};
    json r = invoke("jingdong.ldop.alpha.waybill.api.unbind", {{"content", content.dump()}});
    const json result = r.value("resultInfo", json::object());
    if (result.value("statusCode", -1) != 0)
        throw PlatformError(trf("{0}: the number {1} was not given back: {2}",
                                where("jingdong.ldop.alpha.waybill.api.unbind"), tracking_no,
                                json_text(result, "statusMessage")));
}

}  // namespace dj
