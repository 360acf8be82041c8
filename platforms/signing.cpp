#include "signing.h"

#include "digest.h"

namespace dj {
namespace {

std::string to_hex(std::string_view bytes, HexCase hex_case) {
    const char* digits = hex_case == HexCase::upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    return out;
}

}  // namespace

std::string md5_hex(std::string_view data, HexCase hex_case) {
    return to_hex(digest(DigestKind::md5, data), hex_case);
}

std::string hmac_md5_hex(std::string_view key, std::string_view data, HexCase hex_case) {
    return to_hex(hmac(DigestKind::md5, key, data), hex_case);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data, HexCase hex_case) {
    return to_hex(hmac(DigestKind::sha256, key, data), hex_case);
}

std::string sorted_concat(const std::map<std::string, std::string>& params) {
    std::string joined;
    for (const auto& [name, value] : params)
        if (name != "sign") joined += name + value;
    return joined;
}

std::string base64_encode(std::string_view bytes) {
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

}  // namespace dj
