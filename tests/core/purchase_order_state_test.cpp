#include <boost/test/unit_test.hpp>

#include "core/purchasing/purchase_order.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(purchase_order_state)

BOOST_AUTO_TEST_CASE(an_order_closed_short_is_not_fully_received_and_expects_nothing) {
    PurchaseOrder o;
    o.lines = {{1, 1, "TEA-01", "龙井", 4, 3, 8800}, {2, 2, "MILK-01", "牛奶", 6, 6, 350}};
    o.status = po_status_from_receipts(o.lines);
    BOOST_TEST((o.status == PoStatus::partly_received));
    BOOST_TEST(o.due_qty() == 1);
    BOOST_TEST(po_state_name(o) == "Partly received");
    o.status = PoStatus::received;  // closed short
    BOOST_TEST(o.open_qty() == 1);
    BOOST_TEST(o.due_qty() == 0);
    BOOST_TEST(po_state_name(o) == "Closed short");
    o.lines[0].received = 4;
    BOOST_TEST(po_state_name(o) == "Fully received");
    o.status = PoStatus::cancelled;
    BOOST_TEST(o.due_qty() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
