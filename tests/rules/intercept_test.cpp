#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "ops/order_decisions.h"
#include "ops/order_intake.h"
#include "ops/order_review.h"
#include "ops/order_rules.h"
#include "ops/waves.h"
#include "store/base/audit_log.h"
#include "store/fulfilment/pack_service.h"
#include "store/fulfilment/wave_service.h"
#include "store/orders/intercept_service.h"
#include "store/orders/order_hold_repository.h"
#include "store/testing/sql_probe.h"
#include "wave_shop.h"

using namespace dj;

namespace {

struct Fixture : test::WaveShop {
    InterceptRepository intercepts{db};

    Id place(const std::string& id, OrderStatus status, const std::string& province) {
        Order o;
        o.store_id = 1;
        o.platform_order_id = id;
        o.status = status;
        o.buyer_nick = "buyer-" + id;
        o.receiver = {"王**", "137****" + id, province, "", "", "***"};
        o.created_at = now - 1800;
        o.modified_at = o.created_at;
        o.lines.push_back({0, "5012", "CUP-1", "陶瓷杯", 1, 1990});
        StockPosting p(db);
        ops::OrderIntake(p, Actor{"tester", "owner", "test"}).take(o).stored;
        p.commit();
        return testing::SqlProbe(db).integer(
            "SELECT id FROM shop_order WHERE platform_order_id = '" + id + "'");
    }
    std::optional<OrderHold> hold(Id id) { return OrderHoldRepository(db).find(id); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(intercepts, Fixture)

BOOST_AUTO_TEST_CASE(a_region_intercept_catches_every_unshipped_state_and_lifts_exactly) {
    Id packing = order("I1", 2, 0);
    Id waved = order("I2", 1, 0);
    Id person_held = order("I3", 0, 1);
    WaveService waves(db);
    BOOST_TEST_REQUIRE(!ops::create_waves(db, test::test_actor(), {}).empty());
    Id allocated = order("I4", 1, 0);
    Id unpaid = place("I5", OrderStatus::pending_payment, "江苏");
    Id shipped = order("I6", 1, 0);
    {
        StockPosting p(db);
        MovementContext mc;
        mc.at = now;
        mc.doc = "I6";
        mc.actor = test::test_actor();
        OrderAllocator(p, ops::rules_actor()).ship(shipped, mc);
        p.commit();
    }
    Id elsewhere = place("I7", OrderStatus::to_ship, "浙江省");
    ops::hold_order(db, test::test_actor(), person_held, "地址待确认");

    PackSession parcel(db, test::test_actor(), "I1");
    BOOST_TEST(parcel.blocked_reason().empty());
    BOOST_TEST((parcel.scan("CUP-1", now) == ScanOutcome::counted));

    OrderIntercept typhoon;
    typhoon.scope = InterceptScope::region;
    typhoon.target = "江苏省";
    typhoon.reason = "台风";
    auto created = ops::create_intercept(db, test::test_actor(), typhoon);
    BOOST_TEST(created.caught == 5);
    for (Id id : {packing, waved, person_held, allocated, unpaid})
        BOOST_TEST(hold(id).has_value());
    BOOST_TEST(!hold(shipped).has_value());
    BOOST_TEST(!hold(elsewhere).has_value());
    BOOST_TEST(hold(waved)->intercept);  // its items may be on a pick cart already
    BOOST_TEST(!hold(unpaid)->intercept);
    BOOST_TEST(hold(waved)->reason.find("台风") != std::string::npos);

    // The open parcel refuses the next scan; a new one opens blocked; no new wave takes them.
    BOOST_TEST((parcel.scan("CUP-1", now) == ScanOutcome::blocked));
    BOOST_TEST(!order_packed(db, packing));
    BOOST_TEST(!PackSession(db, test::test_actor(), "I2").blocked_reason().empty());
    auto later =
        ops::create_waves(db, test::test_actor(), {});  // only the order outside the region
    BOOST_TEST_REQUIRE(later.size() == 1u);
    BOOST_TEST(later[0].orders == 1);

    // Orders arriving meanwhile are held as well.
    Id arriving = place("I8", OrderStatus::to_ship, "江苏");
    BOOST_TEST(hold(arriving).has_value());
    BOOST_TEST(intercepts.list(false).front().held == 6);

    BOOST_TEST(ops::lift_intercept(db, test::test_actor(), created.id) == 6);
    for (Id id : {packing, waved, allocated, unpaid, arriving})
        BOOST_TEST(!hold(id).has_value());
    BOOST_TEST_REQUIRE(hold(person_held).has_value());
    BOOST_TEST(hold(person_held)->reason == "地址待确认");
    BOOST_TEST(intercepts.list(false).empty());
    BOOST_TEST(intercepts.list(true).front().lifted_at.has_value());
    BOOST_CHECK_THROW(ops::lift_intercept(db, test::test_actor(), created.id), InvalidInput);
    BOOST_TEST(audit_entries(db).front().action == "intercept.lift");
    // After the lift, new orders there go through.
    BOOST_TEST(!hold(place("I9", OrderStatus::to_ship, "江苏")).has_value());
}

BOOST_AUTO_TEST_CASE(city_sku_store_and_carrier_intercepts) {
    Id changzhou = order("C1", 1, 0, "ZTO");
    Id tea = order("C2", 0, 1, "SF");
    Id hangzhou = place("C3", OrderStatus::to_ship, "浙江");
    OrderIntercept city;
    city.target = "江苏";
    city.city = "南京";
    city.reason = "封路";
    BOOST_TEST(ops::create_intercept(db, test::test_actor(), city).caught == 0);
    OrderIntercept sku;
    sku.scope = InterceptScope::sku;
    sku.target = "TEA-1";
    sku.reason = "批次召回";
    BOOST_TEST(ops::create_intercept(db, test::test_actor(), sku).caught == 1);
    BOOST_TEST(hold(tea).has_value());
    OrderIntercept carrier;
    carrier.scope = InterceptScope::carrier;
    carrier.target = "ZTO";
    carrier.reason = "网点停运";
    BOOST_TEST(ops::create_intercept(db, test::test_actor(), carrier).caught == 1);
    BOOST_TEST(hold(changzhou).has_value());
    BOOST_TEST(!hold(hangzhou).has_value());
    OrderIntercept store;
    store.scope = InterceptScope::store;
    store.target = "tb-main";
    store.reason = "店铺整改";
    BOOST_TEST(ops::create_intercept(db, test::test_actor(), store).caught == 3);
    OrderIntercept unknown = sku;
    unknown.target = "NOPE";
    BOOST_CHECK_THROW(ops::create_intercept(db, test::test_actor(), unknown), NotFound);
    unknown.target = "TEA-1";
    unknown.reason.clear();
    BOOST_CHECK_THROW(ops::create_intercept(db, test::test_actor(), unknown), InvalidInput);
}

BOOST_AUTO_TEST_SUITE_END()
