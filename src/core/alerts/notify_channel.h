#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/alerts/alert.h"
#include "core/base/types.h"

namespace dj {

// Where alert notifications go. Codes are fixed (database, CLI). The group robots and mail are
// sent by NotifySender (the CLI's notify flush, the desktop program's timer); desktop
// notifications only by the running desktop program, which takes them from the same outbox.
enum class NotifyChannelKind { wecom, dingtalk, smtp, desktop };
std::string_view notify_channel_kind_code(NotifyChannelKind k);
// 企业微信, 钉钉…: in the interface language.
std::string notify_channel_kind_name(NotifyChannelKind k);
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
    // Robots: the webhook URL (for WeCom the URL itself is the credential). Mail: the server and
    // addresses as format_smtp_target writes them. Desktop: empty.
    std::string url;
    // DingTalk 加签 secret ("SEC..."), empty when signing is off; the mail server's password.
    std::string secret;
    std::vector<AlertKind> alert_kinds;  // empty: every kind
    std::optional<QuietHours> quiet;
    std::string last_error;
    std::optional<Timestamp> last_sent_at;
};

bool channel_wants(const NotifyChannel& channel, AlertKind kind);
// "low_stock,expiring"; throws InvalidInput naming the unknown code.
std::vector<AlertKind> parse_alert_kind_list(std::string_view text);
std::string format_alert_kind_list(const std::vector<AlertKind>& kinds);

// The test message `notify test` queues, as title and body (core/alerts/alert_text.h), saying where
// it should have arrived.
std::string notify_test_text(const NotifyChannel& channel);

// Both robots accept at most 20 messages a minute; DingTalk then blocks the robot for 10
// minutes, so the sender never goes over and waits out a throttle answer. Mail keeps to the
// same pace (providers limit bursts too).
inline constexpr int kRobotMessagesPerMinute = 20;
inline constexpr Timestamp kRobotRateWindow = 60;

}  // namespace dj
