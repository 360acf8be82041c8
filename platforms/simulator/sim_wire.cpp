#include "simulator/sim_wire.h"

#include <cstdlib>

#include "adapter_support.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"

namespace dj {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() + 0 && hex_value(s[i + 1]) >= 0 &&
                   hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

std::map<std::string, std::string> form_decode(const std::string& text) {
    std::map<std::string, std::string> params;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos) end = text.size();
        std::string pair = text.substr(start, end - start);
        if (!pair.empty()) {
            std::size_t eq = pair.find('=');
            params[percent_decode(pair.substr(0, eq))] =
                eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1));
        }
        start = end + 1;
    }
    return params;
}

bool shop_time_within_skew(const std::string& text, Timestamp skew) {
    try {
        return within_skew(parse_time(text, "timestamp"), skew);
    } catch (const Error&) {
        return false;
    }
}

bool within_skew(Timestamp t, Timestamp skew) {
    return std::llabs(t - signing_time()) <= skew;
}

std::vector<const Order*> page_slice(const std::vector<const Order*>& all, std::size_t page,
                                     std::size_t size, bool duplicate) {
    std::vector<const Order*> out;
    std::size_t from = page * size;
    for (std::size_t i = from; i < all.size() && i < from + size; ++i)
        out.push_back(all[i]);
    if (duplicate && from + size < all.size()) out.push_back(all[from + size]);
    return out;
}

SimReply shipment_reply(SimReply reply, const std::string& order_id, SimShipResult result) {
    reply.subject = order_id;
    reply.result = result == SimShipResult::shipped           ? "ok"
                   : result == SimShipResult::already_shipped ? "already_shipped"
                                                              : "unknown_order";
    return reply;
}

double yuan_number(Fen fen) {
    return std::strtod(format_yuan(fen).c_str(), nullptr);
}

}  // namespace dj
