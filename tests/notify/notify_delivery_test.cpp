// Alert notifications end to end against a loopback robot on 127.0.0.1: queued with the alert,
// delivered once, errors kept on the channel, retried after backoff, the 20-a-minute limit held.
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "core/alerts/notify_channel.h"
#include "http_client.h"
#include "loopback_robot.h"
#include "low_stock_alert.h"
#include "notify/notify_sender.h"
#include "notify/robot_webhook.h"
#include "ops/alerts.h"
#include "store/alerts/notify_repository.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace dj {
// For Boost.Test messages.
inline std::ostream& operator<<(std::ostream& out, RobotOutcome o) {
    return out << robot_outcome_code(o);
}
}  // namespace dj

namespace {

struct Shop {
    test::TempDir dir;
    Database db{test::test_database(dir, "shop.db"), test::fixed_clock()};
    test::LoopbackRobot robot;
    HttpClient http{HttpOptions{1000, 3000, 1, 10, 10, 0, "", ""}};
    NotifySender sender{db, http};
    Timestamp now = 1795000000;  // 2026-11-18 19:06:40 shop time

    Shop() { test::seed_small_shop(db); }

    NotifyChannel add(NotifyChannelKind kind, const std::string& name, const std::string& path,
                      const std::string& secret = {}) {
        NotifyChannel c;
        c.kind = kind;
        c.name = name;
        c.url = robot.url(path);
        c.secret = secret;
        return ops::add_notify_channel(db, test::test_actor(), c);
    }
    void queue_tests(const NotifyChannel& c, int n) {
        for (int i = 0; i < n; ++i)
            queue_test_notification(db, c, "test " + std::to_string(i), now);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(notify_delivery, Shop)

BOOST_AUTO_TEST_CASE(alert_is_queued_with_its_transaction_and_delivered_once) {
    NotifyChannel wecom = add(NotifyChannelKind::wecom, "group", "/wecom?key=K");
    test::raise_low_stock(db);
    auto pending = list_notifications(db, true);
    BOOST_TEST_REQUIRE(pending.size() == 1u);  // queued offline, before any flush
    BOOST_TEST(pending[0].alert_id.has_value());
    BOOST_TEST(pending[0].text.find("CUP-1") != std::string::npos);
    BOOST_TEST(robot.received().empty());

    NotifyFlushReport r = sender.flush(now + 1000000);
    BOOST_TEST(r.sent == 1);
    auto got = robot.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0].body == robot_text_body(NotifyChannelKind::wecom, pending[0].text));
    BOOST_TEST(list_notifications(db, true).empty());

    // Nothing is sent twice, whatever the number of flushes.
    BOOST_TEST(sender.flush(now + 1000000).sent == 0);
    BOOST_TEST(sender.flush(now + 2000000).sent == 0);
    BOOST_TEST(robot.received().size() == 1u);
    BOOST_TEST(require_notify_channel(db, wecom.name).last_error.empty());
}

BOOST_AUTO_TEST_CASE(kinds_filter_leaves_other_alerts_out) {
    NotifyChannel c;
    c.kind = NotifyChannelKind::wecom;
    c.name = "expiry-only";
    c.url = robot.url("/wecom");
    c.alert_kinds = {AlertKind::expiring};
    ops::add_notify_channel(db, test::test_actor(), c);
    test::raise_low_stock(db);
    BOOST_TEST(list_notifications(db, true).empty());
}

BOOST_AUTO_TEST_CASE(dingtalk_request_carries_a_valid_signature) {
    std::string secret = "SEC0123456789abcdef";
    NotifyChannel ding = add(NotifyChannelKind::dingtalk, "ding", "/ding?access_token=T", secret);
    queue_tests(ding, 1);
    BOOST_TEST(sender.flush(now).sent == 1);
    auto got = robot.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    // Signed with the real time (DingTalk checks it against its clock), not the shop's now.
    BOOST_TEST(got[0].sign == dingtalk_signature(secret, std::stoll(got[0].timestamp)));
}

BOOST_AUTO_TEST_CASE(error_code_is_kept_on_the_channel_and_the_message_waits) {
    NotifyChannel ding = add(NotifyChannelKind::dingtalk, "ding", "/ding?access_token=T", "SECx");
    robot.reply(200, R"({"errcode":310000,"errmsg":"sign not match"})");
    queue_tests(ding, 2);
    NotifyFlushReport r = sender.flush(now);
    BOOST_TEST(r.sent == 0);
    BOOST_TEST(r.failed == 1);
    BOOST_TEST(robot.received().size() == 1u);  // the channel stops at a configuration error
    NotifyChannel after = require_notify_channel(db, "ding");
    BOOST_TEST(after.last_error.find("310000") != std::string::npos);
    auto pending = list_notifications(db, true);
    BOOST_TEST_REQUIRE(pending.size() == 2u);
    for (const NotifyMessage& m : pending)
        BOOST_TEST(m.next_attempt_at == now + 30);
}

BOOST_AUTO_TEST_CASE(retried_after_failure_with_backoff) {
    NotifyChannel wecom = add(NotifyChannelKind::wecom, "group", "/wecom?key=K");
    robot.reply(500, "oops");
    robot.reply(200, R"({"errcode":-1,"errmsg":"system busy"})");
    queue_tests(wecom, 1);
    BOOST_TEST(sender.flush(now).failed == 1);
    BOOST_TEST(sender.flush(now + 29).failed == 0);  // backing off: not even tried
    BOOST_TEST(robot.received().size() == 1u);
    BOOST_TEST(sender.flush(now + 30).failed == 1);  // second failure doubles the pause
    BOOST_TEST(list_notifications(db, true).at(0).next_attempt_at == now + 30 + 60);
    BOOST_TEST(sender.flush(now + 90).sent == 1);
    BOOST_TEST(robot.received().size() == 3u);
    BOOST_TEST(require_notify_channel(db, "group").last_error.empty());
    BOOST_TEST(sender.flush(now + 10000).sent == 0);
}

BOOST_AUTO_TEST_CASE(never_more_than_twenty_a_minute) {
    NotifyChannel wecom = add(NotifyChannelKind::wecom, "group", "/wecom?key=K");
    queue_tests(wecom, 25);
    NotifyFlushReport r = sender.flush(now);
    BOOST_TEST(r.sent == 20);
    BOOST_TEST(r.deferred == 5);
    BOOST_TEST(sender.flush(now + 59).sent == 0);  // still inside the minute
    BOOST_TEST(robot.received().size() == 20u);
    BOOST_TEST(sender.flush(now + 60).sent == 5);
    BOOST_TEST(robot.received().size() == 25u);
}

BOOST_AUTO_TEST_CASE(throttle_answer_pauses_the_channel) {
    NotifyChannel ding = add(NotifyChannelKind::dingtalk, "ding", "/ding?access_token=T");
    robot.reply(200, R"({"errcode":130101,"errmsg":"send too fast"})");
    queue_tests(ding, 3);
    NotifyFlushReport r = sender.flush(now);
    BOOST_TEST(r.failed == 1);
    BOOST_TEST(r.deferred == 2);
    BOOST_TEST(sender.flush(now + 599).sent == 0);  // DingTalk blocks the robot 10 minutes
    BOOST_TEST(sender.flush(now + 600).sent == 3);
    BOOST_TEST(robot.received().size() == 4u);
}

BOOST_AUTO_TEST_CASE(quiet_hours_hold_messages_until_they_end) {
    NotifyChannel c;
    c.kind = NotifyChannelKind::wecom;
    c.name = "night";
    c.url = robot.url("/wecom");
    c.quiet = parse_quiet_hours("19:00-20:00", "--quiet");  // `now` is 19:06 shop time
    c = ops::add_notify_channel(db, test::test_actor(), c);
    queue_tests(c, 1);
    BOOST_TEST(sender.flush(now).deferred == 1);
    BOOST_TEST(robot.received().empty());
    auto end = quiet_until(*c.quiet, now);
    BOOST_TEST_REQUIRE(end.has_value());
    BOOST_TEST(*end == now + 53 * 60 + 20);
    BOOST_TEST(list_notifications(db, true).at(0).next_attempt_at == *end);
    BOOST_TEST(sender.flush(*end - 1).sent == 0);
    BOOST_TEST(sender.flush(*end).sent == 1);
}

BOOST_AUTO_TEST_CASE(test_message_goes_ahead_of_a_failing_queue_but_not_over_the_limit) {
    NotifyChannel wecom = add(NotifyChannelKind::wecom, "group", "/wecom?key=K");
    robot.reply(200, R"({"errcode":93000,"errmsg":"invalid webhook url"})");
    queue_tests(wecom, 1);
    BOOST_TEST(sender.flush(now).failed == 1);
    Id test = queue_test_notification(db, wecom, "ping", now + 5);
    RobotResult r = sender.send_now(test, now + 5);  // the older message is still backing off
    BOOST_TEST(r.outcome == RobotOutcome::delivered);
    BOOST_TEST(robot.received().back().body == robot_text_body(NotifyChannelKind::wecom, "ping"));
    BOOST_TEST(require_notification(db, test).sent_at.value() == now + 5);

    queue_tests(wecom, 30);
    BOOST_TEST(sender.flush(now + 10).sent == 19);  // 20 in the minute, the test included
    Id late = queue_test_notification(db, wecom, "late", now + 20);
    std::size_t before = robot.received().size();
    BOOST_TEST(sender.send_now(late, now + 20).outcome == RobotOutcome::throttled);
    BOOST_TEST(robot.received().size() == before);
}

BOOST_AUTO_TEST_SUITE_END()
