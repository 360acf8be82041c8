#pragma once

#include <map>
#include <string>

namespace dj {

// JOS signature: MD5(secret + sorted name/value string + secret), uppercase hex, over every
// parameter but "sign" — 360buy_param_json included.
std::string jd_sign(const std::map<std::string, std::string>& params, const std::string& secret);

}  // namespace dj
