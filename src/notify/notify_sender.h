#pragma once

#include <optional>
#include <string>

#include "core/base/types.h"
#include "notify/robot_webhook.h"
#include "notify/smtp_client.h"

namespace dj {

class Database;
class HttpClient;
struct NotifyChannel;
struct NotifyMessage;

struct NotifyFlushReport {
    int sent = 0;
    int failed = 0;
    int deferred = 0;  // left for later: rate limit, quiet hours or a throttled robot
    // Another program on this shop (another workstation) was sending: it sends these.
    bool sent_elsewhere = false;
};

// Sends the notification outbox to the group robots and the mail servers. Per channel it never
// sends more than 20 messages a minute (counted from what the database says was sent, so it
// holds across runs), waits out quiet hours and throttle answers, and backs off (doubling from
// 30 s) after a failure; a failed message stays queued with its error. Each outcome is
// committed as soon as the robot or server answered. Desktop channels are left to the desktop
// program (take_desktop_notifications).
class NotifySender {
  public:
    NotifySender(Database& db, HttpClient& http, SmtpOptions smtp = {}, RequestLog smtp_log = {})
        : db_(db), http_(http), smtp_(std::move(smtp), std::move(smtp_log)) {}
    // Every channel, or only `channel_id`.
    NotifyFlushReport flush(Timestamp now, std::optional<Id> channel_id = std::nullopt);
    // Sends one queued message at once, ahead of older ones and regardless of quiet hours (a
    // person asked for it: notify test), but never over the rate limit. Recorded like a flush.
    // InvalidInput for a desktop channel's message.
    RobotResult send_now(Id message_id, Timestamp now);

  private:
    RobotResult send_message(const NotifyChannel& channel, const NotifyMessage& m, Timestamp now);

    Database& db_;
    HttpClient& http_;
    SmtpClient smtp_;
};

}  // namespace dj
