#include "pinduoduo/pinduoduo_adapter.h"

#include "cloud_print.h"
#include "core/base/clock.h"
#include "core/base/translate.h"
#include "pinduoduo/pinduoduo_signature.h"
#include "platform_error.h"

namespace dj {

using nlohmann::json;

namespace {

constexpr int kPageSize = 100;

void check_pdd(const json& body, const std::string& what) {
    auto err = body.find("error_response");
    if (err == body.end()) return;
    std::int64_t code = err->value("error_code", 0);
    std::string text = trf("{0}: Pinduoduo error {1} {2} {3}", what, std::to_string(code),
                           json_text(*err, "error_msg"), json_text(*err, "sub_msg"));
    if (code == 10019) throw AuthorizationExpired(text + " — " + tr("authorise the store again"));
    if (code == 52101 || code == 70031) throw PlatformThrottled(text);
    if (code == 52102 || code == 52103) throw PlatformUnavailable(text);
    if (code == 10001 || code == 10016 || code == 10017 || code == 20004)
        throw PlatformConfigError(text + " — " +
                                  tr("check the store's client id, secret and this PC's clock"));
    throw PlatformError(text);
}

// The masked copy is readable and still not plain text; the ciphertext is kept otherwise.
std::string masked_or_given(const json& j, const char* field) {
    std::string masked = json_text(j, (std::string(field) + "_mask").c_str());
    return masked.empty() ? json_text(j, field) : masked;
}

}  // namespace

PinduoduoAdapter::PinduoduoAdapter(const StoreConnection& connection, HttpClient& http)
    : AdapterSupport(connection, http, "https://gw-api.pinduoduo.com") {}

json PinduoduoAdapter::invoke(const std::string& type, std::map<std::string, std::string> params) {
    params["type"] = type;
    params["client_id"] = connection_.app_key;
    params["access_token"] = connection_.token;
    params["timestamp"] = std::to_string(signing_time());
    params["data_type"] = "JSON";
    params["sign"] = pinduoduo_sign(params, connection_.app_secret);
    HttpRequest request;
    request.url = url("/api/router");
    request.headers = {"Content-Type: application/x-www-form-urlencoded;charset=utf-8"};
    request.body = form_encode(params);
    std::string what = where(type);
    return call(
        request, [&](const json& b) { check_pdd(b, what); }, what);
}

Order pinduoduo_order_to_order(const json& j) {
    std::string id = json_id(j, "order_sn", "Pinduoduo order");
    std::string record = trf("Pinduoduo order {0}", id);
    Order o;
    o.platform_order_id = id;
    std::int64_t status = json_int(j, "order_status", record);
    std::int64_t refund = j.contains("refund_status") ? json_int(j, "refund_status", record) : 1;
    if (status == 1)
        o.status = OrderStatus::to_ship;
    else if (status == 2)
        o.status = OrderStatus::shipped;
    else if (status == 3)
        o.status = OrderStatus::completed;
    else
        throw MalformedResponse(
            trf("{0}: unknown order_status {1}", record, std::to_string(status)), j.dump());
    if (refund == 2 || refund == 3) o.status = OrderStatus::refund_requested;
    if (refund == 4) o.status = OrderStatus::refunded;
    o.buyer_note = json_text(j, "buyer_memo");
    o.seller_memo = json_text(j, "remark");
    o.receiver = {masked_or_given(j, "receiver_name"),
                  masked_or_given(j, "receiver_phone"),
                  json_text(j, "province"),
                  json_text(j, "city"),
                  json_text(j, "town"),
                  masked_or_given(j, "address")};
    o.paid_amount = json_yuan(j, "pay_amount", record);
    if (j.contains("postage")) o.freight = json_yuan(j, "postage", record);
    o.created_at = json_beijing_time(j, "created_time", record);
    o.modified_at = json_beijing_time(j, "updated_at", record);
    if (!json_text(j, "pay_time").empty()) o.paid_at = json_beijing_time(j, "pay_time", record);
    if (!json_text(j, "last_ship_time").empty())
        o.promised_ship_at = json_beijing_time(j, "last_ship_time", record);
    auto items = j.find("item_list");
    if (items == j.end() || !items->is_array() || items->empty())
        throw MalformedResponse(trf("{0}: field item_list is missing or empty", record), j.dump());
    for (const json& it : *items) {
        OrderLine line;
        line.platform_sku_id = json_id(it, "sku_id", record);
        line.seller_code = json_text(it, "outer_id");
        line.title = json_text(it, "goods_name");
        line.quantity = json_int(it, "goods_count", record);
        line.unit_price = json_yuan(it, "goods_price", record);
        o.lines.push_back(std::move(line));
    }
    return o;
}

void PinduoduoAdapter::pull_window(const TimeWindow& window, const PageSink& sink) {
    auto page = [&](int page_no) {
        return invoke("pdd.order.number.list.increment.get",
                      {{"is_lucky_flag", "0"},
                       {"order_status", "5"},
                       {"refund_status", "5"},
                       {"start_updated_at", std::to_string(window.start)},
                       {"end_updated_at", std::to_string(window.end)},
                       {"page", std::to_string(page_no)},
                       {"page_size", std::to_string(kPageSize)}})
            .at("order_sn_increment_get_response");
    };
    auto orders_of = [](const json& r) {
        std::vector<Order> orders;
        for (const json& item : r.at("order_sn_list"))
            orders.push_back(pinduoduo_order_to_order(item));
        return orders;
    };
    try {
        // Backwards from the last page, as Pinduoduo asks, so moving orders are not skipped.
        json first = page(1);
        std::int64_t total = json_int(first, "total_count", "Pinduoduo order_sn_increment");
        std::int64_t pages = (total + kPageSize - 1) / kPageSize;
        if (pages <= 1) {
            sink(orders_of(first));
            return;
        }
        for (std::int64_t p = pages; p >= 1; --p)
            sink(orders_of(page(static_cast<int>(p))));
    } catch (const json::exception& e) {
        throw MalformedResponse(trf("{0}: unexpected order list shape: {1}",
                                    where("pdd.order.number.list.increment.get"), e.what()),
                                e.what());
    }
}

std::optional<Order> PinduoduoAdapter::fetch_order(const std::string& platform_order_id) {
    json r = invoke("pdd.order.information.get", {{"order_sn", platform_order_id}});
    const json& info = r.at("order_info_get_response");
    if (!info.contains("order_info")) return std::nullopt;
    return pinduoduo_order_to_order(info.at("order_info"));
}

void PinduoduoAdapter::confirm_shipment(const Shipment& s) {
    json r;
    try {
        r = invoke("pdd.logistics.online.send", {{"order_sn", s.platform_order_id},
                                                 {"logistics_id", s.carrier},
                                                 {"tracking_number", s.tracking_no}});
    } catch (const PlatformError& e) {
        rethrow_confirmation_error(e);
    }
    if (!r.value("logistics_online_send_response", json::object()).value("is_success", false))
        throw PlatformError(trf("{0}: shipment of {1} not acknowledged",
                                where("pdd.logistics.online.send"), s.platform_order_id));
}

void PinduoduoAdapter::push_stock(const StockUpdate& u) {
    invoke("pdd.goods.quantity.update",
           {{"sku_id", u.platform_sku}, {"quantity", std::to_string(u.quantity)}});
}

std::vector<PlatformCarrier> PinduoduoAdapter::list_carriers() {
    json r = invoke("pdd.logistics.companies.get", {});
    std::vector<PlatformCarrier> carriers;
    for (const json& c : r.at("logistics_companies_get_response").at("logistics_companies"))
        carriers.push_back(
            {json_id(c, "id", "Pinduoduo carrier"), json_text(c, "logistics_company")});
    return carriers;
}

std::vector<CarrierAccount> PinduoduoAdapter::list_carrier_accounts() {
    json r = invoke("pdd.waybill.search", {});
    std::vector<CarrierAccount> accounts;
    for (const json& sub : r.value("pdd_waybill_search_response", json::object())
                               .value("waybill_apply_subscription_cols", json::array())) {
        std::string wp = json_text(sub, "wp_code");
        std::string ours = known_carrier_code(wp, "");
        if (ours.empty()) continue;
        for (const json& b : sub.value("branch_account_cols", json::array()))
            for (const json& a : b.value("shipp_address_cols", json::array()))
                accounts.push_back(cloud_print_account(connection_.store_code, ours, wp, b, a));
    }
    return accounts;
}

std::vector<IssuedWaybill> PinduoduoAdapter::fetch_waybills(
    const CarrierAccount& account, const std::vector<WaybillRequest>& parcels) {
    json r = invoke("pdd.waybill.get",
                    {{"param_waybill_cloud_print_apply_new_request",
                      cloud_print_request(account, parcels, "PDD", "wp_code").dump()}});
    return cloud_print_modules(
        r.value("pdd_waybill_get_response", json::object()).value("modules", json::array()),
        where("pdd.waybill.get"));
}

void PinduoduoAdapter::cancel_waybill(const CarrierAccount& account,
                                      const std::string& tracking_no) {
    json r = invoke("pdd.waybill.cancel",
                    {{"wp_code", account.platform_code}, {"waybill_code", tracking_no}});
    if (!r.value("pdd_waybill_cancel_response", json::object()).value("cancel_result", false))
        throw PlatformError(trf("{0}: the number {1} was not given back",
                                where("pdd.waybill.cancel"), tracking_no));
}

}  // namespace dj
