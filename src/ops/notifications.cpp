#include "ops/notifications.h"

#include "ops/access.h"
#include "store/alerts/notify_repository.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"

namespace dj::ops {

// Every workstation watches alerts; one at a time sends, so a message goes out once.
constexpr const char* kSenderLock = "notify";

NotifyFlushReport send_notifications(Database& db, const NotifyLink& link) {
    std::unique_ptr<ShopLock> sending = db.try_lock(kSenderLock);
    if (!sending) {
        NotifyFlushReport elsewhere;
        elsewhere.sent_elsewhere = true;
        return elsewhere;
    }
    return NotifySender(db, link.http, link.smtp, link.mail_log).flush(db.clock().now());
}

WatchRound watch_alerts(Database& db, const NotifyLink& link, bool evaluate) {
    NotifySender sender(db, link.http, link.smtp, link.mail_log);
    std::unique_ptr<ShopLock> sending = db.try_lock(kSenderLock);
    return run_watch_round(db, sender, db.clock().now(), evaluate, sending != nullptr);
}

void mark_shown(Database& db, const std::vector<NotifyMessage>& shown) {
    WriteTransaction tx(db);
    for (const NotifyMessage& m : shown)
        mark_notification_sent(db, m.id, m.channel_id, db.clock().now());
    tx.commit();
}

TestNotification test_notification(Database& db, const Actor& actor, const std::string& channel,
                                   const NotifyLink& link) {
    require(actor, Permission::SetUpShop);
    TestNotification out;
    {
        WriteTransaction tx(db);
        out.channel = require_notify_channel(db, channel);
        out.message_id = queue_test_notification(db, out.channel, notify_test_text(out.channel),
                                                 db.clock().now());
        audit(db, actor, "notify.test", out.channel.name);
        tx.commit();
    }
    if (out.channel.kind != NotifyChannelKind::desktop)
        out.sent = NotifySender(db, link.http, link.smtp, link.mail_log)
                       .send_now(out.message_id, db.clock().now());
    return out;
}

}  // namespace dj::ops
