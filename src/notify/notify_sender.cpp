#include "notify/notify_sender.h"

#include "adapter_support.h"
#include "core/alerts/alert_text.h"
#include "core/alerts/notify_channel.h"
#include "core/alerts/smtp_target.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/fulfilment/outbox.h"
#include "http_client.h"
#include "platform_error.h"
#include "store/alerts/notify_repository.h"
#include "store/base/database.h"

namespace dj {
namespace {

RobotResult post_to_robot(HttpClient& http, const NotifyChannel& channel, const std::string& text) {
    HttpRequest request;
    // DingTalk refuses a signature more than an hour off its own clock: the real time, whatever
    // the program's clock says.
    request.url = channel.kind == NotifyChannelKind::dingtalk
                      ? dingtalk_signed_url(channel.url, channel.secret, signing_time() * 1000)
                      : channel.url;
    request.headers = {"Content-Type: application/json; charset=utf-8"};
    request.body = robot_text_body(channel.kind, text);
    try {
        return interpret_robot_answer(channel.kind, http.send(request));
    } catch (const PlatformUnavailable& e) {
        return {RobotOutcome::unavailable, 0, e.what(), 0};
    }
}

MailMessage mail_for(const SmtpTarget& target, const NotifyMessage& m, Timestamp now) {
    NotificationText text = split_notification(m.text);
    MailMessage mail;
    mail.from = target.from;
    mail.to = target.to;
    mail.subject = text.title;
    mail.body = text.body + "\n";
    mail.date = now;
    mail.message_id =
        mail_message_id(std::to_string(m.id) + "." + std::to_string(m.created_at), target.from);
    return mail;
}

// Commits what became of one message; returns when it is tried again (0 once delivered).
Timestamp record_outcome(Database& db, const NotifyChannel& channel, const NotifyMessage& m,
                         const RobotResult& r, Timestamp now) {
    if (r.outcome == RobotOutcome::delivered) {
        mark_notification_sent(db, m.id, channel.id, now);
        return 0;
    }
    Timestamp retry_at = r.outcome == RobotOutcome::throttled
                             ? now + r.retry_after
                             : now + outbox_retry_delay(m.attempts + 1);
    mark_notification_failed(db, m.id, channel.id, r.message, retry_at);
    return retry_at;
}

}  // namespace

RobotResult NotifySender::send_message(const NotifyChannel& channel, const NotifyMessage& m,
                                       Timestamp now) {
    if (channel.kind != NotifyChannelKind::smtp) return post_to_robot(http_, channel, m.text);
    SmtpTarget target;
    try {
        target = parse_smtp_target(channel.url);
    } catch (const InvalidInput& e) {
        return {RobotOutcome::misconfigured, 0, e.what(), 0};
    }
    return smtp_.send(target, channel.secret, mail_for(target, m, now));
}

RobotResult NotifySender::send_now(Id message_id, Timestamp now) {
    NotifyMessage m = require_notification(db_, message_id);
    NotifyChannel channel = require_notify_channel(db_, m.channel);
    if (channel.kind == NotifyChannelKind::desktop)
        throw InvalidInput(
            trf("Channel {0} is a desktop channel: only the running Dianjia desktop program "
                "shows its notifications",
                channel.name));
    if (m.sent_at) return {};
    SentWindow window = sent_since(db_, channel.id, now - kRobotRateWindow + 1);
    if (window.count >= kRobotMessagesPerMinute) {
        Timestamp until = window.earliest.value_or(now) + kRobotRateWindow;
        defer_channel(db_, channel.id, until);
        return {RobotOutcome::throttled, 0,
                trf("Channel {0} sent 20 messages in the last minute, the robots' limit; the "
                    "message stays queued until {1}",
                    channel.name, format_shop_time(until)),
                until - now};
    }
    RobotResult r = send_message(channel, m, now);
    record_outcome(db_, channel, m, r, now);
    return r;
}

NotifyFlushReport NotifySender::flush(Timestamp now, std::optional<Id> channel_id) {
    NotifyFlushReport report;
    for (const NotifyChannel& channel : list_notify_channels(db_)) {
        if (channel_id && channel.id != *channel_id) continue;
        if (channel.kind == NotifyChannelKind::desktop) continue;
        std::vector<NotifyMessage> due = due_notifications(db_, channel.id, now);
        if (due.empty()) continue;
        if (channel.quiet) {
            if (auto until = quiet_until(*channel.quiet, now)) {
                defer_channel(db_, channel.id, *until);
                report.deferred += static_cast<int>(due.size());
                continue;
            }
        }
        SentWindow window = sent_since(db_, channel.id, now - kRobotRateWindow + 1);
        int budget = kRobotMessagesPerMinute - window.count;
        for (std::size_t i = 0; i < due.size(); ++i) {
            const NotifyMessage& m = due[i];
            int left = static_cast<int>(due.size() - i);
            if (budget <= 0) {
                // The robot would refuse (DingTalk then blocks it for 10 minutes): wait until
                // the oldest message of the window has left it.
                defer_channel(db_, channel.id, window.earliest.value_or(now) + kRobotRateWindow);
                report.deferred += left;
                break;
            }
            RobotResult r = send_message(channel, m, now);
            Timestamp retry_at = record_outcome(db_, channel, m, r, now);
            if (r.outcome == RobotOutcome::delivered) {
                if (!window.earliest) window.earliest = now;
                --budget;
                ++report.sent;
                continue;
            }
            ++report.failed;
            // A refused message says nothing about the next one; anything else would fail the
            // same way for the rest of the queue, which waits with it (keeping its order).
            if (r.outcome != RobotOutcome::rejected) {
                defer_channel(db_, channel.id, retry_at);
                report.deferred += left - 1;
                break;
            }
        }
    }
    return report;
}

}  // namespace dj
