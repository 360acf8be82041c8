#include "taobao/taobao_signature.h"

#include "core/base/translate.h"
#include "platform_error.h"
#include "signing.h"

namespace dj {

std::string taobao_sign(const std::map<std::string, std::string>& params, const std::string& secret,
                        std::string_view sign_method) {
    std::string joined = sorted_concat(params);
    if (sign_method == "md5") return md5_hex(secret + joined + secret, HexCase::upper);
    if (sign_method == "hmac") return hmac_md5_hex(secret, joined, HexCase::upper);
    if (sign_method == "hmac-sha256") return hmac_sha256_hex(secret, joined, HexCase::upper);
    throw PlatformConfigError(
        trf("Taobao sign method {0} is not offered: use md5, hmac or hmac-sha256", sign_method));
}

}  // namespace dj
