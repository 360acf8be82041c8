#include "taobao/taobao_adapter.h"

#include "cloud_print.h"
#include "core/base/clock.h"
#include "core/base/translate.h"
#include "platform_error.h"
#include "taobao/taobao_signature.h"

namespace dj {

using nlohmann::json;

namespace {

constexpr int kPageSize = 100;
constexpr const char* kTradeFields =
    "tid,tid_str,status,created,modified,pay_time,payment,post_fee,seller_memo,seller_flag,"
    "buyer_message,buyer_nick,receiver_name,receiver_state,receiver_city,receiver_district,"
    "receiver_address,receiver_mobile,orders";

OrderStatus trade_status(const std::string& s, std::string_view record) {
    if (s == "WAIT_SELLER_SEND_GOODS" || s == "SELLER_CONSIGNED_PART" || s == "PAID_FORBID_CONSIGN")
        return OrderStatus::to_ship;
    if (s == "WAIT_BUYER_CONFIRM_GOODS" || s == "TRADE_BUYER_SIGNED") return OrderStatus::shipped;
    if (s == "TRADE_FINISHED") return OrderStatus::completed;
    if (s == "TRADE_CLOSED") return OrderStatus::refunded;
    if (s == "TRADE_CLOSED_BY_TAOBAO") return OrderStatus::cancelled;
    if (s == "TRADE_NO_CREATE_PAY" || s == "WAIT_BUYER_PAY" || s == "PAY_PENDING" ||
        s == "WAIT_PRE_AUTH_CONFIRM")
        return OrderStatus::pending_payment;
    throw MalformedResponse(trf("{0}: unknown trade status {1}", record, s), s);
}

bool refund_open(const std::string& refund_status) {
    return refund_status == "WAIT_SELLER_AGREE" || refund_status == "WAIT_BUYER_RETURN_GOODS" ||
           refund_status == "WAIT_SELLER_CONFIRM_GOODS";
}

void check_top(const json& body, const std::string& what) {
    auto err = body.find("error_response");
    if (err == body.end()) return;
    int code = err->value("code", 0);
    std::string sub = json_text(*err, "sub_code");
    std::string text = trf("{0}: Taobao error {1} {2} {3} {4}", what, std::to_string(code),
                           json_text(*err, "msg"), sub, json_text(*err, "sub_msg"));
    if (code == 7 || code == 8) throw PlatformThrottled(text);
    if (code == 26 || code == 27)
        throw AuthorizationExpired(text + " — " + tr("authorise the store again"));
    if (code == 11 || code == 12 || code == 25 || code == 29 || code == 31)
        throw PlatformConfigError(text + " — " +
                                  tr("check the store's app key, secret and this PC's clock"));
    // Code 15 wraps the service's own errors: "isv." ones are refusals, the rest failures.
    if ((code == 15 && sub.rfind("isv.", 0) != 0) || sub.rfind("isp.", 0) == 0)
        throw PlatformUnavailable(text);
    throw PlatformError(text);
}

}  // namespace

TaobaoAdapter::TaobaoAdapter(const StoreConnection& connection, HttpClient& http)
    : AdapterSupport(connection, http, "https://eco.taobao.com") {}

json TaobaoAdapter::invoke(const std::string& method, std::map<std::string, std::string> params) {
    std::string sign_method = connection_.sign_method.empty() ? "md5" : connection_.sign_method;
    params["method"] = method;
    params["app_key"] = connection_.app_key;
    params["session"] = connection_.token;
    params["timestamp"] = beijing_time(signing_time());
    params["v"] = "2.0";
    params["format"] = "json";
    params["sign_method"] = sign_method;
    params["sign"] = taobao_sign(params, connection_.app_secret, sign_method);
    HttpRequest request;
    request.url = url("/router/rest");
    request.headers = {"Content-Type: application/x-www-form-urlencoded;charset=utf-8"};
    request.body = form_encode(params);
    std::string what = where(method);
    return call(
        request, [&](const json& body) { check_top(body, what); }, what);
}

Order taobao_trade_to_order(const json& t) {
    std::string id = t.contains("tid_str") ? json_id(t, "tid_str", "Taobao trade")
                                           : json_id(t, "tid", "Taobao trade");
    std::string record = trf("Taobao trade {0}", id);
    Order o;
    o.platform_order_id = id;
    o.status = trade_status(json_text(t, "status"), record);
    o.buyer_nick = json_text(t, "buyer_nick");
    o.buyer_note = json_text(t, "buyer_message");
    o.seller_memo = json_text(t, "seller_memo");
    if (t.contains("seller_flag"))
        o.seller_flag = static_cast<int>(json_int(t, "seller_flag", record));
    o.receiver = {json_text(t, "receiver_name"),     json_text(t, "receiver_mobile"),
                  json_text(t, "receiver_state"),    json_text(t, "receiver_city"),
                  json_text(t, "receiver_district"), json_text(t, "receiver_address")};
    o.paid_amount = json_yuan(t, "payment", record);
    if (t.contains("post_fee")) o.freight = json_yuan(t, "post_fee", record);
    o.created_at = json_beijing_time(t, "created", record);
    o.modified_at = json_beijing_time(t, "modified", record);
    if (!json_text(t, "pay_time").empty()) o.paid_at = json_beijing_time(t, "pay_time", record);
    const json* lines = nullptr;
    if (auto it = t.find("orders"); it != t.end() && it->contains("order")) lines = &(*it)["order"];
    if (!lines || !lines->is_array() || lines->empty())
        throw MalformedResponse(trf("{0}: field orders.order is missing or empty", record),
                                t.dump());
    int open_refunds = 0, refunded = 0;
    for (const json& l : *lines) {
        OrderLine line;
        line.platform_sku_id =
            l.contains("sku_id") ? json_id(l, "sku_id", record) : json_id(l, "num_iid", record);
        line.seller_code = json_text(l, "outer_sku_id");
        if (line.seller_code.empty()) line.seller_code = json_text(l, "outer_iid");
        line.title = json_text(l, "title");
        line.quantity = json_int(l, "num", record);
        line.unit_price = json_yuan(l, "price", record);
        std::string refund = json_text(l, "refund_status");
        if (refund_open(refund)) ++open_refunds;
        if (refund == "SUCCESS") ++refunded;
        o.lines.push_back(std::move(line));
    }
    bool live = o.status == OrderStatus::to_ship || o.status == OrderStatus::shipped;
    if (live && open_refunds > 0) o.status = OrderStatus::refund_requested;
    if (live && refunded == static_cast<int>(o.lines.size())) o.status = OrderStatus::refunded;
    return o;
}

void TaobaoAdapter::pull_window(const TimeWindow& window, const PageSink& sink) {
    auto page = [&](int page_no) {
        return invoke("taobao.trades.sold.increment.get",
                      {{"fields", kTradeFields},
                       {"start_modified", beijing_time(window.start)},
                       {"end_modified", beijing_time(window.end)},
                       {"page_no", std::to_string(page_no)},
                       {"page_size", std::to_string(kPageSize)}});
    };
    auto orders_of = [](const json& body) {
        const json& r = body.at("trades_sold_increment_get_response");
        std::vector<Order> orders;
        if (auto t = r.find("trades"); t != r.end())
            for (const json& trade : t->at("trade"))
                orders.push_back(taobao_trade_to_order(trade));
        return orders;
    };
    auto total_of = [](const json& body) {
        const json& r = body.at("trades_sold_increment_get_response");
        return json_int(r, "total_results", "Taobao trades_sold_increment_get_response");
    };
    // Newest-modified come first: walking from the last page back to the first misses nothing
    // when trades move while we page.
    try {
        json first = page(1);
        std::int64_t pages = (total_of(first) + kPageSize - 1) / kPageSize;
        if (pages <= 1) {
            sink(orders_of(first));
            return;
        }
        for (std::int64_t p = pages; p >= 1; --p)
            sink(orders_of(page(static_cast<int>(p))));
    } catch (const json::exception& e) {
        throw MalformedResponse(trf("{0}: unexpected order list shape: {1}",
                                    where("taobao.trades.sold.increment.get"), e.what()),
                                e.what());
    }
}

std::optional<Order> TaobaoAdapter::fetch_order(const std::string& platform_order_id) {
    json body =
        invoke("taobao.trade.fullinfo.get", {{"fields", kTradeFields}, {"tid", platform_order_id}});
    const json& r = body.at("trade_fullinfo_get_response");
    if (!r.contains("trade")) return std::nullopt;
    return taobao_trade_to_order(r.at("trade"));
}

void TaobaoAdapter::confirm_shipment(const Shipment& s) {
    json body;
    try {
        body = invoke("taobao.logistics.offline.send", {{"tid", s.platform_order_id},
                                                        {"out_sid", s.tracking_no},
                                                        {"company_code", s.carrier}});
    } catch (const PlatformError& e) {
        rethrow_confirmation_error(e);
    }
    const json& r = body.value("logistics_offline_send_response", json::object());
    if (!r.value("shipping", json::object()).value("is_success", false))
        throw PlatformError(trf("{0}: shipment of {1} not acknowledged",
                                where("taobao.logistics.offline.send"), s.platform_order_id));
}

void TaobaoAdapter::push_stock(const StockUpdate& u) {
    invoke("taobao.item.quantity.update",
           {{"sku_id", u.platform_sku}, {"quantity", std::to_string(u.quantity)}, {"type", "1"}});
}

std::vector<PlatformCarrier> TaobaoAdapter::list_carriers() {
    json body = invoke("taobao.logistics.companies.get", {{"fields", "code,name"}});
    std::vector<PlatformCarrier> carriers;
    for (const json& c : body.at("logistics_companies_get_response")
                             .at("logistics_companies")
                             .at("logistics_company"))
        carriers.push_back({json_text(c, "code"), json_text(c, "name")});
    return carriers;
}

std::vector<CarrierAccount> TaobaoAdapter::list_carrier_accounts() {
    json body = invoke("cainiao.waybill.ii.search", {});
    const json& cols = body.value("cainiao_waybill_ii_search_response", json::object())
                           .value("waybill_apply_subscription_cols", json::object())
                           .value("waybill_apply_subscription_info", json::array());
    std::vector<CarrierAccount> accounts;
    for (const json& sub : cols) {
        std::string cp = json_text(sub, "cp_code");
        std::string ours = known_carrier_code(cp, "");
        if (ours.empty()) continue;
        for (const json& b : sub.value("branch_account_cols", json::object())
                                 .value("waybill_branch_account", json::array())) {
            for (const json& a :
                 b.value("shipp_address_cols", json::object()).value("address_dto", json::array()))
                accounts.push_back(cloud_print_account(connection_.store_code, ours, cp, b, a));
        }
    }
    return accounts;
}

std::vector<IssuedWaybill> TaobaoAdapter::fetch_waybills(
    const CarrierAccount& account, const std::vector<WaybillRequest>& parcels) {
    json body = invoke("cainiao.waybill.ii.get",
                       {{"param_waybill_cloud_print_apply_new_request",
                         cloud_print_request(account, parcels, "TB", "cp_code").dump()}});
    return cloud_print_modules(body.value("cainiao_waybill_ii_get_response", json::object())
                                   .value("modules", json::object())
                                   .value("waybill_cloud_print_response", json::array()),
                               where("cainiao.waybill.ii.get"));
}

void TaobaoAdapter::cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) {
    json body = invoke("cainiao.waybill.ii.cancel",
                       {{"cp_code", account.platform_code}, {"waybill_code", tracking_no}});
    if (!body.value("cainiao_waybill_ii_cancel_response", json::object())
             .value("cancel_result", false))
        throw PlatformError(trf("{0}: the number {1} was not given back",
                                where("cainiao.waybill.ii.cancel"), tracking_no));
}

}  // namespace dj
