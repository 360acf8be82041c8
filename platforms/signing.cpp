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

}  // namespace dj
