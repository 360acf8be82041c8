#include "core/stock/moving_average.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

BOOST_AUTO_TEST_SUITE(moving_average)

BOOST_AUTO_TEST_CASE(weighted_average_of_receipts) {
    CostState s;
    BOOST_TEST(cost_receive(s, 10, 1000) == 10000);
    BOOST_TEST(cost_receive(s, 10, 1200) == 12000);
    BOOST_TEST(s.qty == 20);
    BOOST_TEST(s.value == 22000);
    BOOST_TEST(s.unit_cost() == 1100);
}

BOOST_AUTO_TEST_CASE(issues_leave_the_average_unchanged) {
    CostState s;
    cost_receive(s, 20, 1100);
    BOOST_TEST(cost_issue(s, 5) == 5500);
    BOOST_TEST(s.qty == 15);
    BOOST_TEST(s.value == 16500);
    BOOST_TEST(s.unit_cost() == 1100);
}

BOOST_AUTO_TEST_CASE(rounding_never_leaves_value_behind_empty_stock) {
    CostState s;
    cost_receive(s, 1, 100);
    cost_receive(s, 2, 101);  // 302 fen for 3 units: 100.67 each
    BOOST_TEST(s.unit_cost() == 101);
    Fen first = cost_issue(s, 1);
    BOOST_TEST(first == 101);  // 302/3 rounded
    Fen second = cost_issue(s, 1);
    BOOST_TEST(second == 101);  // 201/2 = 100.5 -> 101
    Fen last = cost_issue(s, 1);
    BOOST_TEST(last == 100);  // whatever remains
    BOOST_TEST(first + second + last == 302);
    BOOST_TEST(s.qty == 0);
    BOOST_TEST(s.value == 0);
    BOOST_TEST(s.unit_cost() == 100);  // the last average is remembered for returns
}

BOOST_AUTO_TEST_CASE(returns_and_count_gains_come_back_at_the_average) {
    CostState s;
    cost_receive(s, 4, 250);
    cost_issue(s, 4);
    BOOST_TEST(s.qty == 0);
    // A return after selling out is valued at the last average.
    BOOST_TEST(cost_receive(s, 1, s.unit_cost()) == 250);
    BOOST_TEST(s.unit_cost() == 250);
}

BOOST_AUTO_TEST_CASE(negative_stock_issues_at_last_average) {
    CostState s;
    cost_receive(s, 2, 500);
    BOOST_TEST(cost_issue(s, 3) == 1500);  // 2 in stock at 1000 total + 1 beyond at 500
    BOOST_TEST(s.qty == -1);
    BOOST_TEST(s.value == -500);
    BOOST_TEST(cost_receive(s, 3, 600) == 1800);
    BOOST_TEST(s.qty == 2);
    BOOST_TEST(s.value == 1300);
}

BOOST_AUTO_TEST_CASE(issue_value_does_not_change_state) {
    CostState s;
    cost_receive(s, 3, 333);
    CostState before = s;
    BOOST_TEST(cost_issue_value(s, 2) == 666);
    BOOST_TEST((s == before));
}

BOOST_AUTO_TEST_SUITE_END()
