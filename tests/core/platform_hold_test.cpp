#include "core/orders/platform_hold.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

namespace {

Order waiting(Allocation allocation) {
    Order o;
    o.status = OrderStatus::to_ship;
    o.allocation = allocation;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(platform_hold_decision)

BOOST_AUTO_TEST_CASE(a_buyer_giving_up_holds_a_waiting_order) {
    for (OrderStatus s :
         {OrderStatus::cancelled, OrderStatus::refunded, OrderStatus::refund_requested}) {
        std::optional<PlatformHold> h = platform_hold(waiting(Allocation::short_stock), s);
        BOOST_TEST_REQUIRE(h.has_value());
        BOOST_TEST(!h->reason.empty());
        BOOST_TEST(!h->intercept);  // nothing reserved: nothing can be on a pick sheet
    }
    BOOST_TEST(platform_hold(waiting(Allocation::unmapped), OrderStatus::cancelled).has_value());
}

BOOST_AUTO_TEST_CASE(reserved_stock_makes_it_an_intercept) {
    std::optional<PlatformHold> h =
        platform_hold(waiting(Allocation::allocated), OrderStatus::refund_requested);
    BOOST_TEST_REQUIRE(h.has_value());
    BOOST_TEST(h->intercept);
}

BOOST_AUTO_TEST_CASE(no_hold_when_it_left_already_or_still_ships) {
    BOOST_TEST(!platform_hold(waiting(Allocation::shipped), OrderStatus::cancelled));
    BOOST_TEST(!platform_hold(waiting(Allocation::allocated), OrderStatus::to_ship));
    BOOST_TEST(!platform_hold(waiting(Allocation::allocated), OrderStatus::shipped));
    Order paid_later = waiting(Allocation::none);
    paid_later.status = OrderStatus::pending_payment;
    BOOST_TEST(!platform_hold(paid_later, OrderStatus::cancelled));
}

BOOST_AUTO_TEST_SUITE_END()
