#include "adapter_support.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <typeinfo>

#include "core/base/clock.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "platform_error.h"

namespace dj {

using nlohmann::json;

namespace {

[[noreturn]] void bad_field(const json& j, const char* field, std::string_view record) {
    throw MalformedResponse(
        trf("{0}: field {1} is missing or not what the platform documents; the page was not "
            "stored",
            record, field),
        j.dump());
}

}  // namespace

std::string AdapterSupport::url(std::string_view path) const {
    std::string base = connection_.endpoint.empty() ? default_host_ : connection_.endpoint;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base + std::string(path);
}

std::string AdapterSupport::where(std::string_view what) const {
    return trf("Store {0} ({1}) {2}", connection_.store_code, platform_code(connection_.platform),
               what);
}

json AdapterSupport::call(const HttpRequest& request, const std::function<void(const json&)>& check,
                          std::string_view what) {
    const HttpOptions& options = http_.options();
    int attempts = std::max(1, options.max_attempts);
    for (int i = 1;; ++i) {
        // Transport failures and 5xx were already retried by the client.
        HttpResponse response = http_.send(request);
        try {
            json body = json::parse(response.body, nullptr, false);
            if (body.is_discarded() || !body.is_object())
                throw MalformedResponse(
                    trf("{0}: the platform answered HTTP {1} with a body that is not a JSON "
                        "object; nothing from it was stored",
                        what, std::to_string(response.status)),
                    response.body);
            check(body);
            return body;
        } catch (const PlatformThrottled&) {
            if (i >= attempts) throw;
        } catch (const PlatformUnavailable&) {
            if (i >= attempts) throw;
        }
        int pause = std::min(options.max_backoff_ms, options.backoff_ms << std::min(i - 1, 10));
        std::this_thread::sleep_for(std::chrono::milliseconds(pause));
    }
}

bool says_already_shipped(std::string_view text) {
    for (std::string_view words : {"已发货", "已出库", "重复发货"})
        if (text.find(words) != std::string_view::npos) return true;
    return false;
}

void rethrow_confirmation_error(const PlatformError& e) {
    if (typeid(e) == typeid(PlatformError) && says_already_shipped(e.what()))
        throw AlreadyShipped(e.what());
    throw;  // the exception being handled, with its own type (called from its catch block)
}

std::string json_id(const json& j, const char* field, std::string_view record) {
    auto it = j.find(field);
    if (it == j.end()) bad_field(j, field, record);
    if (it->is_string() && !it->get_ref<const std::string&>().empty())
        return it->get<std::string>();
    if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    bad_field(j, field, record);
}

std::string json_text(const json& j, const char* field) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

std::int64_t json_int(const json& j, const char* field, std::string_view record) {
    auto it = j.find(field);
    if (it == j.end()) bad_field(j, field, record);
    if (it->is_number_integer()) return it->get<std::int64_t>();
    if (it->is_string()) {
        const std::string& s = it->get_ref<const std::string&>();
        try {
            std::size_t used = 0;
            long long v = std::stoll(s, &used);
            if (used == s.size()) return v;
        } catch (const std::exception&) {
        }
    }
    bad_field(j, field, record);
}

Fen json_yuan(const json& j, const char* field, std::string_view record) {
    auto it = j.find(field);
    if (it == j.end()) bad_field(j, field, record);
    try {
        if (it->is_string()) return parse_yuan(it->get<std::string>(), field);
        // A JSON number prints back as its shortest exact decimal ("12.5").
        if (it->is_number()) return parse_yuan(it->dump(), field);
    } catch (const InvalidInput&) {
    }
    bad_field(j, field, record);
}

Timestamp json_beijing_time(const json& j, const char* field, std::string_view record) {
    std::string text = json_text(j, field);
    try {
        return parse_time(text, field);
    } catch (const InvalidInput&) {
        bad_field(j, field, record);
    }
}

std::string beijing_time(Timestamp t) {
    return format_shop_time(t);
}

Timestamp signing_time() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string known_carrier_code(const std::string& platform_code, const std::string& platform_name) {
    if (const Carrier* c = find_carrier(platform_code)) return c->code;
    for (const Carrier& c : known_carriers())
        if (platform_name.find(c.known_as) != std::string::npos) return c.code;
    return {};
}

nlohmann::json waybill_items(const WaybillRequest& parcel) {
    nlohmann::json items = nlohmann::json::array();
    for (const WaybillRequest::Item& i : parcel.items)
        items.push_back({{"name", i.name}, {"count", i.quantity}});
    return items;
}

}  // namespace dj
