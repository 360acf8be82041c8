#include "signing.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace dj {
namespace {

std::string to_hex(const unsigned char* bytes, unsigned length, HexCase hex_case) {
    const char* digits = hex_case == HexCase::upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned i = 0; i < length; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xF];
    }
    return out;
}

std::string hmac_hex(const EVP_MD* md, std::string_view key, std::string_view data,
                     HexCase hex_case) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    HMAC(md, key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
    return to_hex(out, length, hex_case);
}

}  // namespace

std::string md5_hex(std::string_view data, HexCase hex_case) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_Digest(data.data(), data.size(), out, &length, EVP_md5(), nullptr);
    return to_hex(out, length, hex_case);
}

std::string hmac_md5_hex(std::string_view key, std::string_view data, HexCase hex_case) {
    return hmac_hex(EVP_md5(), key, data, hex_case);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data, HexCase hex_case) {
    return hmac_hex(EVP_sha256(), key, data, hex_case);
}

std::string sorted_concat(const std::map<std::string, std::string>& params) {
    std::string joined;
    for (const auto& [name, value] : params)
        if (name != "sign") joined += name + value;
    return joined;
}

}  // namespace dj
