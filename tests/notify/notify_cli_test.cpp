// notify add / notify test through the real dianjia-cli against the loopback robot.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <string>

#include "loopback_robot.h"
#include "loopback_smtp.h"
#include "notify/robot_webhook.h"
#include "test_db.h"

namespace {

struct Run {
    int code = -1;
    std::string out;  // stdout and stderr
};

Run cli(const std::string& db, const std::string& args) {
    std::string command = std::string(DJ_CLI_PATH) + " --db '" + db + "' " + args + " 2>&1";
    Run r;
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe);
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        r.out.append(buffer, n);
    int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(notify_cli)

BOOST_AUTO_TEST_CASE(add_and_test_a_dingtalk_channel) {
    dj::test::TempDir dir;
    dj::test::LoopbackRobot robot;
    std::string db = dir.file("shop.db");
    BOOST_TEST_REQUIRE(cli(db, "init").code == 0);
    Run add = cli(db, "notify add --channel dingtalk --url '" + robot.url("/ding?access_token=T") +
                          "' --secret SECabc --kinds low_stock,oversold --quiet 22:00-08:00");
    BOOST_TEST_REQUIRE(add.code == 0, add.out);

    Run ok = cli(db, "notify test dingtalk");  // a test ignores quiet hours
    BOOST_TEST(ok.code == 0, ok.out);
    auto got = robot.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0].sign == dj::dingtalk_signature("SECabc", std::stoll(got[0].timestamp)));
    BOOST_TEST(got[0].body.find("dingtalk") != std::string::npos);

    robot.reply(200, R"({"errcode":310000,"errmsg":"sign not match"})");
    Run bad = cli(db, "notify test dingtalk");
    BOOST_TEST(bad.code == 1);
    BOOST_TEST(bad.out.find("310000") != std::string::npos, bad.out);
    Run list = cli(db, "--json notify list");
    BOOST_TEST(list.out.find("\"kinds\": \"low_stock,oversold\"") != std::string::npos, list.out);
    BOOST_TEST(list.out.find("310000") != std::string::npos, list.out);  // the last error shows
    BOOST_TEST(robot.received().size() == 2u);

    BOOST_TEST(cli(db, "notify test nobody").code == 1);
    BOOST_TEST(cli(db, "notify add --channel wecom --url ftp://x").code == 1);
}

BOOST_AUTO_TEST_CASE(add_and_test_a_mail_channel) {
    dj::test::TempDir dir;
    dj::test::LoopbackSmtp server;
    std::string db = dir.file("shop.db");
    BOOST_TEST_REQUIRE(cli(db, "init").code == 0);
    Run add = cli(db, "notify add --channel smtp --name mail --url " + server.url() +
                          " --user shop@example.com --password app-code-1 --from shop@example.com"
                          " --to boss@example.com,ops@example.org --kinds low_stock");
    BOOST_TEST_REQUIRE(add.code == 0, add.out);
    Run ok = cli(db, "notify test mail");
    BOOST_TEST(ok.code == 0, ok.out);
    auto got = server.received();
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST(got[0].password == "app-code-1");
    BOOST_TEST(got[0].rcpt_to.size() == 2u);
    BOOST_TEST(got[0].data.find("Subject: [Dianjia] Test message\r\n") != std::string::npos);

    server.reply("DATA", "554 5.7.1 Message rejected");
    Run bad = cli(db, "notify test mail");
    BOOST_TEST(bad.code == 1);
    BOOST_TEST(bad.out.find("554 5.7.1 Message rejected") != std::string::npos, bad.out);
    Run list = cli(db, "--json notify list");
    BOOST_TEST(list.out.find("554 5.7.1") != std::string::npos, list.out);  // the last error
    BOOST_TEST(list.out.find("\"pending\": 1") != std::string::npos, list.out);
    // The refused test mail waits in the outbox with its error (retried after a pause).
    Run pending = cli(db, "--json notify outbox --pending");
    BOOST_TEST(pending.out.find("554 5.7.1") != std::string::npos, pending.out);
    BOOST_TEST(server.received().size() == 2u);

    // The password never reaches the audit log.
    Run audit = cli(db, "--json audit");
    BOOST_TEST(audit.out.find("app-code-1") == std::string::npos, audit.out);
}

BOOST_AUTO_TEST_CASE(mail_and_desktop_settings_are_checked) {
    dj::test::TempDir dir;
    std::string db = dir.file("shop.db");
    BOOST_TEST_REQUIRE(cli(db, "init").code == 0);
    std::string mail = "notify add --channel smtp --url smtps://smtp.qq.com --from shop@qq.com";
    Run no_to = cli(db, mail);
    BOOST_TEST(no_to.code == 1);
    BOOST_TEST(no_to.out.find("--to") != std::string::npos, no_to.out);
    Run no_password = cli(db, mail + " --to boss@qq.com --user shop@qq.com");
    BOOST_TEST(no_password.code == 1);
    BOOST_TEST(no_password.out.find("--password") != std::string::npos, no_password.out);
    BOOST_TEST(cli(db, mail + " --to boss@qq.com --user u --secret s").code == 1);
    BOOST_TEST(cli(db,
                   "notify add --channel smtp --url https://smtp.qq.com --from a@b.cn "
                   "--to c@d.cn")
                   .code == 1);
    BOOST_TEST(cli(db, "notify add --channel wecom --url https://x/y --to a@b.cn").code == 1);
    BOOST_TEST(cli(db, "notify add --channel desktop --url https://x/y").code == 1);
    BOOST_TEST(cli(db, "--json notify list").out.find("[]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(desktop_test_says_only_the_program_shows_it) {
    dj::test::TempDir dir;
    std::string db = dir.file("shop.db");
    BOOST_TEST_REQUIRE(cli(db, "init").code == 0);
    BOOST_TEST_REQUIRE(cli(db, "notify add --channel desktop --kinds low_stock,oversold").code ==
                       0);
    Run test = cli(db, "notify test desktop");
    BOOST_TEST(test.code == 0, test.out);
    BOOST_TEST(test.out.find("only the running Dianjia desktop program shows") != std::string::npos,
               test.out);
    Run flush = cli(db, "notify flush");  // the command line leaves it for the program
    BOOST_TEST(flush.out.find("0 notifications sent, 0 failed, 0 waiting") != std::string::npos,
               flush.out);
    Run pending = cli(db, "--json notify outbox --pending");
    BOOST_TEST(pending.out.find("\"channel\": \"desktop\"") != std::string::npos, pending.out);
}

BOOST_AUTO_TEST_SUITE_END()
