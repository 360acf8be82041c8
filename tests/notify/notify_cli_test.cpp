// notify add / notify test through the real dianjia-cli against the loopback robot.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <string>

#include "loopback_robot.h"
#include "robots/robot_webhook.h"
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

BOOST_AUTO_TEST_SUITE_END()
