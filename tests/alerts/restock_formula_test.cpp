// The formulas, worked by hand: d = Σx / 28, σ = √(Σx²/28 − d²), SS = ceil(z·σ·√LT),
// ROP = ceil(d·LT) + SS, suggested = ROP + ceil(d·R) − position rounded up to the multiple.
#include <boost/test/unit_test.hpp>
#include <vector>

#include "core/purchasing/restock.h"

using namespace dj;

namespace {

std::vector<Qty> window(std::vector<Qty> days) {
    days.resize(kDemandWindowDays, 0);  // the rest of the 28 days shipped nothing
    return days;
}

ReorderPoint rop_for(const std::vector<Qty>& daily, int lead_days) {
    ReorderInputs in;
    in.demand = demand_stats(window(daily));
    in.lead_days = lead_days;
    return reorder_point(in);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(restock_formulas)

BOOST_AUTO_TEST_CASE(zero_demand_suggests_nothing) {
    DemandStats s = demand_stats(window({}));
    BOOST_TEST(s.mean() == 0.0);
    BOOST_TEST(s.sigma() == 0.0);
    ReorderPoint r = rop_for({}, 7);
    BOOST_TEST(r.safety_stock == 0);
    BOOST_TEST(r.reorder_point == 0);
    BOOST_TEST(suggested_quantity(r, s, 0) == 0);
}

// One day of 28 units: d = 1, σ = √(784/28 − 1) = √27 = 5.196; LT 4: 1.645 · 5.196 · 2 = 17.095
// → SS 18, ROP 4 + 18 = 22; position 10: 22 + 7 − 10 = 19; multiple 6 → 24.
BOOST_AUTO_TEST_CASE(one_spike) {
    DemandStats s = demand_stats(window({28}));
    BOOST_TEST(s.mean() == 1.0);
    BOOST_TEST(s.sigma() == 5.196152, boost::test_tools::tolerance(1e-6));
    ReorderPoint r = rop_for({28}, 4);
    BOOST_TEST(r.safety_stock == 18);
    BOOST_TEST(r.reorder_point == 22);
    BOOST_TEST(suggested_quantity(r, s, 10) == 19);
    BOOST_TEST(suggested_quantity(r, s, 10, 7, 6) == 24);
    BOOST_TEST(suggested_quantity(r, s, 22) == 7);  // position = ROP still orders
    BOOST_TEST(suggested_quantity(r, s, 23) == 0);
}

// Ten days of 1: d = 10/28 = 0.357, σ = √(10/28 − (10/28)²) = 0.479; LT 5: 1.645 · 0.479 · √5 =
// 1.762 → SS 2; ceil(50/28 = 1.79) = 2 → ROP 4; position 4: 4 + ceil(70/28 = 2.5) − 4 = 3.
BOOST_AUTO_TEST_CASE(fractional_demand) {
    std::vector<Qty> days(10, 1);
    DemandStats s = demand_stats(window(days));
    BOOST_TEST(s.mean() == 10.0 / 28, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(s.sigma() == 0.479157, boost::test_tools::tolerance(1e-5));
    ReorderPoint r = rop_for(days, 5);
    BOOST_TEST(r.safety_stock == 2);
    BOOST_TEST(r.reorder_point == 4);
    BOOST_TEST(suggested_quantity(r, s, 4) == 3);
    BOOST_TEST(suggested_quantity(r, s, 4, 7, 5) == 5);
    BOOST_TEST(suggested_quantity(r, s, 5) == 0);
    BOOST_TEST(suggested_quantity(r, s, -2) == 9);  // oversold: position below zero
}

// Steady 3 a day: σ = 0, so SS = 0 and ROP = 21 exactly (no floating-point unit too many).
BOOST_AUTO_TEST_CASE(steady_demand_and_multiples) {
    DemandStats s = demand_stats(window(std::vector<Qty>(28, 3)));
    ReorderPoint r = rop_for(std::vector<Qty>(28, 3), 7);
    BOOST_TEST(r.safety_stock == 0);
    BOOST_TEST(r.reorder_point == 21);
    BOOST_TEST(suggested_quantity(r, s, 21) == 21);
    BOOST_TEST(suggested_quantity(r, s, 21, 7, 10) == 30);
    BOOST_TEST(suggested_quantity(r, s, 20, 7, 22) == 22);
    BOOST_TEST(suggested_quantity(r, s, 21, 14) == 42);  // review period 14
}

BOOST_AUTO_TEST_CASE(manual_figures_override) {
    ReorderInputs in;
    in.demand = demand_stats(window({28}));
    in.lead_days = 4;
    in.manual_safety_stock = 5;
    BOOST_TEST(reorder_point(in).safety_stock == 5);
    BOOST_TEST(reorder_point(in).reorder_point == 9);  // ceil(1 · 4) + 5
    in.manual_reorder_point = 50;
    BOOST_TEST(reorder_point(in).reorder_point == 50);
    in.manual_safety_stock.reset();
    in.z = 2.0;  // configurable service level: ceil(2 · 5.196 · 2 = 20.78) = 21
    BOOST_TEST(reorder_point(in).safety_stock == 21);
}

BOOST_AUTO_TEST_SUITE_END()
