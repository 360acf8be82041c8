// DingTalk's signed webhook URL (NOTIFY.md 1b, test vectors in tests/notify/robot_webhook_test).
#include <string>

#include "digest.h"
#include "robots/robot_webhook.h"

namespace dj {
namespace {

std::string base64(std::string_view bytes) {
    static const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve(4 * ((bytes.size() + 2) / 3));
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::size_t left = bytes.size() - i;
        unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        if (left > 1) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (left > 2) n |= static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += left > 1 ? alphabet[(n >> 6) & 63] : '=';
        out += left > 2 ? alphabet[n & 63] : '=';
    }
    return out;
}

}  // namespace

std::string percent_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string dingtalk_signature(std::string_view secret, std::int64_t timestamp_ms) {
    std::string to_sign = std::to_string(timestamp_ms) + "\n" + std::string(secret);
    return base64(hmac(DigestKind::sha256, secret, to_sign));
}

std::string dingtalk_signed_url(std::string_view url, std::string_view secret,
                                std::int64_t timestamp_ms) {
    std::string out(url);
    if (secret.empty()) return out;
    out += out.find('?') == std::string::npos ? '?' : '&';
    out += "timestamp=" + std::to_string(timestamp_ms) +
           "&sign=" + percent_encode(dingtalk_signature(secret, timestamp_ms));
    return out;
}

}  // namespace dj
