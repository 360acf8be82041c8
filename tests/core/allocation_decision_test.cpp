#include <boost/test/unit_test.hpp>
#include <map>

#include "core/base/error.h"
#include "core/orders/order_allocation_decision.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(allocation_decision)

BOOST_AUTO_TEST_CASE(the_step_follows_the_order_state) {
    using S = OrderStatus;
    using A = Allocation;
    BOOST_TEST(
        (allocation_step(A::shipped, S::to_ship, true, true) == AllocationStep::keep_shipped));
    BOOST_TEST(
        (allocation_step(A::allocated, S::cancelled, true, true) == AllocationStep::release));
    BOOST_TEST(
        (allocation_step(A::none, S::pending_payment, true, true) == AllocationStep::release));
    BOOST_TEST(
        (allocation_step(A::allocated, S::to_ship, true, true) == AllocationStep::keep_allocated));
    BOOST_TEST((allocation_step(A::none, S::to_ship, false, true) == AllocationStep::unmapped));
    BOOST_TEST((allocation_step(A::none, S::to_ship, true, false) == AllocationStep::no_warehouse));
    BOOST_TEST(
        (allocation_step(A::short_stock, S::to_ship, true, true) == AllocationStep::check_stock));
}

BOOST_AUTO_TEST_CASE(whole_means_every_sku_summed_over_lines) {
    std::map<Id, Qty> available{{1, 3}, {2, 1}};
    auto in_stock = [&](Id sku) { return available[sku]; };
    // SKU 1 twice (two lines, a bundle): 2 + 1 = 3 fits; SKU 2 needs 1.
    ReservationCheck ok =
        reservation_check({{1, 2, false}, {1, 1, false}, {2, 1, false}}, in_stock);
    BOOST_TEST(ok.whole);
    BOOST_TEST(!ok.presale);
    BOOST_TEST(ok.reserve_now());
    ReservationCheck short_one = reservation_check({{1, 2, false}, {1, 2, false}}, in_stock);
    BOOST_TEST(!short_one.whole);
    BOOST_TEST(!short_one.reserve_now());
    ReservationCheck later = reservation_check({{1, 1, false}, {2, 1, true}}, in_stock);
    BOOST_TEST(later.whole);
    BOOST_TEST(later.presale);
    BOOST_TEST(!later.reserve_now());  // the split policy is asked first
}

BOOST_AUTO_TEST_CASE(split_or_hold_by_the_store_policy) {
    auto code = [](Id w) { return w == 1 ? std::string("CZ") : std::string("GZ"); };
    std::vector<SplitPart> two{{1, {10}, false}, {2, {11}, false}};
    SplitDecision split = decide_split(two, false, SplitPolicy::split, false, "A1", code);
    BOOST_TEST((split.action == SplitAction::split));
    SplitDecision held = decide_split(two, false, SplitPolicy::hold, false, "A1", code);
    BOOST_TEST((held.action == SplitAction::hold));
    BOOST_TEST(held.hold_reason.find("CZ") != std::string::npos);
    BOOST_TEST(held.hold_reason.find("GZ") != std::string::npos);
    BOOST_TEST(held.hold_reason.find("order split A1") != std::string::npos);
    // A person put it back together: it is not split by itself again, but held.
    BOOST_TEST((decide_split(two, false, SplitPolicy::split, true, "A1", code).action ==
                SplitAction::hold));
    // One part, or none: splitting would not help.
    BOOST_TEST(
        (decide_split({{1, {10}, false}}, false, SplitPolicy::split, false, "A1", code).action ==
         SplitAction::none));
    BOOST_TEST((decide_split({}, false, SplitPolicy::split, false, "A1", code).action ==
                SplitAction::none));
    // Whole in one warehouse with presale lines apart: their part ships later.
    std::vector<SplitPart> presale{{1, {10}, false}, {1, {11}, true}};
    SplitDecision later = decide_split(presale, true, SplitPolicy::hold, false, "A2", code);
    BOOST_TEST((later.action == SplitAction::hold));
    BOOST_TEST(later.hold_reason.find("order split A2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(policy_codes) {
    BOOST_TEST((parse_split_policy("split") == SplitPolicy::split));
    BOOST_TEST(split_policy_code(SplitPolicy::hold) == "hold");
    BOOST_CHECK_THROW(parse_split_policy("maybe"), InvalidInput);
}

BOOST_AUTO_TEST_SUITE_END()
