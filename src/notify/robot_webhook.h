#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/alerts/notify_channel.h"
#include "core/base/types.h"

namespace dj {

struct HttpResponse;

// DingTalk 加签: Base64(HMAC-SHA256(key = secret, message = timestamp_ms + "\n" + secret)), the
// secret used whole including its "SEC" prefix.
std::string dingtalk_signature(std::string_view secret, std::int64_t timestamp_ms);
// The webhook URL with "&timestamp=...&sign=..." appended (sign percent-encoded); the URL as
// is when `secret` is empty (a robot secured by keywords or IP only).
std::string dingtalk_signed_url(std::string_view url, std::string_view secret,
                                std::int64_t timestamp_ms);

// The JSON body of a plain text message, UTF-8, content cut at a character boundary to what
// the robot accepts (WeCom: 2048 bytes; DingTalk: well under its 20000-byte body limit).
std::string robot_text_body(NotifyChannelKind kind, std::string_view content);

// What became of one message, from the robot's errcode (both answer HTTP 200 on rejection).
enum class RobotOutcome {
    delivered,
    throttled,      // over the robot's rate limit or quota: wait `retry_after` seconds
    unavailable,    // system busy, HTTP 5xx, network: retry with backoff
    misconfigured,  // wrong URL/token, signature or keyword check failed: fix the channel
    rejected,       // this message was refused (type, size): retrying it will not help
};
std::string_view robot_outcome_code(RobotOutcome outcome);

struct RobotResult {
    RobotOutcome outcome = RobotOutcome::delivered;
    long errcode = 0;
    std::string message;        // translated, for the channel's last error
    Timestamp retry_after = 0;  // throttled: how long the robot will refuse
};

RobotResult interpret_robot_answer(NotifyChannelKind kind, const HttpResponse& answer);

}  // namespace dj
