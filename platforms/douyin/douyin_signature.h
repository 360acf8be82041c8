#pragma once

#include <string>
#include <string_view>

namespace dj {

// 抖店 signature over app_key, method, param_json, timestamp and v (not access_token):
// secret + pattern + secret, then HMAC-SHA256 keyed by the secret ("hmac-sha256") or MD5
// ("md5"), lowercase hex. Throws PlatformConfigError for another sign method.
std::string douyin_sign(std::string_view app_key, std::string_view method,
                        std::string_view param_json, std::string_view timestamp,
                        const std::string& secret, std::string_view sign_method);

}  // namespace dj
