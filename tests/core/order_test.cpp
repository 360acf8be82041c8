#include "core/orders/order.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "core/base/platform.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(order)

BOOST_AUTO_TEST_CASE(status_codes_round_trip) {
    for (OrderStatus s : {OrderStatus::pending_payment, OrderStatus::to_ship, OrderStatus::shipped,
                          OrderStatus::completed, OrderStatus::cancelled,
                          OrderStatus::refund_requested, OrderStatus::refunded})
        BOOST_TEST((parse_order_status(order_status_code(s)) == s));
    BOOST_CHECK_THROW(parse_order_status("paid"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(only_waiting_orders_hold_stock) {
    BOOST_TEST(order_status_holds_stock(OrderStatus::to_ship));
    BOOST_TEST(!order_status_holds_stock(OrderStatus::refund_requested));
    BOOST_TEST(!order_status_holds_stock(OrderStatus::cancelled));
    BOOST_TEST(!order_status_holds_stock(OrderStatus::pending_payment));
}

BOOST_AUTO_TEST_CASE(platforms) {
    BOOST_TEST((parse_platform("pinduoduo") == Platform::pinduoduo));
    BOOST_TEST(platform_code(Platform::douyin) == "douyin");
    BOOST_CHECK_THROW(parse_platform("tmall"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(line_comparison_ignores_ids) {
    std::vector<OrderLine> a{{1, "5012", "TEA-001", "龙井", 2, 1250}};
    std::vector<OrderLine> b{{9, "5012", "TEA-001", "龙井", 2, 1250}};
    BOOST_TEST(same_lines(a, b));
    b[0].quantity = 3;
    BOOST_TEST(!same_lines(a, b));
}

BOOST_AUTO_TEST_SUITE_END()
