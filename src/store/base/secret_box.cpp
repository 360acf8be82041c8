#include "store/base/secret_box.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "store/base/sodium_support.h"

namespace dj::secret_box {

static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
namespace {

std::string base64(const unsigned char* bytes, std::size_t n) {
    constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_encoded_len(n, kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, n, kVariant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::optional<std::vector<unsigned char>> unbase64(std::string_view text) {
    std::vector<unsigned char> out(text.size());
    std::size_t n = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &n, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(n);
    return out;
}

const unsigned char* bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kSalt = crypto_pwhash_SALTBYTES;

std::string password_key(std::string_view password, const unsigned char* salt) {
    std::string key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES, '\0');
    if (crypto_pwhash(reinterpret_cast<unsigned char*>(key.data()), key.size(), password.data(),
                      password.size(), salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                      crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("not enough memory to derive a key from a password");
    return key;
}

}  // namespace

std::string new_key() {
    sodium_support::start();
    std::string key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES, '\0');
    randombytes_buf(key.data(), key.size());
    return key;
}

std::string seal(const std::string& key, std::string_view plain, std::string_view label) {
    sodium_support::start();
    std::vector<unsigned char> out(kNonce + plain.size() + kTag);
    randombytes_buf(out.data(), kNonce);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonce, &written, bytes(plain),
                                               plain.size(), bytes(label), label.size(), nullptr,
                                               out.data(), bytes(key));
    return std::string(kPrefix) + base64(out.data(), kNonce + written);
}

std::optional<std::string> open(const std::string& key, std::string_view sealed,
                                std::string_view label) {
    sodium_support::start();
    if (!is_sealed(sealed)) return std::nullopt;
    auto raw = unbase64(sealed.substr(kPrefix.size()));
    if (!raw || raw->size() < kNonce + kTag) return std::nullopt;
    std::string plain(raw->size() - kNonce - kTag, '\0');
    unsigned long long n = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &n, nullptr, raw->data() + kNonce,
            raw->size() - kNonce, bytes(label), label.size(), raw->data(), bytes(key)) != 0)
        return std::nullopt;
    plain.resize(n);
    return plain;
}

bool is_sealed(std::string_view value) {
    return value.substr(0, kPrefix.size()) == kPrefix;
}

std::string seal_with_password(std::string_view password, const std::string& key) {
    sodium_support::start();
    unsigned char salt[kSalt];
    randombytes_buf(salt, sizeof salt);
    std::string sealed = seal(password_key(password, salt), key, "shop key");
    return base64(salt, sizeof salt) + ":" + sealed;
}

std::optional<std::string> open_with_password(std::string_view password, std::string_view sealed) {
    sodium_support::start();
    std::size_t colon = sealed.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto salt = unbase64(sealed.substr(0, colon));
    if (!salt || salt->size() != kSalt) return std::nullopt;
    return open(password_key(password, salt->data()), sealed.substr(colon + 1), "shop key");
}

}  // namespace dj::secret_box
