#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "digest.h"

namespace dj {
namespace {

const EVP_MD* evp(DigestKind kind) {
    return kind == DigestKind::md5 ? EVP_md5() : EVP_sha256();
}

}  // namespace

std::string digest(DigestKind kind, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_Digest(data.data(), data.size(), out, &length, evp(kind), nullptr);
    return std::string(reinterpret_cast<const char*>(out), length);
}

std::string hmac(DigestKind kind, std::string_view key, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    HMAC(evp(kind), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
    return std::string(reinterpret_cast<const char*>(out), length);
}

}  // namespace dj
