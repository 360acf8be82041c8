// Group robot messages and answers (WeCom and DingTalk, NOTIFY.md 1a/1b).
#include "notify/robot_webhook.h"

#include <nlohmann/json.hpp>

#include "core/base/translate.h"
#include "http_client.h"

namespace dj {
namespace {

// WeCom caps text content at 2048 bytes; DingTalk caps the whole body at 20000, and a short
// alert never needs more, so one modest cap keeps both far from a 460101 refusal.
constexpr std::size_t kWecomContentBytes = 2048;
constexpr std::size_t kDingtalkContentBytes = 4000;

constexpr Timestamp kWecomThrottlePause = 60;      // the per-minute window
constexpr Timestamp kDingtalkThrottlePause = 600;  // DingTalk blocks the robot 10 minutes
constexpr Timestamp kQuotaPause = 3600;            // monthly quota spent: look again hourly

std::string_view cut_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Never cut inside a multi-byte character: back up over continuation bytes.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::string robot_name(NotifyChannelKind kind) {
    return kind == NotifyChannelKind::dingtalk ? tr("DingTalk") : tr("WeCom");
}

RobotResult from_errcode(NotifyChannelKind kind, long code, const std::string& errmsg) {
    RobotResult r;
    r.errcode = code;
    std::string robot = robot_name(kind);
    std::string code_text = std::to_string(code);
    bool dingtalk = kind == NotifyChannelKind::dingtalk;
    if (code == 0) return r;
    // Branch on errcode only: the robots' errmsg wording changes (it is kept for the reader).
    if (code == -1) {
        r.outcome = RobotOutcome::unavailable;
        r.message = trf("{0} robot is busy (errcode {1}); the message is tried again later", robot,
                        code_text);
    } else if ((!dingtalk && code == 45009) || (dingtalk && code == 130101)) {
        r.outcome = RobotOutcome::throttled;
        r.retry_after = dingtalk ? kDingtalkThrottlePause : kWecomThrottlePause;
        r.message =
            trf("{0} robot refused the message: more than 20 messages a minute (errcode "
                "{1}); sending resumes in {2} minutes",
                robot, code_text, std::to_string(r.retry_after / 60));
    } else if (dingtalk && code == 90030) {
        r.outcome = RobotOutcome::throttled;
        r.retry_after = kQuotaPause;
        r.message =
            trf("{0} robot's message quota is used up (errcode {1}); messages wait and "
                "are tried again every hour",
                robot, code_text);
    } else if ((!dingtalk && code == 93000) || (dingtalk && code == 300005)) {
        r.outcome = RobotOutcome::misconfigured;
        r.message =
            trf("{0} robot: the webhook URL is not valid (errcode {1}: {2}); copy the "
                "robot's webhook URL again and add the channel with notify add",
                robot, code_text, errmsg);
    } else if (dingtalk && code == 310000) {
        r.outcome = RobotOutcome::misconfigured;
        r.message =
            trf("{0} robot: the security check failed (errcode {1}: {2}); check the "
                "channel's signing secret, the robot's keywords and its IP whitelist",
                robot, code_text, errmsg);
    } else if ((!dingtalk && code == 40008) || (dingtalk && code == 460101)) {
        r.outcome = RobotOutcome::rejected;
        r.message =
            trf("{0} robot refused this message (errcode {1}: {2})", robot, code_text, errmsg);
    } else {
        // Unknown codes stop the channel rather than burn through the queue.
        r.outcome = RobotOutcome::misconfigured;
        r.message = trf("{0} robot answered errcode {1}: {2}; check the channel's settings", robot,
                        code_text, errmsg);
    }
    return r;
}

}  // namespace

std::string_view robot_outcome_code(RobotOutcome outcome) {
    switch (outcome) {
        case RobotOutcome::delivered:
            return "delivered";
        case RobotOutcome::throttled:
            return "throttled";
        case RobotOutcome::unavailable:
            return "unavailable";
        case RobotOutcome::misconfigured:
            return "misconfigured";
        case RobotOutcome::rejected:
            return "rejected";
    }
    return {};
}

std::string robot_text_body(NotifyChannelKind kind, std::string_view content) {
    std::size_t cap =
        kind == NotifyChannelKind::dingtalk ? kDingtalkContentBytes : kWecomContentBytes;
    nlohmann::json body = {{"msgtype", "text"},
                           {"text", {{"content", std::string(cut_utf8(content, cap))}}}};
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RobotResult interpret_robot_answer(NotifyChannelKind kind, const HttpResponse& answer) {
    std::string robot = robot_name(kind);
    std::string status = std::to_string(answer.status);
    if (answer.status == 429) {
        RobotResult r{RobotOutcome::throttled, 0, {}, kWecomThrottlePause};
        r.message = trf("{0} robot answered HTTP {1}: too many messages; sending resumes later",
                        robot, status);
        return r;
    }
    if (answer.status >= 500 || answer.status == 0) {
        return {RobotOutcome::unavailable, 0,
                trf("{0} robot answered HTTP {1}; the message is tried again later", robot, status),
                0};
    }
    if (answer.status != 200) {
        return {RobotOutcome::misconfigured, 0,
                trf("{0} robot answered HTTP {1}; check the channel's webhook URL", robot, status),
                0};
    }
    auto json = nlohmann::json::parse(answer.body, nullptr, false);
    if (!json.is_object() || !json.contains("errcode") || !json["errcode"].is_number_integer()) {
        return {RobotOutcome::unavailable, 0,
                trf("{0} robot's answer has no errcode (is a proxy in the way?); the message is "
                    "tried again later",
                    robot),
                0};
    }
    std::string errmsg = json.contains("errmsg") && json["errmsg"].is_string()
                             ? json["errmsg"].get<std::string>()
                             : "";
    return from_errcode(kind, json["errcode"].get<long>(), errmsg);
}

}  // namespace dj
