#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/alert.h"
#include "core/types.h"

namespace dj {

// Where alert notifications go. Codes are fixed (database, CLI). Only the two group robots can
// send for now; the schema already admits the others so adding them needs no migration.
enum class NotifyChannelKind { wecom, dingtalk, smtp, desktop };
std::string_view notify_channel_kind_code(NotifyChannelKind k);
std::optional<NotifyChannelKind> parse_notify_channel_kind(std::string_view code);

// A daily span in shop time during which nothing is sent (messages wait, they are not dropped).
// `from_minute` > `to_minute` spans midnight, e.g. 22:00-08:00.
struct QuietHours {
    int from_minute = 0;
    int to_minute = 0;
};

// "HH:MM-HH:MM"; throws InvalidInput naming `what`.
QuietHours parse_quiet_hours(std::string_view text, std::string_view what);
std::string format_quiet_hours(const QuietHours& q);
// When `now` falls in the quiet span, the moment it ends; otherwise nothing.
std::optional<Timestamp> quiet_until(const QuietHours& q, Timestamp now);

struct NotifyChannel {
    Id id = 0;
    NotifyChannelKind kind = NotifyChannelKind::wecom;
    std::string name;
    std::string url;     // the webhook URL: for WeCom the URL itself is the credential
    std::string secret;  // DingTalk 加签 secret ("SEC..."); empty when signing is off
    std::vector<AlertKind> alert_kinds;  // empty: every kind
    std::optional<QuietHours> quiet;
    std::string last_error;
    std::optional<Timestamp> last_sent_at;
};

bool channel_wants(const NotifyChannel& channel, AlertKind kind);
// "low_stock,expiring"; throws InvalidInput naming the unknown code.
std::vector<AlertKind> parse_alert_kind_list(std::string_view text);
std::string format_alert_kind_list(const std::vector<AlertKind>& kinds);

// Translated, for people.
std::string alert_kind_label(AlertKind kind);
// The message a group receives for a newly opened alert, in the shop's language.
std::string alert_notification_text(const Alert& alert);

// Both robots accept at most 20 messages a minute; DingTalk then blocks the robot for 10
// minutes, so the sender never goes over and waits out a throttle answer.
inline constexpr int kRobotMessagesPerMinute = 20;
inline constexpr Timestamp kRobotRateWindow = 60;

}  // namespace dj
