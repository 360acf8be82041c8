#include "core/fulfilment/wave_plan.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"

using namespace dj;

namespace {

WaveCandidate order(Id id, std::string carrier = "ZTO", int skus = 2) {
    WaveCandidate c;
    c.order_id = id;
    c.warehouse_id = 1;
    c.carrier = std::move(carrier);
    c.paid_at = 1000 + id;
    c.sku_count = skus;
    c.allocation = Allocation::allocated;
    return c;
}

std::vector<Id> ids(const PlannedWave& w) {
    return w.order_ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wave_plan)

BOOST_AUTO_TEST_CASE(urgent_then_promised_then_paid_first) {
    std::vector<WaveCandidate> c{order(1), order(2), order(3), order(4)};
    c[3].priority = 1;             // urgent
    c[2].promised_ship_at = 5000;  // promised beats merely paid earlier
    c[1].promised_ship_at = 4000;
    auto waves = plan_waves(c, {});
    BOOST_TEST(waves.size() == 1u);
    BOOST_TEST((ids(waves[0]) == std::vector<Id>{4, 2, 3, 1}));
}

BOOST_AUTO_TEST_CASE(split_by_warehouse_carrier_and_single_item) {
    std::vector<WaveCandidate> c{order(1), order(2, "YTO"), order(3, "ZTO", 1), order(4),
                                 order(5, "ZTO", 1)};
    c[0].warehouse_id = 2;
    auto waves = plan_waves(c, {});
    BOOST_TEST(waves.size() == 4u);
    for (const PlannedWave& w : waves)
        for (Id id : w.order_ids) {
            const WaveCandidate& o = c[static_cast<std::size_t>(id - 1)];
            BOOST_TEST(o.warehouse_id == w.warehouse_id);
            BOOST_TEST(o.carrier == w.carrier);
            BOOST_TEST((o.sku_count == 1) == w.single_item);
        }
    auto single = std::find_if(waves.begin(), waves.end(),
                               [](const PlannedWave& w) { return w.single_item; });
    BOOST_TEST((ids(*single) == std::vector<Id>{3, 5}));
}

BOOST_AUTO_TEST_CASE(held_unallocated_shipped_and_waved_orders_stay_out) {
    std::vector<WaveCandidate> c{order(1), order(2), order(3), order(4), order(5), order(6)};
    c[0].held = true;
    c[1].allocation = Allocation::short_stock;
    c[2].in_open_wave = true;
    c[3].status = OrderStatus::refund_requested;
    c[4].allocation = Allocation::shipped;
    auto waves = plan_waves(c, {});
    BOOST_TEST(waves.size() == 1u);
    BOOST_TEST((ids(waves[0]) == std::vector<Id>{6}));
}

BOOST_AUTO_TEST_CASE(max_orders_cuts_waves_and_filters_apply) {
    std::vector<WaveCandidate> c;
    for (Id i = 1; i <= 7; ++i)
        c.push_back(order(i));
    c.push_back(order(8, "YTO"));
    WaveRules rules;
    rules.max_orders = 3;
    rules.carrier = "ZTO";
    auto waves = plan_waves(c, rules);
    BOOST_TEST(waves.size() == 3u);
    BOOST_TEST((ids(waves[0]) == std::vector<Id>{1, 2, 3}));
    BOOST_TEST((ids(waves[2]) == std::vector<Id>{7}));
    rules.warehouse_id = 9;
    BOOST_TEST(plan_waves(c, rules).empty());
    rules.max_orders = 0;
    BOOST_CHECK_THROW(plan_waves(c, rules), InvalidInput);
}

BOOST_AUTO_TEST_SUITE_END()
