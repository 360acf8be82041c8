#include "core/fulfilment/pack_check.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

namespace {
PackCheck parcel(bool blocked = false) {
    return PackCheck({{1, "TEA-1", "龙井", {"6901234567892"}, 2, 0},
                      {2, "CUP-1", "杯", {"6900000000011", "6900000000028"}, 1, 0}},
                     blocked);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(pack_check)

BOOST_AUTO_TEST_CASE(completes_when_every_unit_is_scanned) {
    PackCheck p = parcel();
    BOOST_TEST((p.scan("6901234567892") == ScanOutcome::counted));
    BOOST_TEST((p.scan("6900000000028") == ScanOutcome::counted));  // any of its barcodes
    BOOST_TEST(!p.complete());
    BOOST_TEST((p.scan(" TEA-1\r") == ScanOutcome::completed));  // the SKU code works too
    BOOST_TEST(p.complete());
    BOOST_TEST(p.scanned_units() == 3);
    BOOST_TEST(p.expected_units() == 3);
}

BOOST_AUTO_TEST_CASE(wrong_and_surplus_items_count_nothing) {
    PackCheck p = parcel();
    BOOST_TEST((p.scan("123") == ScanOutcome::wrong_item));
    p.scan("6900000000011");
    BOOST_TEST((p.scan("6900000000011") == ScanOutcome::too_many));
    BOOST_TEST(p.scanned_units() == 1);
    BOOST_TEST(!p.complete());
}

BOOST_AUTO_TEST_CASE(blocked_order_never_completes) {
    PackCheck p = parcel(true);
    BOOST_TEST((p.scan("6901234567892") == ScanOutcome::blocked));
    BOOST_TEST(p.scanned_units() == 0);
    BOOST_TEST(!p.complete());
    BOOST_TEST(!PackCheck({}, false).complete());
}

BOOST_AUTO_TEST_SUITE_END()
