#pragma once

#include <string>
#include <string_view>

// Passwords, PINs and tokens as the shop keeps them: argon2id hashes (libsodium's
// crypto_pwhash_str, salted, its cost written into the hash) for what people type; SHA-256 for
// the long random tokens of sessions and scripts, which need no slow hash.
namespace dj::password_hash {

std::string hash(std::string_view password);
bool matches(const std::string& stored_hash, std::string_view password);
// 32 random bytes as 64 hex digits.
std::string new_token();
// SHA-256 of the token, as hex.
std::string token_hash(std::string_view token);

}  // namespace dj::password_hash
