#pragma once

#include <map>
#include <string>

namespace dj {

// Pinduoduo signature: MD5(client_secret + sorted name/value string + client_secret),
// uppercase hex, over every parameter but "sign".
std::string pinduoduo_sign(const std::map<std::string, std::string>& params,
                           const std::string& client_secret);

}  // namespace dj
