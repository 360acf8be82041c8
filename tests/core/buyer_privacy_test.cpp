#include "core/orders/buyer_privacy.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

BOOST_AUTO_TEST_SUITE(buyer_privacy)

BOOST_AUTO_TEST_CASE(a_name_keeps_its_first_character) {
    BOOST_TEST(masked_name("张三丰") == "张**");
    BOOST_TEST(masked_name("Li Lei") == "L**");
    BOOST_TEST(masked_name("张**") == "张**");  // the platform masked it already
    BOOST_TEST(masked_name("").empty());
    BOOST_TEST(masked_name("\xF0\x9F\x98\x80x") == "\xF0\x9F\x98\x80**");  // a four-byte one
}

BOOST_AUTO_TEST_CASE(a_phone_keeps_its_first_three_and_last_four_digits) {
    BOOST_TEST(masked_phone("13812345678") == "138****5678");
    BOOST_TEST(masked_phone("+8613812345678") == "+86****5678");
    BOOST_TEST(masked_phone("5551234") == "****");  // short: most of it would show
    BOOST_TEST(masked_phone("").empty());
}

BOOST_AUTO_TEST_CASE(an_order_keeps_its_region_and_loses_the_street) {
    Order o;
    o.buyer_nick = "tea_lover_88";
    o.receiver = {"王小明", "13912345678", "浙江省", "杭州市", "西湖区", "文三路 90 号 3 幢 501"};
    mask_buyer(o);
    BOOST_TEST(o.buyer_nick == "t**");
    BOOST_TEST(o.receiver.name == "王**");
    BOOST_TEST(o.receiver.phone == "139****5678");
    BOOST_TEST(o.receiver.province == "浙江省");
    BOOST_TEST(o.receiver.city == "杭州市");
    BOOST_TEST(o.receiver.district == "西湖区");
    BOOST_TEST(o.receiver.address == "****");
}

BOOST_AUTO_TEST_SUITE_END()
