// Alert mail: the message format (RFC 5322 headers, RFC 2047 subject, base64 UTF-8 body), the
// stored server settings, and delivery through the outbox to a loopback ESMTP server with AUTH
// PLAIN and LOGIN, a refused mail that stays queued with its error and goes later, and the
// desktop channel's messages left for the desktop program.
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <regex>

#include "core/alerts/smtp_target.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "http_client.h"
#include "loopback_smtp.h"
#include "low_stock_alert.h"
#include "notify/alert_watch.h"
#include "notify/mail_message.h"
#include "notify/notify_sender.h"
#include "notify/smtp_client.h"
#include "ops/alerts.h"
#include "ops/stock_service.h"
#include "store/alerts/notify_repository.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace dj {
// For Boost.Test messages.
inline std::ostream& operator<<(std::ostream& out, RobotOutcome o) {
    return out << robot_outcome_code(o);
}
inline std::ostream& operator<<(std::ostream& out, AlertKind k) {
    return out << alert_kind_code(k);
}
}  // namespace dj

namespace {

// The value of one header (unfolded), or "".
std::string header(const std::string& mail, const std::string& name) {
    std::size_t end = mail.find("\r\n\r\n");
    std::string head = mail.substr(0, end);
    std::size_t at = head.find(name + ": ");
    if (at != 0) at = head.find("\r\n" + name + ": ");
    if (at == std::string::npos) return {};
    std::size_t start = head.find(": ", at) + 2;
    std::string value;
    for (std::size_t i = start; i < head.size(); ++i) {
        if (head.compare(i, 3, "\r\n ") == 0) {
            value += ' ';
            i += 2;
            continue;
        }
        if (head.compare(i, 2, "\r\n") == 0) break;
        value += head[i];
    }
    return value;
}

// Decodes "=?UTF-8?B?...?=" words separated by folding white space; each word must hold
// whole UTF-8 characters.
std::string decode_words(const std::string& value) {
    static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
    std::string out;
    for (std::sregex_iterator it(value.begin(), value.end(), word), end; it != end; ++it) {
        std::string part = test::base64_decode((*it)[1]);
        unsigned char last = part.empty() ? 0 : static_cast<unsigned char>(part.back());
        BOOST_TEST((last < 0x80 || (last & 0xC0) == 0x80));  // not a cut lead byte
        BOOST_TEST(it->length() <= 75);
        out += part;
    }
    return out;
}

// The subject as people read it: encoded-words decoded, plain ASCII as it is.
std::string subject_of(const std::string& mail) {
    std::string value = header(mail, "Subject");
    return value.find("=?UTF-8?B?") == std::string::npos ? value : decode_words(value);
}

std::string body_of(const std::string& mail) {
    return test::base64_decode(mail.substr(mail.find("\r\n\r\n") + 4));
}

constexpr Timestamp kNow = 1795496656;  // 2026-11-24 13:04:16 shop time, a Tuesday

struct Shop {
    test::TempDir dir;
    Database db{dir.file("shop.db"), test::fixed_clock()};
    test::LoopbackSmtp server;
    HttpClient http{HttpOptions{1000, 3000, 1, 10, 10, 0, "", ""}};
    NotifySender sender{db, http, SmtpOptions{1000, 5000, ""}};

    Shop() { test::seed_small_shop(db); }

    NotifyChannel add_mail(const std::string& name, const std::string& user = "shop@example.com",
                           const std::string& password = "app-code-1") {
        NotifyChannel c;
        c.kind = NotifyChannelKind::smtp;
        c.name = name;
        c.url = format_smtp_target(make_smtp_target(server.url(), user, "shop@example.com",
                                                    "boss@example.com, ops@example.org"));
        c.secret = password;
        return ops::add_notify_channel(db, test::test_actor(), c);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(smtp_mail)

BOOST_AUTO_TEST_CASE(message_headers_subject_words_and_body) {
    MailMessage m;
    m.from = "shop@example.com";
    m.to = {"boss@example.com", "ops@example.org"};
    m.subject = "【店家库存预警】库存偏低：SKU 茶叶-礼盒装-0001，仓库 常州仓，请尽快补货";
    m.body = "可用 4 件，已降至再订货点 5 或以下\n第二行 line two\n";
    m.date = kNow;
    m.message_id = mail_message_id("42.1795496000", m.from);
    std::string mail = format_mail(m);

    BOOST_TEST(header(mail, "Date") == "Tue, 24 Nov 2026 13:04:16 +0800");
    BOOST_TEST(header(mail, "Message-ID") == "<dianjia.42.1795496000@example.com>");
    BOOST_TEST(header(mail, "To") == "boss@example.com, ops@example.org");
    BOOST_TEST(header(mail, "MIME-Version") == "1.0");
    BOOST_TEST(header(mail, "Content-Type") == "text/plain; charset=UTF-8");
    BOOST_TEST(header(mail, "Content-Transfer-Encoding") == "base64");
    BOOST_TEST(decode_words(header(mail, "From")) == "店家");
    BOOST_TEST(header(mail, "From").find("<shop@example.com>") != std::string::npos);
    std::string subject = header(mail, "Subject");
    BOOST_TEST(subject.find("?= =?UTF-8?B?") != std::string::npos);  // several words
    BOOST_TEST(decode_words(subject) == m.subject);
    BOOST_TEST(body_of(mail) == "可用 4 件，已降至再订货点 5 或以下\r\n第二行 line two\r\n");

    // Every line ends in CRLF and none is longer than 76 characters.
    std::size_t start = 0;
    while (start < mail.size()) {
        std::size_t end = mail.find("\r\n", start);
        BOOST_TEST_REQUIRE(end != std::string::npos);
        BOOST_TEST(mail.substr(start, end - start).find('\n') == std::string::npos);
        BOOST_TEST(end - start <= 76u);
        start = end + 2;
    }
    BOOST_TEST(encode_header_text("Subject", "Plain ASCII subject") == "Plain ASCII subject");
    BOOST_TEST(encode_header_text("Subject", "a =?b") == "=?UTF-8?B?YSA9P2I=?=");
    BOOST_TEST(mail_date(0) == "Thu, 1 Jan 1970 08:00:00 +0800");
}

BOOST_AUTO_TEST_CASE(server_settings_are_stored_in_one_url) {
    SmtpTarget t = make_smtp_target("smtps://smtp.qq.com", "a&b@qq.com", "shop@qq.com",
                                    "boss@qq.com, ops@163.com");
    BOOST_TEST(t.implicit_tls);
    BOOST_TEST(t.port == 465);
    BOOST_TEST(!t.requires_starttls());
    std::string stored = format_smtp_target(t);
    BOOST_TEST(stored ==
               "smtps://smtp.qq.com:465?user=a%26b@qq.com&from=shop@qq.com&to=boss@qq.com,"
               "ops@163.com");
    SmtpTarget back = parse_smtp_target(stored);
    BOOST_TEST(back.user == "a&b@qq.com");
    BOOST_TEST(back.to == t.to, boost::test_tools::per_element());
    BOOST_TEST(back.server_url() == "smtps://smtp.qq.com:465");

    SmtpTarget plain = make_smtp_target("smtp://smtp.163.com", "", "shop@163.com", "a@b.cn");
    BOOST_TEST(plain.port == 587);
    BOOST_TEST(plain.requires_starttls());  // login and mail never travel unencrypted
    BOOST_TEST(!make_smtp_target("smtp://127.0.0.1:2525", "", "a@b.cn", "c@d.cn")
                    .requires_starttls());  // a relay on this computer
    BOOST_TEST(!make_smtp_target("smtp://localhost", "", "a@b.cn", "c@d.cn").requires_starttls());
    BOOST_TEST(make_smtp_target("smtp://[::1]:25", "", "a@b.cn", "c@d.cn").host == "[::1]");

    BOOST_CHECK_THROW(make_smtp_target("https://smtp.qq.com", "", "a@b.cn", "c@d.cn"),
                      InvalidInput);
    BOOST_CHECK_THROW(make_smtp_target("smtp://smtp.qq.com:99999", "", "a@b.cn", "c@d.cn"),
                      InvalidInput);
    BOOST_CHECK_THROW(make_smtp_target("smtp://smtp.qq.com", "", "shop", "c@d.cn"), InvalidInput);
    BOOST_CHECK_THROW(make_smtp_target("smtp://smtp.qq.com", "", "a@b.cn", ""), InvalidInput);
    BOOST_CHECK_THROW(make_smtp_target("smtp://smtp.qq.com", "", "a@b.cn", "c@d.cn, 老板"),
                      InvalidInput);
    BOOST_CHECK_THROW(parse_smtp_target("smtp://smtp.qq.com:25"), InvalidInput);
    BOOST_TEST(!valid_mail_address("a b@c.cn"));
    BOOST_TEST(!valid_mail_address("<a@c.cn>"));
    BOOST_TEST(valid_mail_address("first.last+alerts@mail.example.cn"));
}

BOOST_FIXTURE_TEST_CASE(alert_mail_goes_through_the_outbox_with_auth_plain, Shop) {
    NotifyChannel mail = add_mail("mail");
    test::raise_low_stock(db);
    auto pending = list_notifications(db, true);
    BOOST_TEST_REQUIRE(pending.size() == 1u);  // queued with the alert, nothing sent yet
    BOOST_TEST(server.received().empty());

    NotifyFlushReport r = sender.flush(test::kNow + 1);
    BOOST_TEST(r.sent == 1);
    BOOST_TEST(r.failed == 0);
    auto got = server.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0].mechanism == "PLAIN");
    BOOST_TEST(got[0].user == "shop@example.com");
    BOOST_TEST(got[0].password == "app-code-1");
    BOOST_TEST(got[0].mail_from.find("<shop@example.com>") != std::string::npos);
    BOOST_TEST_REQUIRE(got[0].rcpt_to.size() == 2u);
    BOOST_TEST(got[0].rcpt_to[1].find("<ops@example.org>") != std::string::npos);
    BOOST_TEST(subject_of(got[0].data) ==
               "[Dianjia stock alert] Low stock: SKU CUP-1 in warehouse CZ");
    BOOST_TEST(body_of(got[0].data).find("available 4 at or below reorder point 5") == 0u);
    BOOST_TEST(header(got[0].data, "Message-ID").find("@example.com>") != std::string::npos);

    BOOST_TEST(list_notifications(db, true).empty());
    BOOST_TEST(require_notify_channel(db, mail.name).last_error.empty());
    BOOST_TEST(sender.flush(test::kNow + 100000).sent == 0);  // never sent twice
    BOOST_TEST(server.received().size() == 1u);
}

BOOST_AUTO_TEST_CASE(auth_login_when_the_server_offers_only_login) {
    test::LoopbackSmtp server("LOGIN");
    SmtpClient client(SmtpOptions{1000, 5000, ""});
    SmtpTarget target =
        make_smtp_target(server.url(), "shop@example.com", "shop@example.com", "boss@example.com");
    MailMessage m{"shop@example.com", {"boss@example.com"}, "Hi", "Body\n", kNow, "x@example.com"};
    RobotResult r = client.send(target, "app-code-1", m);
    BOOST_TEST(r.outcome == RobotOutcome::delivered, r.message);
    auto got = server.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0].mechanism == "LOGIN");
    BOOST_TEST(got[0].password == "app-code-1");

    r = client.send(target, "wrong", m);
    BOOST_TEST(r.outcome == RobotOutcome::misconfigured);
    BOOST_TEST(r.errcode == 535);
    BOOST_TEST(r.message.find("refused the login of shop@example.com") != std::string::npos,
               r.message);
    BOOST_TEST(server.received().size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(refused_mail_stays_queued_with_its_error_then_goes, Shop) {
    NotifyChannel mail = add_mail("mail");
    server.reply("DATA", "554 5.7.1 Message rejected as spam");
    Timestamp now = test::kNow;
    queue_test_notification(db, mail, notify_test_text(mail), now);
    queue_test_notification(db, mail, notify_test_text(mail), now);

    NotifyFlushReport r = sender.flush(now);
    BOOST_TEST(r.sent == 0);
    BOOST_TEST(r.failed == 1);
    BOOST_TEST(r.deferred == 1);  // the channel stops at a refusal; the rest waits in order
    NotifyChannel after = require_notify_channel(db, mail.name);
    BOOST_TEST(after.last_error.find("554 5.7.1 Message rejected as spam") != std::string::npos,
               after.last_error);
    auto pending = list_notifications(db, true);  // newest first
    BOOST_TEST_REQUIRE(pending.size() == 2u);
    for (const NotifyMessage& m : pending)
        BOOST_TEST(m.next_attempt_at == now + 30);
    BOOST_TEST(pending[1].last_error.find("554") != std::string::npos, pending[1].last_error);
    BOOST_TEST(pending[0].attempts == 0);  // waited behind it, never tried

    BOOST_TEST(sender.flush(now + 29).sent == 0);  // backing off
    r = sender.flush(now + 30);
    BOOST_TEST(r.sent == 2);
    BOOST_TEST(list_notifications(db, true).empty());
    BOOST_TEST(require_notify_channel(db, mail.name).last_error.empty());
    auto got = server.received();
    BOOST_TEST_REQUIRE(got.size() == 3u);
    BOOST_TEST(got[0].answer.find("554") == 0u);
    // The retried mail keeps its Message-ID.
    BOOST_TEST(header(got[0].data, "Message-ID") == header(got[1].data, "Message-ID"));
    BOOST_TEST(header(got[1].data, "Message-ID") != header(got[2].data, "Message-ID"));
}

BOOST_FIXTURE_TEST_CASE(busy_or_unreachable_server_is_tried_again_later, Shop) {
    NotifyChannel mail = add_mail("mail");
    server.reply("MAIL", "451 4.3.0 Try again later");
    Timestamp now = test::kNow;
    Id id = queue_test_notification(db, mail, "subject\nbody", now);
    RobotResult r = sender.send_now(id, now);
    BOOST_TEST(r.outcome == RobotOutcome::unavailable);
    BOOST_TEST(r.errcode == 451);
    BOOST_TEST(require_notification(db, id).last_error.find("451 4.3.0") != std::string::npos);

    int port = 0;
    {
        test::LoopbackSmtp gone;
        port = gone.port();
    }  // nothing listens there any more
    SmtpClient client(SmtpOptions{1000, 3000, ""});
    SmtpTarget target = make_smtp_target("smtp://127.0.0.1:" + std::to_string(port), "",
                                         "shop@example.com", "boss@example.com");
    MailMessage m{"shop@example.com", {"boss@example.com"}, "s", "b\n", now, "y@example.com"};
    r = client.send(target, "", m);
    BOOST_TEST(r.outcome == RobotOutcome::unavailable);
    BOOST_TEST(r.message.find("could not be reached") != std::string::npos, r.message);
}

BOOST_FIXTURE_TEST_CASE(mail_channel_settings_are_checked_when_added, Shop) {
    NotifyChannel c;
    c.kind = NotifyChannelKind::smtp;
    c.name = "no-password";
    c.url = format_smtp_target(
        make_smtp_target(server.url(), "shop@example.com", "shop@example.com", "a@example.com"));
    BOOST_CHECK_THROW(ops::add_notify_channel(db, test::test_actor(), c), InvalidInput);
    c.url = "smtp://127.0.0.1:25";  // not the stored form
    c.secret = "x";
    BOOST_CHECK_THROW(ops::add_notify_channel(db, test::test_actor(), c), InvalidInput);
    c.kind = NotifyChannelKind::desktop;
    BOOST_CHECK_THROW(ops::add_notify_channel(db, test::test_actor(), c), InvalidInput);
    BOOST_TEST(list_notify_channels(db).empty());
}

BOOST_FIXTURE_TEST_CASE(desktop_messages_wait_for_the_desktop_program, Shop) {
    NotifyChannel c;
    c.kind = NotifyChannelKind::desktop;
    c.name = "desktop";
    c.alert_kinds = {AlertKind::low_stock};
    c = ops::add_notify_channel(db, test::test_actor(), c);
    NotifyChannel night;
    night.kind = NotifyChannelKind::desktop;
    night.name = "night";
    Timestamp now = test::kNow;
    int minute = static_cast<int>((now + kShopUtcOffsetMinutes * 60) % 86400 / 60);
    night.quiet = QuietHours{(minute + 1440 - 60) % 1440, (minute + 60) % 1440};  // now ± 1 h
    night = ops::add_notify_channel(db, test::test_actor(), night);
    test::raise_low_stock(db);
    BOOST_TEST(list_notifications(db, true).size() == 2u);

    NotifyFlushReport r = sender.flush(now);  // the sender leaves desktop messages alone
    BOOST_TEST(r.sent + r.failed + r.deferred == 0);
    Id queued = list_notifications(db, true).at(0).id;
    BOOST_CHECK_THROW(sender.send_now(queued, now), InvalidInput);

    auto shown = take_desktop_notifications(db, now);
    BOOST_TEST_REQUIRE(shown.size() == 1u);  // the night channel is in its quiet hours
    BOOST_TEST(shown[0].channel == "desktop");
    BOOST_TEST(shown[0].alert_id.has_value());
    mark_notification_sent(db, shown[0].id, shown[0].channel_id, now);
    BOOST_TEST(take_desktop_notifications(db, now).empty());
    auto waiting = list_notifications(db, true);
    BOOST_TEST_REQUIRE(waiting.size() == 1u);
    BOOST_TEST(waiting[0].channel == "night");
    BOOST_TEST(waiting[0].next_attempt_at > now);  // deferred to the end of the quiet hours
    BOOST_TEST(pending_notification_counts(db).at(night.id) == 1);
    BOOST_TEST(pending_notification_counts(db).count(c.id) == 0u);
}

// What the desktop program's timer runs each minute, without the window.
BOOST_FIXTURE_TEST_CASE(watch_round_evaluates_sends_mail_and_hands_over_desktop_messages, Shop) {
    add_mail("mail");
    NotifyChannel desk;
    desk.kind = NotifyChannelKind::desktop;
    desk.name = "desktop";
    ops::add_notify_channel(db, test::test_actor(), desk);
    Timestamp now = test::kNow;
    ops::StockService stock{db, test::test_actor()};
    ops::StockService::Receive tea;
    tea.sku = "TEA-1";
    tea.qty = 5;
    tea.warehouse = "CZ";
    tea.batch = "L1";
    tea.expiry = shop_date(now + 40 * 86400);
    stock.receive(tea);
    BOOST_TEST(list_notifications(db, true).empty());  // 40 days from expiry: nothing yet

    WatchRound idle = run_watch_round(db, sender, now, false);
    BOOST_TEST(!idle.evaluation.has_value());
    BOOST_TEST(idle.sent.sent == 0);
    BOOST_TEST(idle.desktop.empty());

    Timestamp later = now + 15 * 86400;  // 25 days from expiry: time alone raises the alert
    WatchRound r = run_watch_round(db, sender, later, true);
    BOOST_TEST_REQUIRE(r.evaluation.has_value());
    BOOST_TEST_REQUIRE(r.evaluation->opened.size() == 1u);
    BOOST_TEST(r.sent.sent == 1);
    auto got = server.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(subject_of(got[0].data) ==
               "[Dianjia stock alert] Batch expiring: SKU TEA-1 in warehouse CZ");
    BOOST_TEST_REQUIRE(r.desktop.size() == 1u);
    BOOST_TEST(r.alerts.at(r.desktop[0].alert_id.value()).kind == AlertKind::expiring);

    mark_notification_sent(db, r.desktop[0].id, r.desktop[0].channel_id, later);
    WatchRound again = run_watch_round(db, sender, later + 60, true);
    BOOST_TEST(again.evaluation->opened.empty());  // one alert, however often it is evaluated
    BOOST_TEST(again.sent.sent == 0);
    BOOST_TEST(again.desktop.empty());
    BOOST_TEST(list_notifications(db, true).empty());
}

BOOST_AUTO_TEST_SUITE_END()
