// DingTalk signing against NOTIFY.md's vectors, message bodies as documented, and the robots'
// error codes mapped to outcomes.
#include "notify/robot_webhook.h"

#include <boost/test/unit_test.hpp>
#include <ostream>

#include "core/base/percent_encode.h"
#include "http_client.h"

using namespace dj;

namespace dj {
// For Boost.Test messages.
inline std::ostream& operator<<(std::ostream& out, RobotOutcome o) {
    return out << robot_outcome_code(o);
}
}  // namespace dj

BOOST_AUTO_TEST_SUITE(robot_webhook)

BOOST_AUTO_TEST_CASE(dingtalk_signature_matches_the_documented_vectors) {
    BOOST_TEST(dingtalk_signature("this is secret", 1577262236757) ==
               "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
    BOOST_TEST(percent_encode(dingtalk_signature("this is secret", 1577262236757)) ==
               "hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D");
    std::string secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    BOOST_TEST(dingtalk_signature(secret, 1700000000000) ==
               "bTgY2yDbep+wesS7jKiNj+srsHoADES4+C4f8LCHFtU=");
    BOOST_TEST(dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?access_token=T", secret,
                                   1700000000000) ==
               "https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1700000000000"
               "&sign=bTgY2yDbep%2BwesS7jKiNj%2BsrsHoADES4%2BC4f8LCHFtU%3D");
    BOOST_TEST(dingtalk_signed_url("https://x/robot/send?access_token=T", "", 1) ==
               "https://x/robot/send?access_token=T");
}

BOOST_AUTO_TEST_CASE(text_bodies_are_exactly_the_documented_shape) {
    BOOST_TEST(robot_text_body(NotifyChannelKind::wecom, "库存偏低: TEA-1") ==
               R"({"msgtype":"text","text":{"content":"库存偏低: TEA-1"}})");
    BOOST_TEST(robot_text_body(NotifyChannelKind::dingtalk, "a \"b\"\n") ==
               R"({"msgtype":"text","text":{"content":"a \"b\"\n"}})");
    // WeCom: at most 2048 bytes of content, never cut inside a character.
    std::string long_text;
    for (int i = 0; i < 1000; ++i)
        long_text += "库";  // 3 bytes each
    std::string body = robot_text_body(NotifyChannelKind::wecom, long_text);
    std::string prefix = R"({"msgtype":"text","text":{"content":")";
    std::size_t content = body.size() - prefix.size() - 3;
    BOOST_TEST(content == 2046u);  // 682 whole characters
}

RobotResult answer(NotifyChannelKind kind, long status, const std::string& body) {
    return interpret_robot_answer(kind, HttpResponse{status, body});
}

BOOST_AUTO_TEST_CASE(error_codes_map_to_outcomes) {
    auto wecom = NotifyChannelKind::wecom;
    auto ding = NotifyChannelKind::dingtalk;
    BOOST_TEST(answer(wecom, 200, R"({"errcode":0,"errmsg":"ok"})").outcome ==
               RobotOutcome::delivered);
    RobotResult busy = answer(wecom, 200, R"({"errcode":-1,"errmsg":"system busy"})");
    BOOST_TEST(busy.outcome == RobotOutcome::unavailable);
    RobotResult wecom_fast = answer(wecom, 200, R"({"errcode":45009,"errmsg":"api freq"})");
    BOOST_TEST(wecom_fast.outcome == RobotOutcome::throttled);
    BOOST_TEST(wecom_fast.retry_after == 60);
    BOOST_TEST(answer(wecom, 200, R"({"errcode":93000,"errmsg":"invalid webhook url"})").outcome ==
               RobotOutcome::misconfigured);
    BOOST_TEST(answer(wecom, 200, R"({"errcode":40008,"errmsg":"invalid msgtype"})").outcome ==
               RobotOutcome::rejected);
    RobotResult ding_fast = answer(ding, 200, R"({"errcode":130101,"errmsg":"send too fast"})");
    BOOST_TEST(ding_fast.outcome == RobotOutcome::throttled);
    BOOST_TEST(ding_fast.retry_after == 600);
    RobotResult sign = answer(ding, 200, R"({"errcode":310000,"errmsg":"sign not match"})");
    BOOST_TEST(sign.outcome == RobotOutcome::misconfigured);
    BOOST_TEST(sign.errcode == 310000);
    BOOST_TEST(sign.message.find("sign not match") != std::string::npos);
    BOOST_TEST(answer(ding, 200, R"({"errcode":300005,"errmsg":"token is not exist"})").outcome ==
               RobotOutcome::misconfigured);
    BOOST_TEST(answer(ding, 200, R"({"errcode":460101,"errmsg":"too large"})").outcome ==
               RobotOutcome::rejected);
    BOOST_TEST(answer(ding, 200, R"({"errcode":90030,"errmsg":"over limit"})").retry_after == 3600);
    BOOST_TEST(answer(ding, 500, "").outcome == RobotOutcome::unavailable);
    BOOST_TEST(answer(ding, 429, "").outcome == RobotOutcome::throttled);
    BOOST_TEST(answer(ding, 404, "not found").outcome == RobotOutcome::misconfigured);
    BOOST_TEST(answer(ding, 200, "<html>proxy</html>").outcome == RobotOutcome::unavailable);
}

BOOST_AUTO_TEST_SUITE_END()
