#include "douyin/douyin_signature.h"

#include "core/base/translate.h"
#include "platform_error.h"
#include "signing.h"

namespace dj {

std::string douyin_sign(std::string_view app_key, std::string_view method,
                        std::string_view param_json, std::string_view timestamp,
                        const std::string& secret, std::string_view sign_method) {
    std::string pattern = "app_key" + std::string(app_key) + "method" + std::string(method) +
                          "param_json" + std::string(param_json) + "timestamp" +
                          std::string(timestamp) + "v2";
    std::string wrapped = secret + pattern + secret;
    if (sign_method == "hmac-sha256") return hmac_sha256_hex(secret, wrapped, HexCase::lower);
    if (sign_method == "md5") return md5_hex(wrapped, HexCase::lower);
    throw PlatformConfigError(
        trf("Douyin sign method {0} is not offered: use hmac-sha256 or md5", sign_method));
}

}  // namespace dj
