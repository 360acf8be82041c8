#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/alerts/notify_channel.h"
#include "core/base/actor.h"

namespace dj {

class Database;

// Adds a channel. The name must be new; robots need an http(s) webhook URL, mail a stored
// SmtpTarget (core/alerts/smtp_target.h) with the password as secret when it logs in, desktop
// nothing. InvalidInput names what is wrong.
NotifyChannel insert_notify_channel(Database& db, NotifyChannel channel);
std::vector<NotifyChannel> list_notify_channels(Database& db);
NotifyChannel require_notify_channel(Database& db, const std::string& name);

// Queues the message for each newly opened alert on every channel that wants its kind, the
// desktop's included (the desktop program takes those, see take_desktop_notifications). Runs
// inside the caller's transaction (the one that opened the alerts), so an alert and its
// notifications are stored together or not at all. Returns the messages queued.
int queue_alert_notifications(Database& db, const std::vector<Id>& alert_ids, Timestamp now);
// Queues a message of no alert (a test) on one channel.
Id queue_test_notification(Database& db, const NotifyChannel& channel, const std::string& text,
                           Timestamp now);

struct NotifyMessage {
    Id id = 0;
    Id channel_id = 0;
    std::string channel;  // name
    std::optional<Id> alert_id;
    std::string text;
    Timestamp created_at = 0;
    int attempts = 0;
    Timestamp next_attempt_at = 0;
    std::string last_error;
    std::optional<Timestamp> sent_at;
};

// Unsent messages of the channel due at `now`, oldest first.
std::vector<NotifyMessage> due_notifications(Database& db, Id channel_id, Timestamp now);
// Newest first; `pending_only` leaves out what was sent.
std::vector<NotifyMessage> list_notifications(Database& db, bool pending_only, int limit = 200);
NotifyMessage require_notification(Database& db, Id id);
// Messages due on the desktop channels, oldest first, for the running desktop program to show
// (it marks each one sent once shown). A channel in its quiet hours is deferred instead.
std::vector<NotifyMessage> take_desktop_notifications(Database& db, Timestamp now);
// Unsent messages per channel id (channels with none are left out).
std::map<Id, int> pending_notification_counts(Database& db);

// Messages the channel sent in [since, ...) and the earliest of their times.
struct SentWindow {
    int count = 0;
    std::optional<Timestamp> earliest;
};
SentWindow sent_since(Database& db, Id channel_id, Timestamp since);

// Each outcome is committed on its own, right after the robot answered: a sent message is
// never sent again.
void mark_notification_sent(Database& db, Id message_id, Id channel_id, Timestamp now);
void mark_notification_failed(Database& db, Id message_id, Id channel_id, const std::string& error,
                              Timestamp next_attempt_at);
// Moves every unsent message of the channel to `until` at the earliest (rate limit, quiet hours).
void defer_channel(Database& db, Id channel_id, Timestamp until);

}  // namespace dj
