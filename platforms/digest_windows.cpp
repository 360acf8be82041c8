#include <windows.h>
// windows.h first: bcrypt.h needs its types.
#include <bcrypt.h>

#include "core/base/translate.h"
#include "digest.h"
#include "platform_error.h"

namespace dj {
namespace {

[[noreturn]] void fail(const char* call) {
    throw PlatformError(trf("Windows could not compute a request signature ({0} failed)", call));
}

// CNG's algorithm handles are thread-safe and cheap to keep; one per kind and flag.
BCRYPT_ALG_HANDLE provider(DigestKind kind, bool keyed) {
    auto open = [](const wchar_t* id, ULONG flags) {
        BCRYPT_ALG_HANDLE h = nullptr;
        if (!BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(&h, id, nullptr, flags)))
            fail("BCryptOpenAlgorithmProvider");
        return h;
    };
    static const BCRYPT_ALG_HANDLE md5 = open(BCRYPT_MD5_ALGORITHM, 0);
    static const BCRYPT_ALG_HANDLE sha256 = open(BCRYPT_SHA256_ALGORITHM, 0);
    static const BCRYPT_ALG_HANDLE hmac_md5 =
        open(BCRYPT_MD5_ALGORITHM, BCRYPT_ALG_HANDLE_HMAC_FLAG);
    static const BCRYPT_ALG_HANDLE hmac_sha256 =
        open(BCRYPT_SHA256_ALGORITHM, BCRYPT_ALG_HANDLE_HMAC_FLAG);
    if (kind == DigestKind::md5) return keyed ? hmac_md5 : md5;
    return keyed ? hmac_sha256 : sha256;
}

std::string hash(DigestKind kind, bool keyed, std::string_view key, std::string_view data) {
    BCRYPT_HASH_HANDLE h = nullptr;
    auto* key_bytes = reinterpret_cast<PUCHAR>(const_cast<char*>(key.data()));
    if (!BCRYPT_SUCCESS(BCryptCreateHash(provider(kind, keyed), &h, nullptr, 0,
                                         keyed ? key_bytes : nullptr,
                                         keyed ? static_cast<ULONG>(key.size()) : 0, 0)))
        fail("BCryptCreateHash");
    std::string out(kind == DigestKind::md5 ? 16 : 32, '\0');
    bool ok =
        BCRYPT_SUCCESS(BCryptHashData(h, reinterpret_cast<PUCHAR>(const_cast<char*>(data.data())),
                                      static_cast<ULONG>(data.size()), 0)) &&
        BCRYPT_SUCCESS(BCryptFinishHash(h, reinterpret_cast<PUCHAR>(out.data()),
                                        static_cast<ULONG>(out.size()), 0));
    BCryptDestroyHash(h);
    if (!ok) fail("BCryptHashData");
    return out;
}

}  // namespace

std::string digest(DigestKind kind, std::string_view data) {
    return hash(kind, false, {}, data);
}

std::string hmac(DigestKind kind, std::string_view key, std::string_view data) {
    return hash(kind, true, key, data);
}

}  // namespace dj
