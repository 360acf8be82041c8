#include "store/fulfilment/wave_service.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "ops/order_decisions.h"
#include "ops/waves.h"
#include "store/base/audit_log.h"
#include "store/orders/order_hold_repository.h"
#include "store/testing/sql_probe.h"
#include "wave_shop.h"

using namespace dj;

namespace {

struct Fixture : test::WaveShop {
    WaveService waves{db};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(wave_service, Fixture)

BOOST_AUTO_TEST_CASE(orders_go_into_one_open_wave_only) {
    order("1001", 1, 1);
    order("1002", 2, 0);
    order("1003", 1, 2);
    auto created = ops::create_waves(db, test::test_actor(), {});
    BOOST_TEST(created.size() == 2u);  // mixed orders apart from the single-item one
    BOOST_TEST(created[0].number == "W20261124-001");
    BOOST_TEST(created[0].carrier == "ZTO");
    int orders = 0;
    for (const WaveInfo& w : created)
        orders += w.orders;
    BOOST_TEST(orders == 3);
    BOOST_TEST(ops::create_waves(db, test::test_actor(), {}).empty());  // nothing left to wave
    BOOST_TEST(waves.list_waves().size() == 2u);
    BOOST_TEST(audit_entries(db).front().action == "wave.create");
}

BOOST_AUTO_TEST_CASE(held_intercepted_and_unallocated_orders_stay_out) {
    Id held = order("2001", 1, 0);
    Id intercepted = order("2002", 1, 0);
    order("2003", 0, 100);  // more tea than there is: short
    order("2004", 1, 0);
    ops::hold_order(db, test::test_actor(), held, "地址待确认");
    OrderHoldRepository(db).hold(
        {intercepted, "退款中", true, now, HoldSource::platform, "", "sync"});
    auto created = ops::create_waves(db, test::test_actor(), {});
    BOOST_TEST(created.size() == 1u);
    auto slots = waves.wave_slots(created[0].number);
    BOOST_TEST(slots.size() == 1u);
    BOOST_TEST(slots[0].platform_order_id == "2004");
}

BOOST_AUTO_TEST_CASE(filters_urgency_and_max_orders) {
    order("3001", 1, 1, "ZTO");
    Id urgent = order("3002", 1, 1, "ZTO");
    order("3003", 1, 1, "YTO");
    order("3004", 1, 1, "ZTO");
    ops::set_order_priority(db, test::test_actor(), urgent, 1);
    WaveRequest r;
    r.carrier = "ZTO";
    r.max_orders = 2;
    r.warehouse = "CZ";
    auto created = ops::create_waves(db, test::test_actor(), r);
    BOOST_TEST(created.size() == 2u);
    auto first = waves.wave_slots(created[0].number);
    BOOST_TEST(first[0].platform_order_id == "3002");  // urgent first, slot 1
    BOOST_TEST(first[0].slot == 1);
    BOOST_TEST(created[1].orders == 1);
    r.warehouse = "NOPE";
    BOOST_CHECK_THROW(ops::create_waves(db, test::test_actor(), r), NotFound);
}

BOOST_AUTO_TEST_CASE(pick_list_walks_once_fefo_with_slots) {
    order("4001", 2, 3);
    order("4002", 1, 4);
    auto created = ops::create_waves(db, test::test_actor(), {});
    BOOST_REQUIRE(created.size() == 1u);
    PickSheet sheet = waves.pick_list(created[0].number);
    BOOST_TEST(sheet.wave.units == 10);
    BOOST_TEST(sheet.slots.size() == 2u);
    // TEA-1: 5 of the earlier batch L1 (B-01-01, walk 20) then 2 of L2 (A-01-01, walk 10).
    BOOST_REQUIRE(sheet.stops.size() == 3u);
    BOOST_TEST(sheet.stops[0].location_code == "A-01-01");
    BOOST_TEST(sheet.stops[0].lot == "L2");
    BOOST_TEST(sheet.stops[0].qty == 2);
    for (std::size_t i = 1; i < sheet.stops.size(); ++i)
        BOOST_TEST(sheet.stops[i - 1].walk_order <= sheet.stops[i].walk_order);
    Qty total = 0;
    for (const PickStop& s : sheet.stops)
        total += s.qty;
    BOOST_TEST(total == 10);
    auto tea_l1 = std::find_if(sheet.stops.begin(), sheet.stops.end(),
                               [](const PickStop& s) { return s.lot == "L1"; });
    BOOST_TEST(tea_l1->qty == 5);
    BOOST_TEST(tea_l1->sku_name == "西湖龙井");
    BOOST_TEST(tea_l1->barcodes.front() == "6901234567892");
    BOOST_TEST(tea_l1->slots.size() == 2u);
    BOOST_CHECK_THROW(waves.pick_list("W19990101-001"), NotFound);
}

BOOST_AUTO_TEST_CASE(finished_waves_close_and_free_their_orders) {
    Id a = order("5001", 1, 0);
    auto first = ops::create_waves(db, test::test_actor(), {});
    BOOST_REQUIRE(first.size() == 1u);
    testing::SqlProbe(db).exec(
        "UPDATE shop_order SET status = 'cancelled', allocation = 'none' WHERE id = " +
        std::to_string(a));
    order("5002", 1, 0);
    auto second = ops::create_waves(db, test::test_actor(), {});
    BOOST_TEST(second.size() == 1u);
    BOOST_TEST(second[0].number == "W20261124-002");
    BOOST_TEST((waves.find_wave(first[0].number).status == WaveStatus::closed));
}

BOOST_AUTO_TEST_SUITE_END()
