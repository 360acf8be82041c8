// The test vectors of shared/PLATFORMS.md §5 (TOP md5 is the platform's public example).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "douyin/douyin_signature.h"
#include "jd/jd_signature.h"
#include "pinduoduo/pinduoduo_signature.h"
#include "platform_error.h"
#include "taobao/taobao_signature.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(signatures)

BOOST_AUTO_TEST_CASE(taobao_all_three_methods) {
    std::map<std::string, std::string> p{{"app_key", "test"}, {"fields", "nick"},
                                         {"format", "xml"},   {"method", "taobao.user.seller.get"},
                                         {"session", "test"}, {"timestamp", "2013-05-06 13:52:03"},
                                         {"v", "2.0"}};
    p["sign_method"] = "md5";
    BOOST_TEST(taobao_sign(p, "test", "md5") == "72CB4D809B375A54502C09360D879C64");
    p["sign_method"] = "hmac";
    BOOST_TEST(taobao_sign(p, "test", "hmac") == "FA15A9D5B42AB2D6F3397843851ED09A");
    p["sign_method"] = "hmac-sha256";
    BOOST_TEST(taobao_sign(p, "test", "hmac-sha256") ==
               "267B9C1C7A2FE1CE413DBB95E596616D32107AE0992BE2C22143CFCE303E8E34");
    // "sign" itself never takes part.
    p["sign"] = "whatever";
    BOOST_TEST(taobao_sign(p, "test", "hmac-sha256") ==
               "267B9C1C7A2FE1CE413DBB95E596616D32107AE0992BE2C22143CFCE303E8E34");
    BOOST_CHECK_THROW(taobao_sign(p, "test", "sha1"), PlatformConfigError);
}

BOOST_AUTO_TEST_CASE(pinduoduo_md5) {
    std::map<std::string, std::string> p{{"type", "pdd.order.number.list.increment.get"},
                                         {"client_id", "testClientId"},
                                         {"access_token", "testToken"},
                                         {"timestamp", "1700000000"},
                                         {"data_type", "JSON"},
                                         {"is_lucky_flag", "0"},
                                         {"order_status", "5"},
                                         {"refund_status", "5"},
                                         {"start_updated_at", "1699998200"},
                                         {"end_updated_at", "1700000000"},
                                         {"page", "1"},
                                         {"page_size", "100"},
                                         {"use_has_next", "true"}};
    BOOST_TEST(pinduoduo_sign(p, "testSecret") == "EA05C09579588335C826BCA877A894D9");
}

BOOST_AUTO_TEST_CASE(jd_md5_includes_param_json) {
    std::map<std::string, std::string> p{
        {"method", "jingdong.pop.order.enSearch"},
        {"app_key", "testAppKey"},
        {"access_token", "testToken"},
        {"timestamp", "2024-01-01 12:00:00"},
        {"v", "2.0"},
        {"360buy_param_json",
         R"({"start_date":"2024-01-01 11:00:00","end_date":"2024-01-01 12:00:00","order_state":"WAIT_SELLER_STOCK_OUT","optional_fields":"orderId,orderState,modified","page":"1","page_size":"100"})"}};
    BOOST_TEST(jd_sign(p, "testSecret") == "25523B4297A47DEA3B8770976EEC216C");
}

BOOST_AUTO_TEST_CASE(douyin_hmac_sha256_and_md5) {
    const char* param_json =
        R"({"order_asc":true,"order_by":"update_time","page":0,"size":100,"update_time_end":1700000000,"update_time_start":1699996400})";
    BOOST_TEST(douyin_sign("1234567890", "order.searchList", param_json, "1700000000", "testSecret",
                           "hmac-sha256") ==
               "53736d2ddeead8c2d625b13b98f91da46de2d46826c85450e2c982f5b9235cb3");
    BOOST_TEST(douyin_sign("1234567890", "order.searchList", param_json, "1700000000", "testSecret",
                           "md5") == "8f325978228731a5fed6aaa2799f9f14");
}

BOOST_AUTO_TEST_CASE(douyin_param_json_is_what_nlohmann_dumps) {
    nlohmann::json params{{"update_time_start", 1699996400},
                          {"update_time_end", 1700000000},
                          {"order_by", "update_time"},
                          {"order_asc", true},
                          {"page", 0},
                          {"size", 100}};
    BOOST_TEST(
        params.dump() ==
        R"({"order_asc":true,"order_by":"update_time","page":0,"size":100,"update_time_end":1700000000,"update_time_start":1699996400})");
    nlohmann::json chinese{{"b", "西湖<龙井>"}, {"a", 1}};
    BOOST_TEST(chinese.dump() == R"({"a":1,"b":"西湖<龙井>"})");
}

BOOST_AUTO_TEST_SUITE_END()
