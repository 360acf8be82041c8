#pragma once

#include <optional>
#include <string>

#include "core/types.h"
#include "robots/robot_webhook.h"

namespace dj {

class Database;
class HttpClient;

struct NotifyFlushReport {
    int sent = 0;
    int failed = 0;
    int deferred = 0;  // left for later: rate limit, quiet hours or a throttled robot
};

// Sends the notification outbox to the group robots. Per channel it never sends more than the
// robots' 20 messages a minute (counted from what the database says was sent, so it holds
// across runs), waits out quiet hours and throttle answers, and backs off (doubling from 30 s)
// after a failure. Each outcome is committed as soon as the robot answered.
class NotifySender {
  public:
    NotifySender(Database& db, HttpClient& http) : db_(db), http_(http) {}
    // Every channel, or only `channel_id`.
    NotifyFlushReport flush(Timestamp now, std::optional<Id> channel_id = std::nullopt);
    // Sends one queued message at once, ahead of older ones and regardless of quiet hours (a
    // person asked for it: notify test), but never over the rate limit. Recorded like a flush.
    RobotResult send_now(Id message_id, Timestamp now);

  private:
    Database& db_;
    HttpClient& http_;
};

}  // namespace dj
