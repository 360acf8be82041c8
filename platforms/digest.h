#pragma once

#include <string>
#include <string_view>

namespace dj {

// The message digests the platforms sign requests with, as raw bytes. One implementation per
// platform: OpenSSL's libcrypto on Linux, Windows' own CNG (bcrypt.dll) on Windows, so the
// Windows build needs no OpenSSL.
enum class DigestKind { md5, sha256 };

std::string digest(DigestKind kind, std::string_view data);
std::string hmac(DigestKind kind, std::string_view key, std::string_view data);

}  // namespace dj
