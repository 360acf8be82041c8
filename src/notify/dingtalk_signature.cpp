// DingTalk's signed webhook URL (NOTIFY.md 1b, test vectors in tests/notify/robot_webhook_test).
#include <string>

#include "core/base/percent_encode.h"
#include "digest.h"
#include "notify/robot_webhook.h"
#include "signing.h"

namespace dj {
std::string dingtalk_signature(std::string_view secret, std::int64_t timestamp_ms) {
    std::string to_sign = std::to_string(timestamp_ms) + "\n" + std::string(secret);
    return base64_encode(hmac(DigestKind::sha256, secret, to_sign));
}

std::string dingtalk_signed_url(std::string_view url, std::string_view secret,
                                std::int64_t timestamp_ms) {
    std::string out(url);
    if (secret.empty()) return out;
    out += out.find('?') == std::string::npos ? '?' : '&';
    out += "timestamp=" + std::to_string(timestamp_ms) +
           "&sign=" + percent_encode(dingtalk_signature(secret, timestamp_ms));
    return out;
}

}  // namespace dj
