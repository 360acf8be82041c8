#include "core/orders/buyer_privacy.h"

namespace dj {
namespace {

constexpr std::string_view kMask = "**";

// Bytes of the UTF-8 character that starts `s` (1 for a stray continuation byte).
std::size_t first_character_size(std::string_view s) {
    auto lead = static_cast<unsigned char>(s.front());
    std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return n <= s.size() ? n : s.size();
}

}  // namespace

std::string masked_name(std::string_view name) {
    if (name.empty()) return {};
    return std::string(name.substr(0, first_character_size(name))) + std::string(kMask);
}

std::string masked_phone(std::string_view phone) {
    if (phone.empty()) return {};
    // Short numbers (extensions, landlines without area codes) would show most of themselves.
    if (phone.size() < 11) return "****";
    return std::string(phone.substr(0, 3)) + "****" + std::string(phone.substr(phone.size() - 4));
}

std::string masked_address(std::string_view address) {
    return address.empty() ? std::string() : "****";
}

void mask_buyer(Order& order) {
    order.buyer_nick = masked_name(order.buyer_nick);
    order.receiver.name = masked_name(order.receiver.name);
    order.receiver.phone = masked_phone(order.receiver.phone);
    order.receiver.address = masked_address(order.receiver.address);
}

}  // namespace dj
