#pragma once

#include <string>
#include <vector>

#include "core/alerts/notify_channel.h"
#include "core/base/actor.h"
#include "notify/alert_watch.h"
#include "notify/notify_sender.h"

namespace dj {
class Database;
class HttpClient;
}  // namespace dj

namespace dj::ops {

// How the program reaches the robots and mail servers: its HTTP client, the mail timeouts and
// where the mail conversation is logged (nowhere unless asked).
struct NotifyLink {
    HttpClient& http;
    SmtpOptions smtp = {};
    RequestLog mail_log = {};
};

// Sends the notification outbox to the group robots and mail servers (never over a channel's
// rate limit, outside its quiet hours), dated by the database's clock.
NotifyFlushReport send_notifications(Database& db, const NotifyLink& link);

// What the running window does every minute off its UI thread: the time-based alert rules when
// `evaluate`, the outbox to robots and mail, then the desktop messages to show.
WatchRound watch_alerts(Database& db, const NotifyLink& link, bool evaluate);
// The desktop messages the window has shown, marked sent together.
void mark_shown(Database& db, const std::vector<NotifyMessage>& shown);

struct TestNotification {
    NotifyChannel channel;
    Id message_id = 0;
    // Empty for a desktop channel: only the running window shows those. Else the robot's or
    // mail server's answer.
    std::optional<RobotResult> sent;
};
// Queues a test message on the channel (by name), audited, and sends it at once, ahead of
// older messages and regardless of quiet hours (a person asked), never over the rate limit.
TestNotification test_notification(Database& db, const Actor& actor, const std::string& channel,
                                   const NotifyLink& link);

}  // namespace dj::ops
