// notify: alert notifications to WeCom and DingTalk group robots, mail and the desktop program
// from the command line.
#include <iostream>
#include <map>
#include <regex>

#include "cli/cli_context.h"
#include "core/alerts/notify_channel.h"
#include "core/alerts/notify_channel_form.h"
#include "core/alerts/smtp_target.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "http_client.h"
#include "ops/alert_queries.h"
#include "ops/alerts.h"
#include "ops/notifications.h"

namespace dj::cli {
namespace {

// Requests go to stderr only with DIANJIA_HTTP_LOG set. A WeCom URL's key is the robot's whole
// credential, so it is masked on top of the client's own masking.
HttpClient make_notify_http() {
    RequestLog log;
    if (std::getenv("DIANJIA_HTTP_LOG"))
        log = [](const std::string& line) {
            static const std::regex key("key=[^& ]*");
            std::cerr << std::regex_replace(line, key, "key=***") << "\n";
        };
    HttpOptions options;
    // One attempt per flush: the outbox does the retrying, with backoff that survives restarts.
    options.max_attempts = 1;
    options.timeout_ms = 10000;
    return HttpClient(options, log);
}

RequestLog make_notify_mail_log() {
    if (!std::getenv("DIANJIA_HTTP_LOG")) return {};
    return [](const std::string& line) { std::cerr << line << "\n"; };
}

struct AddArgs {
    std::string channel, name, url, secret, kinds, quiet, user, password, from, to;
};

}  // namespace

NotifyFlushReport send_notifications(Context& ctx) {
    HttpClient http = make_notify_http();
    return ops::send_notifications(ctx.db(), {http, {}, make_notify_mail_log()});
}

void add_notify_commands(CLI::App& app, Context& ctx) {
    auto* notify =
        app.add_subcommand("notify", tr("Alert notifications: group robots, mail, desktop"))
            ->require_subcommand(1);

    auto* add = notify->add_subcommand("add", tr("Add a notification channel"));
    auto a = std::make_shared<AddArgs>();
    add->add_option("--channel", a->channel, tr("wecom, dingtalk, smtp or desktop"))
        ->required()
        ->check(CLI::IsMember({"wecom", "dingtalk", "smtp", "desktop"}));
    add->add_option("--name", a->name, tr("Channel name (default: the channel kind)"));
    add->add_option("--url", a->url,
                    tr("The group robot's webhook URL, or the mail server: smtps://HOST:465 or "
                       "smtp://HOST:587 (STARTTLS)"));
    add->add_option("--secret", a->secret, tr("DingTalk signing secret (SEC...)"));
    add->add_option("--user", a->user, tr("Mail: the login at the mail server"));
    add->add_option("--password", a->password,
                    tr("Mail: the password or authorisation code of --user"));
    add->add_option("--from", a->from, tr("Mail: the sender address"));
    add->add_option("--to", a->to,
                    tr("Mail: the addresses that receive alerts, separated by commas"));
    add->add_option("--kinds", a->kinds,
                    tr("Alert kinds to send, separated by commas (default: every kind)"));
    add->add_option("--quiet", a->quiet, tr("Quiet hours in shop time, e.g. 22:00-08:00"));
    add->callback([&ctx, a] {
        NotifyChannelForm f;
        f.kind = *parse_notify_channel_kind(a->channel);
        f.name = a->name;
        f.url = a->url;
        f.secret = a->secret;
        f.mail_user = a->user;
        f.mail_password = a->password;
        f.mail_from = a->from;
        f.mail_to = a->to;
        f.alert_kinds = parse_alert_kind_list(a->kinds);
        if (!a->quiet.empty()) f.quiet = parse_quiet_hours(a->quiet, "--quiet");
        NotifyChannel c = make_notify_channel(f);
        c = ops::add_notify_channel(ctx.db(), ctx.actor(), c);
        std::cout << trf("Notification channel {0} added", c.name) << "\n";
    });

    notify->add_subcommand("list", tr("List notification channels and their last error"))
        ->callback([&ctx] {
            Listing list({{"name", tr("Name")},
                          {"channel", tr("Channel")},
                          {"kinds", tr("Alert kinds")},
                          {"quiet", tr("Quiet hours")},
                          {"pending", tr("Waiting")},
                          {"last_sent_at", tr("Last sent")},
                          {"last_error", tr("Last error")}});
            std::map<Id, int> pending = ops::pending_notification_counts(ctx.db());
            for (const NotifyChannel& c : ops::list_notify_channels(ctx.db()))
                list.add(
                    {Cell::str(c.name),
                     Cell::code(notify_channel_kind_code(c.kind), notify_channel_kind_name(c.kind)),
                     Cell::str(format_alert_kind_list(c.alert_kinds)),
                     c.quiet ? Cell::str(format_quiet_hours(*c.quiet)) : Cell::none(),
                     Cell::num(pending.count(c.id) ? pending.at(c.id) : 0),
                     Cell::time(c.last_sent_at), Cell::str(c.last_error)});
            ctx.print(list);
        });

    auto pending = std::make_shared<bool>(false);
    auto* outbox = notify->add_subcommand("outbox", tr("List queued notifications"));
    outbox->add_flag("--pending", *pending, tr("Only those not sent yet"));
    outbox->callback([&ctx, pending] {
        Listing list({{"id", tr("Id")},
                      {"channel", tr("Channel")},
                      {"alert", tr("Alert")},
                      {"attempts", tr("Attempts")},
                      {"next_attempt_at", tr("Next attempt")},
                      {"sent_at", tr("Sent")},
                      {"last_error", tr("Last error")},
                      {"text", tr("Text")}});
        for (const NotifyMessage& m : ops::list_notifications(ctx.db(), *pending))
            list.add({Cell::num(m.id), Cell::str(m.channel),
                      m.alert_id ? Cell::num(*m.alert_id) : Cell::none(), Cell::num(m.attempts),
                      Cell::time(m.next_attempt_at), Cell::time(m.sent_at), Cell::str(m.last_error),
                      Cell::str(m.text)});
        ctx.print(list);
    });

    notify->add_subcommand("flush", tr("Send the notifications that are due"))->callback([&ctx] {
        NotifyFlushReport r = send_notifications(ctx);
        if (r.sent_elsewhere) {
            std::cout << tr("Another program on this shop is sending the notifications now; it "
                            "sends these too.")
                      << "\n";
            return;
        }
        std::cout << trf("{0} notifications sent, {1} failed, {2} waiting", std::to_string(r.sent),
                         std::to_string(r.failed), std::to_string(r.deferred))
                  << "\n";
        if (r.failed > 0) ctx.exit_code = 1;
    });

    auto channel = std::make_shared<std::string>();
    auto* test = notify->add_subcommand("test", tr("Send a test message to a channel now"));
    test->add_option("CHANNEL", *channel, tr("Channel name"))->required();
    test->callback([&ctx, channel] {
        HttpClient http = make_notify_http();
        ops::TestNotification t = ops::test_notification(ctx.db(), ctx.actor(), *channel,
                                                         {http, {}, make_notify_mail_log()});
        const NotifyChannel& c = t.channel;
        if (!t.sent) {
            std::cout << trf("Channel {0} is a desktop channel: only the running Dianjia desktop "
                             "program shows desktop notifications, the command line cannot. The "
                             "test message is queued; the program shows it within a minute "
                             "(notify outbox then lists it as sent).",
                             c.name)
                      << "\n";
            return;
        }
        const RobotResult& r = *t.sent;
        if (r.outcome != RobotOutcome::delivered)
            throw Error(trf("Test message to channel {0} was not sent ({1}): {2}", c.name,
                            robot_outcome_code(r.outcome), r.message));
        std::cout << trf("Test message sent to channel {0}", c.name) << "\n";
    });
}

}  // namespace dj::cli
