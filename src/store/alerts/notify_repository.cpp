#include "store/alerts/notify_repository.h"

#include "core/alerts/alert_text.h"
#include "core/alerts/smtp_target.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/alerts/alert_repository.h"
#include "store/base/database.h"
#include "store/base/shop_key.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

constexpr const char* kChannelSelect =
    "SELECT id, kind, name, url, secret, alert_kinds, quiet_from, quiet_to, last_error, "
    "last_sent_at FROM notify_channel ";

NotifyChannel read_channel(sql::Statement& s) {
    NotifyChannel c;
    c.id = s.column(0).int64();
    c.kind = parse_notify_channel_kind(s.column(1).text()).value_or(c.kind);
    c.name = s.column(2).text();
    c.url = s.column(3).text();
    c.secret = s.column(4).text();
    // Stored codes were checked when the channel was added.
    c.alert_kinds = parse_alert_kind_list(s.column(5).text());
    if (!s.column(6).is_null() && !s.column(7).is_null())
        c.quiet = QuietHours{s.column(6).int32(), s.column(7).int32()};
    c.last_error = s.column(8).text();
    c.last_sent_at = read_optional(s.column(9));
    return c;
}

// The webhook address carries the robot's access token: it is sealed like the secret.
void open_secrets(Database& db, NotifyChannel& c) {
    c.url = open_secret(db, c.url, "notify_channel.url");
    c.secret = open_secret(db, c.secret, "notify_channel.secret");
}

constexpr const char* kMessageSelect =
    "SELECT m.id, m.channel_id, c.name, m.alert_id, m.text, m.created_at, m.attempts, "
    "m.next_attempt_at, m.last_error, m.sent_at FROM notify_outbox m "
    "JOIN notify_channel c ON c.id = m.channel_id ";

NotifyMessage read_message(sql::Statement& s) {
    NotifyMessage m;
    m.id = s.column(0).int64();
    m.channel_id = s.column(1).int64();
    m.channel = s.column(2).text();
    m.alert_id = read_optional(s.column(3));
    m.text = s.column(4).text();
    m.created_at = s.column(5).int64();
    m.attempts = s.column(6).int32();
    m.next_attempt_at = s.column(7).int64();
    m.last_error = s.column(8).text();
    m.sent_at = read_optional(s.column(9));
    return m;
}

void insert_message(Database& db, Id channel_id, std::optional<Id> alert_id,
                    const std::string& text, Timestamp now) {
    sql::Statement s(connection(db),
                     "INSERT INTO notify_outbox(channel_id, alert_id, text, created_at, "
                     "next_attempt_at) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(channel_id));
    bind_optional(s, 2, alert_id);
    s.bind(3, text);
    s.bind(4, static_cast<int64_t>(now));
    s.bind(5, static_cast<int64_t>(now));
    s.exec();
}

// What each kind needs before it can send; InvalidInput names the option to fix.
void check_channel(const NotifyChannel& channel) {
    if (channel.name.empty())
        throw InvalidInput(tr("Notification channel: --name is empty; give the channel a name"));
    switch (channel.kind) {
        case NotifyChannelKind::wecom:
        case NotifyChannelKind::dingtalk:
            if (channel.url.rfind("https://", 0) != 0 && channel.url.rfind("http://", 0) != 0)
                throw InvalidInput(
                    trf("Notification channel {0}: --url must be the robot's webhook URL "
                        "(https://...), copied from the group's robot settings",
                        channel.name));
            break;
        case NotifyChannelKind::smtp: {
            SmtpTarget target = parse_smtp_target(channel.url);
            if (!target.user.empty() && channel.secret.empty())
                throw InvalidInput(
                    trf("Notification channel {0}: --user {1} needs its --password (for QQ, "
                        "163 and most providers the authorisation code, not the login "
                        "password)",
                        channel.name, target.user));
            if (target.user.empty() && !channel.secret.empty())
                throw InvalidInput(
                    trf("Notification channel {0}: --password needs the --user it belongs to",
                        channel.name));
            break;
        }
        case NotifyChannelKind::desktop:
            if (!channel.url.empty() || !channel.secret.empty())
                throw InvalidInput(
                    trf("Notification channel {0}: a desktop channel takes no --url, --secret "
                        "or mail settings; the desktop program shows its notifications",
                        channel.name));
            break;
    }
}

}  // namespace

NotifyChannel insert_notify_channel(Database& db, NotifyChannel channel) {
    check_channel(channel);
    try {
        sql::Statement exists(connection(db), "SELECT 1 FROM notify_channel WHERE name = ?");
        exists.bind(1, channel.name);
        if (exists.step())
            throw InvalidInput(
                trf("Notification channel {0} exists already: choose another "
                    "--name (see notify list)",
                    channel.name));
        sql::Statement s(connection(db),
                         "INSERT INTO notify_channel(kind, name, url, secret, alert_kinds, "
                         "quiet_from, quiet_to) VALUES (?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, std::string(notify_channel_kind_code(channel.kind)));
        s.bind(2, channel.name);
        s.bind(3, seal_secret(db, channel.url, "notify_channel.url"));
        s.bind(4, seal_secret(db, channel.secret, "notify_channel.secret"));
        s.bind(5, format_alert_kind_list(channel.alert_kinds));
        bind_optional(
            s, 6,
            channel.quiet ? std::optional<int64_t>(channel.quiet->from_minute) : std::nullopt);
        bind_optional(
            s, 7, channel.quiet ? std::optional<int64_t>(channel.quiet->to_minute) : std::nullopt);
        s.exec();
        channel.id = connection(db).last_insert_id();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("adding a notification channel"));
    }
    return channel;
}

std::vector<NotifyChannel> list_notify_channels(Database& db) {
    std::vector<NotifyChannel> out;
    sql::Statement s(connection(db), std::string(kChannelSelect) + "ORDER BY name");
    while (s.step())
        out.push_back(read_channel(s));
    s.reset();
    for (NotifyChannel& c : out)
        open_secrets(db, c);
    return out;
}

NotifyChannel require_notify_channel(Database& db, const std::string& name) {
    sql::Statement s(connection(db), std::string(kChannelSelect) + "WHERE name = ?");
    s.bind(1, name);
    if (!s.step())
        throw NotFound(
            trf("Notification channel {0} does not exist: see notify list, or add it "
                "with notify add",
                name));
    NotifyChannel channel = read_channel(s);
    s.reset();
    open_secrets(db, channel);
    return channel;
}

int queue_alert_notifications(Database& db, const std::vector<Id>& alert_ids, Timestamp now) {
    if (alert_ids.empty()) return 0;
    std::vector<NotifyChannel> channels = list_notify_channels(db);
    if (channels.empty()) return 0;  // a full run may open thousands: read none of them
    int queued = 0;
    for (Id id : alert_ids) {
        Alert alert = require_alert(db, id);
        std::string text = join_notification(alert_notification(alert));
        for (const NotifyChannel& c : channels) {
            if (!channel_wants(c, alert.kind)) continue;
            insert_message(db, c.id, id, text, now);
            ++queued;
        }
    }
    return queued;
}

Id queue_test_notification(Database& db, const NotifyChannel& channel, const std::string& text,
                           Timestamp now) {
    try {
        insert_message(db, channel.id, std::nullopt, text, now);
        return connection(db).last_insert_id();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("queuing a test notification"));
    }
}

std::vector<NotifyMessage> due_notifications(Database& db, Id channel_id, Timestamp now) {
    std::vector<NotifyMessage> out;
    sql::Statement s(connection(db), std::string(kMessageSelect) +
                                         "WHERE m.channel_id = ? AND m.sent_at IS NULL "
                                         "AND m.next_attempt_at <= ? ORDER BY m.id");
    s.bind(1, static_cast<int64_t>(channel_id));
    s.bind(2, static_cast<int64_t>(now));
    while (s.step())
        out.push_back(read_message(s));
    return out;
}

std::vector<NotifyMessage> list_notifications(Database& db, bool pending_only, int limit) {
    std::vector<NotifyMessage> out;
    sql::Statement s(connection(db), std::string(kMessageSelect) +
                                         (pending_only ? "WHERE m.sent_at IS NULL " : "") +
                                         "ORDER BY m.id DESC LIMIT ?");
    s.bind(1, limit);
    while (s.step())
        out.push_back(read_message(s));
    return out;
}

NotifyMessage require_notification(Database& db, Id id) {
    sql::Statement s(connection(db), std::string(kMessageSelect) + "WHERE m.id = ?");
    s.bind(1, static_cast<int64_t>(id));
    if (!s.step())
        throw NotFound(trf("Notification {0} does not exist: see notify outbox for the ids",
                           std::to_string(id)));
    return read_message(s);
}

std::vector<NotifyMessage> take_desktop_notifications(Database& db, Timestamp now) {
    std::vector<NotifyMessage> out;
    for (const NotifyChannel& c : list_notify_channels(db)) {
        if (c.kind != NotifyChannelKind::desktop) continue;
        std::vector<NotifyMessage> due = due_notifications(db, c.id, now);
        if (due.empty()) continue;
        if (c.quiet) {
            if (auto until = quiet_until(*c.quiet, now)) {
                defer_channel(db, c.id, *until);
                continue;
            }
        }
        out.insert(out.end(), due.begin(), due.end());
    }
    return out;
}

std::map<Id, int> pending_notification_counts(Database& db) {
    std::map<Id, int> out;
    sql::Statement s(connection(db),
                     "SELECT channel_id, count(*) FROM notify_outbox WHERE sent_at IS NULL "
                     "GROUP BY channel_id");
    while (s.step())
        out[s.column(0).int64()] = s.column(1).int32();
    return out;
}

SentWindow sent_since(Database& db, Id channel_id, Timestamp since) {
    sql::Statement s(connection(db),
                     "SELECT count(*), min(sent_at) FROM notify_outbox "
                     "WHERE channel_id = ? AND sent_at >= ?");
    s.bind(1, static_cast<int64_t>(channel_id));
    s.bind(2, static_cast<int64_t>(since));
    SentWindow w;
    if (s.step()) {
        w.count = s.column(0).int32();
        w.earliest = read_optional(s.column(1));
    }
    return w;
}

void mark_notification_sent(Database& db, Id message_id, Id channel_id, Timestamp now) {
    try {
        WriteTransaction tx(db);
        sql::Statement m(connection(db),
                         "UPDATE notify_outbox SET sent_at = ?, attempts = attempts + 1, "
                         "last_error = '' WHERE id = ?");
        m.bind(1, static_cast<int64_t>(now));
        m.bind(2, static_cast<int64_t>(message_id));
        m.exec();
        sql::Statement c(connection(db),
                         "UPDATE notify_channel SET last_sent_at = ?, last_error = '' "
                         "WHERE id = ?");
        c.bind(1, static_cast<int64_t>(now));
        c.bind(2, static_cast<int64_t>(channel_id));
        c.exec();
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("recording a sent notification"));
    }
}

void mark_notification_failed(Database& db, Id message_id, Id channel_id, const std::string& error,
                              Timestamp next_attempt_at) {
    try {
        WriteTransaction tx(db);
        sql::Statement m(connection(db),
                         "UPDATE notify_outbox SET attempts = attempts + 1, last_error = ?, "
                         "next_attempt_at = ? WHERE id = ?");
        m.bind(1, error);
        m.bind(2, static_cast<int64_t>(next_attempt_at));
        m.bind(3, static_cast<int64_t>(message_id));
        m.exec();
        sql::Statement c(connection(db), "UPDATE notify_channel SET last_error = ? WHERE id = ?");
        c.bind(1, error);
        c.bind(2, static_cast<int64_t>(channel_id));
        c.exec();
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("recording a failed notification"));
    }
}

void defer_channel(Database& db, Id channel_id, Timestamp until) {
    try {
        WriteTransaction tx(db);
        sql::Statement s(connection(db),
                         "UPDATE notify_outbox SET next_attempt_at = ? WHERE channel_id = ? "
                         "AND sent_at IS NULL AND next_attempt_at < ?");
        s.bind(1, static_cast<int64_t>(until));
        s.bind(2, static_cast<int64_t>(channel_id));
        s.bind(3, static_cast<int64_t>(until));
        s.exec();
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("postponing notifications"));
    }
}

}  // namespace dj
