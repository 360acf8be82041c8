// The desktop program flushes the notification outbox itself: started on a shop whose alert
// waits for a mail channel (a loopback ESMTP server in this process) and a desktop channel, it
// sends the mail and shows the desktop notification in its own language (zh_CN here, though the
// alert was raised in English), marking both sent, before its screenshot mode lets it exit.
#define BOOST_TEST_MODULE gui_notify_tests
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "core/alerts/smtp_target.h"
#include "loopback_smtp.h"
#include "low_stock_alert.h"
#include "ops/alerts.h"
#include "run_app.h"
#include "standard_observers.h"
#include "store/alerts/notify_repository.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(gui_notify)

BOOST_AUTO_TEST_CASE(program_sends_mail_and_shows_desktop_notifications) {
    test::TempDir dir;
    test::LoopbackSmtp server;
    std::string file = dir.file("shop.db");
    {
        Database db(file, test::fixed_clock());
        test::seed_small_shop(db);
        NotifyChannel mail;
        mail.kind = NotifyChannelKind::smtp;
        mail.name = "mail";
        mail.url = format_smtp_target(make_smtp_target(server.url(), "shop@example.com",
                                                       "shop@example.com", "boss@example.com"));
        mail.secret = "app-code-1";
        ops::add_notify_channel(db, test::test_actor(), mail);
        NotifyChannel desk;
        desk.kind = NotifyChannelKind::desktop;
        desk.name = "desktop";
        ops::add_notify_channel(db, test::test_actor(), desk);
        test::raise_low_stock(db);
        BOOST_TEST_REQUIRE(list_notifications(db, true).size() == 2u);
    }

    std::string home = dir.file("home");
    std::string png = dir.file("alerts.png");
    int status = test::run_app(file, "alerts", "zh_CN", home, png, dir.file("app.out"));
    BOOST_TEST_REQUIRE(status == 0, test::read_all(dir.file("app.out")));

    auto got = server.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0].rcpt_to.at(0).find("<boss@example.com>") != std::string::npos);
    Database db(file, test::fixed_clock(), Database::Mode::existing);
    BOOST_TEST(list_notifications(db, true).empty());  // the mail sent, the notification shown
    for (const NotifyChannel& c : list_notify_channels(db)) {
        BOOST_TEST(c.last_error.empty(), c.name << ": " << c.last_error);
        BOOST_TEST(c.last_sent_at.has_value(), c.name);
    }
    // Worded by the program in its language: the kind as the zh_CN catalogue has it.
    std::string log =
        test::read_all(std::filesystem::path(home) / ".local/share/dianjia/dianjia.log");
    // (The status line's own words may be translated too: look for the alert's SKU.)
    std::size_t sku = log.find("CUP-1");
    BOOST_TEST_REQUIRE(sku != std::string::npos, log);
    std::size_t start = log.rfind('\n', sku) == std::string::npos ? 0 : log.rfind('\n', sku) + 1;
    std::string line = log.substr(start, log.find('\n', sku) - start);
    BOOST_TEST(line.find("库存偏低") != std::string::npos, line);
    BOOST_TEST(std::filesystem::file_size(png) > 0u);
}

// The alerts view's 添加通知通道…: a DingTalk robot with its signing secret and quiet hours,
// typed into the dialog, is stored as `notify add` would store it.
BOOST_AUTO_TEST_CASE(a_dingtalk_robot_is_added_from_the_alerts_view) {
    test::TempDir dir;
    std::string file = dir.file("shop.db");
    {
        Database db(file, test::fixed_clock());
        test::seed_small_shop(db);
    }
    BOOST_TEST_REQUIRE(
        test::drive_app(
            dir.file("home"), file, "alerts",
            {"press:添加通知通道…", "pick:类型：=钉钉", "field:通道名称：=仓库群",
             "field:Webhook 地址，或邮件服务器（smtps://主机:465）：=https://oapi.dingtalk.com/"
             "robot/send?access_token=abc",
             "field:钉钉加签密钥（SEC…）：=SEC123",
             "field:免打扰时段（如 22:00-08:00，可不填）：=22:00-08:00", "press:添加通道",
             "wait:1"}) == 0);
    Database db(file, test::fixed_clock(), Database::Mode::existing);
    std::vector<NotifyChannel> channels = list_notify_channels(db);
    BOOST_TEST_REQUIRE(channels.size() == 1u);
    BOOST_TEST((channels[0].kind == NotifyChannelKind::dingtalk));
    BOOST_TEST(channels[0].name == "仓库群");
    BOOST_TEST(channels[0].url == "https://oapi.dingtalk.com/robot/send?access_token=abc");
    BOOST_TEST(channels[0].secret == "SEC123");
    BOOST_TEST_REQUIRE(channels[0].quiet.has_value());
    BOOST_TEST(format_quiet_hours(*channels[0].quiet) == "22:00-08:00");
    BOOST_TEST(channels[0].alert_kinds.empty());  // every kind
}

BOOST_AUTO_TEST_SUITE_END()
