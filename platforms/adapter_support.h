#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/base/types.h"
#include "core/orders/store_connection.h"
#include "http_client.h"
#include "platform_adapter.h"
#include "platform_error.h"

namespace dj {

// What every adapter shares: its store's connection, the HTTP client, JSON field reading that
// names the record and field on failure, and retrying throttled or failed calls.
class AdapterSupport {
  public:
    AdapterSupport(const StoreConnection& connection, HttpClient& http, std::string default_host)
        : connection_(connection), http_(http), default_host_(std::move(default_host)) {}

  protected:
    // The connection's endpoint (scheme and host only) or the platform's, plus `path`.
    std::string url(std::string_view path) const;
    // Sends and parses JSON; retries PlatformThrottled and PlatformUnavailable raised by
    // `check` with exponential backoff. `check` turns the platform's error shape into errors;
    // `what` names the store and the call (where()).
    nlohmann::json call(const HttpRequest& request,
                        const std::function<void(const nlohmann::json&)>& check,
                        std::string_view what);
    std::string where(std::string_view what) const;

    StoreConnection connection_;
    HttpClient& http_;

  private:
    std::string default_host_;
};

// Whether a platform's refusal of a shipment confirmation says the order shipped already
// ("订单已发货", JD's "已出库"); such a refusal becomes AlreadyShipped. By its words: the
// platforms' codes for it are not in ../shared/PLATFORMS.md. What keeps a confirmation from
// going out twice is the sender asking for the order's state first (sync/outbox_sender.cpp);
// this only saves a retry when a second confirmation is refused anyway.
bool says_already_shipped(std::string_view platform_text);
// Rethrows a platform's refusal of a shipment confirmation: as AlreadyShipped when it is a plain
// refusal (not a failure to retry) that says so, else as it was. Call it from the catch block.
[[noreturn]] void rethrow_confirmation_error(const PlatformError& e);

// Our carrier code for a platform's carrier (its code, else its name, as in
// core/fulfilment/carrier.h's known_as); empty when it is none of the carriers Dianjia knows.
std::string known_carrier_code(const std::string& platform_code, const std::string& platform_name);
// The JSON a waybill call's request object carries for the parcels' items: "name" and "count".
nlohmann::json waybill_items(const WaybillRequest& parcel);

// Field readers: a missing or wrong-typed field throws MalformedResponse naming `record`.
// Ids come as strings or integers and are kept as their exact decimal text.
std::string json_id(const nlohmann::json& j, const char* field, std::string_view record);
std::string json_text(const nlohmann::json& j, const char* field);
std::int64_t json_int(const nlohmann::json& j, const char* field, std::string_view record);
// Yuan as "12.50" or 12.5, exact to the fen.
Fen json_yuan(const nlohmann::json& j, const char* field, std::string_view record);
// "yyyy-MM-dd HH:mm:ss" in Beijing time.
Timestamp json_beijing_time(const nlohmann::json& j, const char* field, std::string_view record);
// "yyyy-MM-dd HH:mm:ss" in Beijing time (UTC+8, fixed, whatever the PC's zone).
std::string beijing_time(Timestamp t);
// The computer's clock, for request signatures only: a platform checks a request's timestamp
// against its own clock, so signing takes the real time whatever the program's clock says.
Timestamp signing_time();

}  // namespace dj
