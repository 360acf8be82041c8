#include "store/fulfilment/pack_service.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "ops/order_decisions.h"
#include "ops/order_review.h"
#include "ops/pack_station.h"
#include "ops/waves.h"
#include "store/fulfilment/wave_service.h"
#include "store/orders/order_allocation.h"
#include "store/orders/order_hold_repository.h"
#include "store/stock/stock_posting.h"
#include "store/testing/sql_probe.h"
#include "wave_shop.h"

using namespace dj;

namespace {

struct Fixture : test::WaveShop {
    int scans() { return testing::SqlProbe(db).integer("SELECT count(*) FROM pack_scan"); }
    // Ships the order from its reservation as order ship and the pack station do.
    void ship(Id id, const std::string& no) {
        StockPosting p(db);
        OrderAllocator(p, ops::rules_actor()).ship(id, {now, no, "order", test::test_actor()});
        p.commit();
    }
    std::string status(Id id) {
        return testing::SqlProbe(db).text("SELECT status FROM shop_order WHERE id = " +
                                          std::to_string(id));
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(pack_service, Fixture)

BOOST_AUTO_TEST_CASE(complete_parcel_is_packed_and_every_scan_recorded) {
    Id id = order("6001", 1, 1);
    PackSession p(db, test::test_actor(), "6001");
    BOOST_TEST(p.blocked_reason().empty());
    BOOST_TEST((p.scan("6901234567892", now) == ScanOutcome::counted));
    BOOST_TEST((p.scan("6901234567892", now) == ScanOutcome::too_many));
    BOOST_TEST((p.scan("NOPE", now) == ScanOutcome::wrong_item));
    BOOST_TEST(!order_packed(db, id));
    BOOST_TEST((p.scan("CUP-1", now) == ScanOutcome::completed));
    BOOST_TEST(order_packed(db, id));
    BOOST_TEST(scans() == 4);
    BOOST_TEST(testing::SqlProbe(db).text("SELECT user FROM pack_scan LIMIT 1") == "tester");
    // Packed once: a second pass is refused.
    PackSession again(db, test::test_actor(), "6001");
    BOOST_TEST(!again.blocked_reason().empty());
}

BOOST_AUTO_TEST_CASE(opens_by_tracking_number_local_id_and_wave_slot) {
    Id id = order("6101", 1, 0);
    BOOST_TEST(PackSession(db, test::test_actor(), "75310000006101").order_id() == id);
    BOOST_TEST(PackSession(db, test::test_actor(), "#" + std::to_string(id)).order_id() == id);
    auto waves = ops::create_waves(db, test::test_actor(), {});
    BOOST_TEST(PackSession(db, test::test_actor(), waves[0].number + "/1").order_id() == id);
    BOOST_CHECK_THROW(PackSession(db, test::test_actor(), "nothing"), NotFound);
}

BOOST_AUTO_TEST_CASE(held_intercepted_and_refunding_orders_are_blocked) {
    Id held = order("6201", 1, 0);
    Id intercepted = order("6202", 1, 0);
    order("6203", 1, 0);
    ops::hold_order(db, test::test_actor(), held, "check address");
    OrderHoldRepository(db).hold(
        {intercepted, "refund", true, now, HoldSource::platform, "", "sync"});
    testing::SqlProbe(db).exec(
        "UPDATE shop_order SET status = 'refund_requested' "
        "WHERE platform_order_id = '6203'");
    for (const char* no : {"6201", "6202", "6203"}) {
        PackSession p(db, test::test_actor(), no);
        BOOST_TEST(!p.blocked_reason().empty());
        BOOST_TEST((p.scan("CUP-1", now) == ScanOutcome::blocked));
    }
    BOOST_TEST(scans() == 3);
}

BOOST_AUTO_TEST_CASE(a_waved_order_ships_only_once_packed) {
    Id waved = order("6301", 1, 0);
    auto waves = ops::create_waves(db, test::test_actor(), {});
    BOOST_TEST_REQUIRE(waves.size() == 1u);
    try {
        ship(waved, "6301");
        BOOST_FAIL("an unpacked order of a wave shipped");
    } catch (const StockRuleViolation& e) {
        std::string what = e.what();
        BOOST_TEST(what.find("6301") != std::string::npos, what);
        BOOST_TEST(what.find(waves[0].number) != std::string::npos, what);
        BOOST_TEST(what.find("pack station") != std::string::npos, what);
    }
    BOOST_TEST(status(waved) == "to_ship");
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT reserved FROM stock_balance WHERE sku_id = "
                                             "(SELECT id FROM sku WHERE code = 'CUP-1')") == 1);

    PackSession p(db, test::test_actor(), "6301");
    BOOST_TEST((p.scan("CUP-1", now) == ScanOutcome::completed));
    ship(waved, "6301");
    BOOST_TEST(status(waved) == "shipped");
}

BOOST_AUTO_TEST_CASE(an_order_outside_any_wave_ships_without_packing) {
    Id by_hand = order("6401", 1, 0);
    ship(by_hand, "6401");
    BOOST_TEST(status(by_hand) == "shipped");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(pack_station, Fixture)

BOOST_AUTO_TEST_CASE(the_completing_scan_ships_the_parcel_once) {
    Id id = order("6301", 2, 0);
    ops::PackStation station(db, test::test_actor(), "6301");
    BOOST_TEST(!station.scan("CUP-1").shipped);
    ops::PackStation::Scanned last = station.scan("CUP-1");
    BOOST_TEST((last.outcome == ScanOutcome::completed));
    BOOST_TEST_REQUIRE(last.shipped.has_value());
    BOOST_TEST(last.shipped->tracking == tracking("ZTO", "6301"));
    BOOST_TEST(order_packed(db, id));
    BOOST_TEST(status(id) == "shipped");
    auto count = [&](const std::string& sql) { return testing::SqlProbe(db).integer(sql); };
    BOOST_TEST(count("SELECT count(*) FROM outbox WHERE kind = 'shipment' AND subject = "
                     "'6301'") == 1);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'order.ship' AND subject = "
                     "'6301'") == 1);
}

BOOST_AUTO_TEST_CASE(a_refused_shipment_undoes_the_completing_scan) {
    Id id = order("6401", 1, 0);
    ops::PackStation station(db, test::test_actor(), "6401");
    // Its reservation is gone by the time the parcel is complete: shipping refuses it.
    testing::SqlProbe(db).exec("UPDATE shop_order SET allocation = 'short' WHERE id = " +
                               std::to_string(id));
    BOOST_CHECK_THROW(station.scan("CUP-1"), Error);
    BOOST_TEST(!order_packed(db, id));
    BOOST_TEST(status(id) == "to_ship");
    BOOST_TEST(station.check().scanned_units() == 0);
    BOOST_TEST(scans() == 0);
    testing::SqlProbe(db).exec("UPDATE shop_order SET allocation = 'allocated' WHERE id = " +
                               std::to_string(id));
    BOOST_TEST(station.scan("CUP-1").shipped.has_value());
    BOOST_TEST(status(id) == "shipped");
}

BOOST_AUTO_TEST_CASE(a_parcel_without_a_waybill_is_packed_and_waits) {
    Id id = order("6501", 1, 0, "");
    ops::PackStation station(db, test::test_actor(), "6501");
    ops::PackStation::Scanned last = station.scan("CUP-1");
    BOOST_TEST((last.outcome == ScanOutcome::completed));
    BOOST_TEST(!last.shipped);
    BOOST_TEST(order_packed(db, id));
    BOOST_TEST(status(id) == "to_ship");
}

BOOST_AUTO_TEST_SUITE_END()
