#include "douyin/douyin_adapter.h"

#include <algorithm>

#include "core/base/clock.h"
#include "core/base/translate.h"
#include "douyin/douyin_signature.h"
#include "platform_error.h"

namespace dj {

using nlohmann::json;

namespace {

constexpr int kPageSize = 100;
constexpr std::int64_t kSuccess = 10000;

void check_douyin(const json& body, const std::string& what) {
    std::int64_t code = body.value("code", std::int64_t{0});
    if (code == kSuccess) return;
    std::string sub = json_text(body, "sub_code");
    std::string text =
        trf("{0}: Douyin error {1} {2} {3} {4} (log_id {5})", what, std::to_string(code),
            json_text(body, "msg"), sub, json_text(body, "sub_msg"), json_text(body, "log_id"));
    if (sub.rfind("isv.access-token", 0) == 0)
        throw AuthorizationExpired(text + " — " + tr("authorise the store again"));
    if (sub.find("rate-limit") != std::string::npos) throw PlatformThrottled(text);
    if (sub.rfind("isv.sign", 0) == 0 || sub.rfind("isv.app-key", 0) == 0 ||
        sub.rfind("isv.timestamp", 0) == 0)
        throw PlatformConfigError(text + " — " +
                                  tr("check the store's app key, secret and this PC's clock"));
    if (sub.rfind("isp.", 0) == 0) throw PlatformUnavailable(text);
    throw PlatformError(text);
}

std::string name_of(const json& addr, const char* part) {
    auto it = addr.find(part);
    if (it == addr.end()) return {};
    return it->is_object() ? json_text(*it, "name") : json_text(addr, part);
}

// Masked copies are readable and still not plain text; otherwise what was sent is kept.
std::string masked_or_given(const json& j, const char* field) {
    std::string masked = json_text(j, (std::string("mask_") + field).c_str());
    return masked.empty() ? json_text(j, field) : masked;
}

}  // namespace

DouyinAdapter::DouyinAdapter(const StoreConnection& connection, HttpClient& http)
    : AdapterSupport(connection, http, "https://openapi-fxg.jinritemai.com") {}

json DouyinAdapter::invoke(const std::string& path, const json& params) {
    std::string method = path.substr(1);
    std::replace(method.begin(), method.end(), '/', '.');
    // nlohmann's json keeps keys sorted and dump() is compact with UTF-8 unescaped: exactly
    // the param_json Douyin signs.
    std::string param_json = params.empty() ? "{}" : params.dump();
    std::string timestamp = std::to_string(signing_time());
    std::string sign_method =
        connection_.sign_method.empty() ? "hmac-sha256" : connection_.sign_method;
    std::map<std::string, std::string> query{
        {"app_key", connection_.app_key},
        {"method", method},
        {"access_token", connection_.token},
        {"timestamp", timestamp},
        {"v", "2"},
        {"sign_method", sign_method},
        {"sign", douyin_sign(connection_.app_key, method, param_json, timestamp,
                             connection_.app_secret, sign_method)}};
    HttpRequest request;
    request.url = url(path) + "?" + form_encode(query);
    request.headers = {"Content-Type: application/json", "x-open-no-old-err-code: 1"};
    request.body = param_json;
    std::string what = where(method);
    json body = call(
        request, [&](const json& b) { check_douyin(b, what); }, what);
    return body.value("data", json::object());
}

Order douyin_order_to_order(const json& j) {
    std::string id = json_id(j, "order_id", "Douyin order");
    std::string record = trf("Douyin order {0}", id);
    Order o;
    o.platform_order_id = id;
    std::int64_t status = json_int(j, "order_status", record);
    switch (status) {
        case 1:
            o.status = OrderStatus::pending_payment;
            break;
        case 105:
        case 2:
        case 101:
            o.status = OrderStatus::to_ship;
            break;
        case 3:
            o.status = OrderStatus::shipped;
            break;
        case 4:
            o.status = OrderStatus::cancelled;
            break;
        case 5:
            o.status = OrderStatus::completed;
            break;
        default:
            throw MalformedResponse(
                trf("{0}: unknown order_status {1}", record, std::to_string(status)), j.dump());
    }
    o.buyer_note = json_text(j, "buyer_words");
    o.seller_memo = json_text(j, "seller_words");
    if (j.contains("seller_remark_stars"))
        o.seller_flag = static_cast<int>(json_int(j, "seller_remark_stars", record));
    json addr = j.value("post_addr", json::object());
    json masked_addr = j.value("mask_post_addr", json::object());
    std::string detail = json_text(masked_addr, "detail");
    if (detail.empty()) detail = json_text(addr, "detail");
    o.receiver = {masked_or_given(j, "post_receiver"),
                  masked_or_given(j, "post_tel"),
                  name_of(addr, "province"),
                  name_of(addr, "city"),
                  name_of(addr, "town"),
                  detail};
    o.paid_amount = json_int(j, "pay_amount", record);
    if (j.contains("post_amount")) o.freight = json_int(j, "post_amount", record);
    o.created_at = json_int(j, "create_time", record);
    o.modified_at = json_int(j, "update_time", record);
    if (j.contains("pay_time") && json_int(j, "pay_time", record) > 0)
        o.paid_at = json_int(j, "pay_time", record);
    if (j.contains("exp_ship_time") && json_int(j, "exp_ship_time", record) > 0)
        o.promised_ship_at = json_int(j, "exp_ship_time", record);
    auto skus = j.find("sku_order_list");
    if (skus == j.end() || !skus->is_array() || skus->empty())
        throw MalformedResponse(trf("{0}: field sku_order_list is missing or empty", record),
                                j.dump());
    int open_refunds = 0, refunded = 0;
    for (const json& s : *skus) {
        OrderLine line;
        line.platform_sku_id = json_id(s, "sku_id", record);
        line.seller_code = json_text(s, "out_sku_id");
        if (line.seller_code.empty()) line.seller_code = json_text(s, "code");
        line.title = json_text(s, "product_name");
        line.quantity = json_int(s, "item_num", record);
        line.unit_price = json_int(s, "origin_amount", record);
        json after_sale = s.value("after_sale_info", json::object());
        std::int64_t refund = after_sale.value("refund_status", std::int64_t{0});
        if (refund == 1) ++open_refunds;
        if (refund == 3) ++refunded;
        o.lines.push_back(std::move(line));
    }
    bool live = o.status == OrderStatus::to_ship || o.status == OrderStatus::shipped;
    if (live && open_refunds > 0) o.status = OrderStatus::refund_requested;
    if (live && refunded == static_cast<int>(o.lines.size())) o.status = OrderStatus::refunded;
    return o;
}

void DouyinAdapter::pull_window(const TimeWindow& window, const PageSink& sink) {
    try {
        for (int page = 0;; ++page) {
            json data = invoke("/order/searchList", {{"update_time_start", window.start},
                                                     {"update_time_end", window.end},
                                                     {"order_by", "update_time"},
                                                     {"order_asc", true},
                                                     {"page", page},
                                                     {"size", kPageSize}});
            std::int64_t total = json_int(data, "total", "Douyin order.searchList data");
            std::vector<Order> orders;
            for (const json& o : data.value("shop_order_list", json::array()))
                orders.push_back(douyin_order_to_order(o));
            sink(std::move(orders));
            // No has_next: the page is the last once (page + 1) * size reaches the total.
            if (static_cast<std::int64_t>(page + 1) * kPageSize >= total) return;
        }
    } catch (const json::exception& e) {
        throw MalformedResponse(
            trf("{0}: unexpected order list shape: {1}", where("order.searchList"), e.what()),
            e.what());
    }
}

std::optional<Order> DouyinAdapter::fetch_order(const std::string& platform_order_id) {
    json data = invoke("/order/orderDetail", {{"shop_order_id", platform_order_id}});
    if (!data.contains("shop_order_detail")) return std::nullopt;
    return douyin_order_to_order(data.at("shop_order_detail"));
}

void DouyinAdapter::confirm_shipment(const Shipment& s) {
    try {
        invoke("/order/logisticsAdd", {{"order_id", s.platform_order_id},
                                       {"company_code", s.carrier},
                                       {"logistics_code", s.tracking_no}});
    } catch (const PlatformError& e) {
        rethrow_confirmation_error(e);
    }
}

void DouyinAdapter::push_stock(const StockUpdate& u) {
    invoke("/sku/syncStock",
           {{"sku_id", u.platform_sku}, {"stock_num", u.quantity}, {"incremental", false}});
}

std::vector<PlatformCarrier> DouyinAdapter::list_carriers() {
    json data = invoke("/order/logisticsCompanyList", json::object());
    std::vector<PlatformCarrier> carriers;
    for (const json& c : data.is_array() ? data : data.value("list", json::array()))
        carriers.push_back({json_text(c, "code"), json_text(c, "name")});
    return carriers;
}

std::vector<CarrierAccount> DouyinAdapter::list_carrier_accounts() {
    std::vector<CarrierAccount> accounts;
    for (const PlatformCarrier& c : list_carriers()) {
        std::string ours = known_carrier_code(c.code, c.name);
        if (ours.empty()) continue;
        json data = invoke("/logistics/listShopNetsite", {{"logistics_code", c.code}});
        for (const json& n : data.value("netsites", json::array()))
            for (const json& a : n.value("sender_address", json::array())) {
                CarrierAccount account;
                account.store = connection_.store_code;
                account.carrier = ours;
                account.platform_code = c.code;
                account.branch_code = json_text(n, "netsite_code");
                account.branch_name = json_text(n, "netsite_name");
                account.sender.province = json_text(a, "province_name");
                account.sender.city = json_text(a, "city_name");
                account.sender.district = json_text(a, "district_name");
                std::string street = json_text(a, "street_name");
                account.sender.detail = street + json_text(a, "detail_address");
                account.from_platform = true;
                accounts.push_back(std::move(account));
            }
    }
    return accounts;
}

// A number from /logistics/newCreateOrder, then its print data from /logistics/waybillApply;
// what is kept as print data is waybillApply's entry for the number as it came, with the
// carrier's standard template.
std::vector<IssuedWaybill> DouyinAdapter::fetch_waybills(
    const CarrierAccount& account, const std::vector<WaybillRequest>& parcels) {
    json orders = json::array();
    for (const WaybillRequest& p : parcels) {
        json items = json::array();
        for (const WaybillRequest::Item& i : p.items)
            items.push_back({{"item_name", i.name}, {"item_count", i.quantity}});
        orders.push_back(
            {{"order_id",
              p.platform_order_ids.empty() ? std::string() : p.platform_order_ids.front()},
             {"pack_id", p.object_id},
             {"receiver_info",
              {{"address",
                {{"province_name", p.receiver.province},
                 {"city_name", p.receiver.city},
                 {"district_name", p.receiver.district},
                 {"detail_address", p.receiver.address}}},
               {"contact", {{"name", p.receiver.name}, {"mobile", p.receiver.phone}}}}},
             {"items", items}});
    }
    json sender{{"address",
                 {{"province_name", account.sender.province},
                  {"city_name", account.sender.city},
                  {"district_name", account.sender.district},
                  {"detail_address", account.sender.detail}}},
                {"contact", {{"name", account.sender.name}, {"mobile", account.sender.phone}}}};
    json created = invoke("/logistics/newCreateOrder", {{"logistics_code", account.platform_code},
                                                        {"sender_info", sender},
                                                        {"order_infos", orders}});
    std::vector<IssuedWaybill> issued;
    json applies = json::array();
    for (const json& e : created.value("ebill_infos", json::array())) {
        issued.push_back(
            {json_text(e, "pack_id"), json_id(e, "track_no", "Douyin waybill"), "", ""});
        applies.push_back(
            {{"logistics_code", account.platform_code}, {"track_no", issued.back().tracking_no}});
    }
    for (const json& e : created.value("err_infos", json::array()))
        issued.push_back({json_text(e, "pack_id"), "", "",
                          json_text(e, "err_msg").empty() ? json_id(e, "err_code", "Douyin waybill")
                                                          : json_text(e, "err_msg")});
    if (applies.empty()) return issued;
    json printed = invoke("/logistics/waybillApply", {{"waybill_applies", applies}});
    // [U] The component needs the carrier's standard template with the data; it is kept with
    // waybillApply's entry as "template_url" (/logistics/templateList, not in PLATFORMS.md).
    json templates = invoke("/logistics/templateList", {{"logistics_code", account.platform_code}});
    std::string template_url;
    for (const json& t : templates.value("template_data", json::array()))
        for (const json& i : t.value("template_infos", json::array()))
            if (template_url.empty()) template_url = json_text(i, "template_url");
    for (json info : printed.value("waybill_infos", json::array()))
        for (IssuedWaybill& w : issued)
            if (w.tracking_no == json_text(info, "track_no")) {
                info["template_url"] = template_url;
                w.print_data = info.dump();
            }
    // A number without its print data could not be printed: the answer is refused whole, and
    // asking again with the same pack ids returns the same numbers.
    for (IssuedWaybill& w : issued)
        if (!w.tracking_no.empty() && w.print_data.empty())
            throw MalformedResponse(
                trf("{0}: no print data for {1}", where("logistics.waybillApply"), w.tracking_no),
                printed.dump());
    return issued;
}

void DouyinAdapter::cancel_waybill(const CarrierAccount& account, const std::string& tracking_no) {
    invoke("/logistics/cancelOrder",
           {{"logistics_code", account.platform_code}, {"track_no", tracking_no}});
}

}  // namespace dj
