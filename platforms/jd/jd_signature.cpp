#include "jd/jd_signature.h"

#include "signing.h"

namespace dj {

std::string jd_sign(const std::map<std::string, std::string>& params, const std::string& secret) {
    return md5_hex(secret + sorted_concat(params) + secret, HexCase::upper);
}

}  // namespace dj
