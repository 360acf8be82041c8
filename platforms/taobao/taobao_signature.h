#pragma once

#include <map>
#include <string>
#include <string_view>

namespace dj {

// TOP signature over every parameter but "sign": md5 wraps the sorted name/value string in the
// secret; hmac and hmac-sha256 key it with the secret. Uppercase hex. Throws
// PlatformConfigError for another sign method.
std::string taobao_sign(const std::map<std::string, std::string>& params, const std::string& secret,
                        std::string_view sign_method);

}  // namespace dj
