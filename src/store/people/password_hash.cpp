#include "store/people/password_hash.h"

#include <sodium.h>

#include <stdexcept>

#include "store/base/sodium_support.h"

namespace dj::password_hash {

std::string hash(std::string_view password) {
    sodium_support::start();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("not enough memory to hash a password");
    return out;
}

bool matches(const std::string& stored_hash, std::string_view password) {
    sodium_support::start();
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

std::string new_token() {
    sodium_support::start();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return sodium_support::to_hex(
        std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
}

std::string token_hash(std::string_view token) {
    sodium_support::start();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return sodium_support::to_hex(
        std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace dj::password_hash
