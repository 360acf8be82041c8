#include "core/orders/order_update.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

namespace {

Order stored(Allocation allocation) {
    Order o;
    o.status = OrderStatus::to_ship;
    o.allocation = allocation;
    o.modified_at = 1000;
    o.lines.push_back({0, "P1", "TEA-1", "龙井", 2, 5800, false});
    return o;
}

Order again(const Order& s, Timestamp modified) {
    Order o = s;
    o.allocation = Allocation::none;
    o.modified_at = modified;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(order_update)

BOOST_AUTO_TEST_CASE(shipped_here_stays_shipped_while_the_platform_has_not_heard) {
    Order s = stored(Allocation::shipped);
    for (OrderStatus reported : {OrderStatus::to_ship, OrderStatus::pending_payment}) {
        Order in = again(s, 2000);
        in.status = reported;
        BOOST_TEST((plan_order_update(s, in).status == OrderStatus::shipped));
    }
    // What the platform says beyond that (a refund after shipping) is taken as it is.
    Order in = again(s, 2000);
    in.status = OrderStatus::refund_requested;
    BOOST_TEST((plan_order_update(s, in).status == OrderStatus::refund_requested));
    // Not shipped here: the platform's status is stored.
    Order waiting = stored(Allocation::allocated);
    Order cancelled = again(waiting, 2000);
    cancelled.status = OrderStatus::cancelled;
    BOOST_TEST((plan_order_update(waiting, cancelled).status == OrderStatus::cancelled));
}

BOOST_AUTO_TEST_CASE(changed_lines_give_back_their_stock_first) {
    Order s = stored(Allocation::allocated);
    Order in = again(s, 2000);
    BOOST_TEST(!plan_order_update(s, in).release_first);  // same lines
    in.lines[0].quantity = 3;
    BOOST_TEST(plan_order_update(s, in).release_first);
    // An older copy is ignored by the upsert: releasing would leave the order unreserved.
    Order old = again(s, 500);
    old.lines[0].quantity = 3;
    BOOST_TEST(!plan_order_update(s, old).release_first);
    // Shipped stock has left already: nothing to give back.
    Order shipped = stored(Allocation::shipped);
    Order changed = again(shipped, 2000);
    changed.lines[0].quantity = 3;
    BOOST_TEST(!plan_order_update(shipped, changed).release_first);
}

BOOST_AUTO_TEST_SUITE_END()
