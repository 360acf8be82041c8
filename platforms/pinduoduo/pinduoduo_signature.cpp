#include "pinduoduo/pinduoduo_signature.h"

#include "signing.h"

namespace dj {

std::string pinduoduo_sign(const std::map<std::string, std::string>& params,
                           const std::string& client_secret) {
    return md5_hex(client_secret + sorted_concat(params) + client_secret, HexCase::upper);
}

}  // namespace dj
