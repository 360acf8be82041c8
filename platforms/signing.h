#pragma once

#include <map>
#include <string>
#include <string_view>

namespace dj {

enum class HexCase { lower, upper };

std::string md5_hex(std::string_view data, HexCase hex_case);
std::string hmac_md5_hex(std::string_view key, std::string_view data, HexCase hex_case);
std::string hmac_sha256_hex(std::string_view key, std::string_view data, HexCase hex_case);

// Standard Base64 (RFC 4648) with "=" padding: DingTalk's signature, mail bodies and headers.
std::string base64_encode(std::string_view bytes);

// "k1v1k2v2..." over the parameters in ASCII order of their names, skipping "sign": the string
// Taobao, JD and Pinduoduo all sign.
std::string sorted_concat(const std::map<std::string, std::string>& params);

}  // namespace dj
