#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/platform.h"
#include "core/orders/order.h"
#include "simulator/sim_shop.h"

namespace dj {

// What the simulator knows of one HTTP request.
struct SimRequest {
    std::string path;
    std::map<std::string, std::string> params;  // query and form parameters, decoded
    // A parameter's value, empty when it was not sent.
    std::string param(const std::string& key) const {
        auto it = params.find(key);
        return it == params.end() ? std::string() : it->second;
    }
    std::string body;
};

struct SimReply {
    SimReply() = default;
    SimReply(int status, std::string text) : http_status(status), body(std::move(text)) {}
    int http_status = 200;
    std::string body;
    // For the call log (GET /sim/calls): the order a call was about and what became of it.
    std::string subject;
    std::string result = "answered";
};

// A shipment confirmation's answer for the call log.
SimReply shipment_reply(SimReply reply, const std::string& order_id, SimShipResult result);

// Refusals every platform has, each answered in the platform's own error shape.
enum class SimRefusal { bad_app_key, bad_signature, bad_timestamp, expired_token, throttled };

struct SimCredentials {
    std::string app_key;
    std::string app_secret;
    std::string token;
};

// One platform's wire format on the simulator: checks the envelope exactly as the platform
// would (app key, timestamp skew, signature, token) and answers its calls.
class SimWire {
  public:
    virtual ~SimWire() = default;
    virtual Platform platform() const = 0;
    virtual std::vector<std::string> paths() const = 0;
    virtual SimReply refuse(SimRefusal why) const = 0;
    // `duplicate` repeats the first order of the next page at the end of a list page.
    virtual SimReply handle(const SimRequest& request, SimShop& shop, Timestamp now,
                            bool duplicate) const = 0;
};

std::unique_ptr<SimWire> make_taobao_wire(SimCredentials credentials);
std::unique_ptr<SimWire> make_jd_wire(SimCredentials credentials);
std::unique_ptr<SimWire> make_pinduoduo_wire(SimCredentials credentials);
std::unique_ptr<SimWire> make_douyin_wire(SimCredentials credentials);

// Helpers the wire modules share.
std::map<std::string, std::string> form_decode(const std::string& text);
// True when a request's timestamp `t` is within the platform's allowed skew of the computer's
// clock (a platform checks against its own real clock, whatever the simulated shop's date).
bool within_skew(Timestamp t, Timestamp skew);
// A "YYYY-MM-DD HH:MM:SS" (Beijing time) timestamp parameter within `skew`; false when it does
// not parse.
bool shop_time_within_skew(const std::string& text, Timestamp skew);
// Items [page * size, page * size + size) of `all`, plus the next one when `duplicate`.
std::vector<const Order*> page_slice(const std::vector<const Order*>& all, std::size_t page,
                                     std::size_t size, bool duplicate);
// Yuan for a JSON number: 1250 -> 12.5 (printed back exactly as "12.5").
double yuan_number(Fen fen);

}  // namespace dj
