// Alerts and restock on a real database file: raised by the movement that causes them (no
// explicit run), one per kind × SKU × warehouse, acknowledged, snoozed, resolved by themselves.
#include <boost/test/unit_test.hpp>
#include <ostream>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "ops/alerts.h"
#include "ops/stock_service.h"
#include "store/alerts/alert_evaluation.h"
#include "store/alerts/alert_repository.h"
#include "store/alerts/threshold_repository.h"
#include "store/purchasing/restock_queries.h"
#include "store/stock/catalogue_repository.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace dj {
// For Boost.Test messages.
inline std::ostream& operator<<(std::ostream& out, AlertStatus s) {
    return out << alert_status_code(s);
}
}  // namespace dj

namespace {

struct Shop {
    test::TempDir dir;
    Database db{test::test_database(dir, "shop.db"), test::fixed_clock()};
    ops::StockService stock{db, test::test_actor()};
    Shop() { test::seed_small_shop(db); }

    void receive_cups(Qty qty, const std::string& warehouse = "CZ") {
        ops::StockService::Receive r;
        r.sku = "CUP-1";
        r.qty = qty;
        r.warehouse = warehouse;
        r.unit_cost = 800;
        stock.receive(r);
    }
    std::vector<Alert> alerts(std::optional<AlertStatus> status = {},
                              std::optional<AlertKind> kind = {}) {
        AlertFilter f;
        f.status = status;
        f.kind = kind;
        f.sku = "CUP-1";
        return list_alerts(db, f);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(alert_store, Shop)

BOOST_AUTO_TEST_CASE(movement_raises_one_alert_that_resolves_itself) {
    receive_cups(10);
    ops::set_threshold(db, test::test_actor(), Threshold::reorder_point, "CUP-1", "", 5);
    BOOST_TEST(alerts().empty());
    stock.ship("CUP-1", 6, "CZ", "SO-1");  // available 4 ≤ 5, raised right after the commit
    auto open = alerts(AlertStatus::open, AlertKind::low_stock);
    BOOST_TEST_REQUIRE(open.size() == 1u);
    BOOST_TEST(open[0].warehouse == "CZ");
    BOOST_TEST(open[0].figures == "available=4;reorder_point=5");

    stock.ship("CUP-1", 1, "CZ", "SO-2");  // still low: the same alert, refreshed
    auto again = alerts({}, AlertKind::low_stock);
    BOOST_TEST_REQUIRE(again.size() == 1u);
    BOOST_TEST(again[0].id == open[0].id);
    BOOST_TEST(again[0].figures == "available=3;reorder_point=5");

    Alert acked = ops::acknowledge_alert(db, test::test_actor(), open[0].id);
    BOOST_TEST(acked.status == AlertStatus::acknowledged);
    BOOST_TEST(acked.acknowledged_by == "tester");
    stock.ship("CUP-1", 1, "CZ", "SO-3");  // acknowledged stays the one alert
    BOOST_TEST(alerts({}, AlertKind::low_stock).size() == 1u);

    receive_cups(20);  // condition clears
    auto history = alerts({}, AlertKind::low_stock);
    BOOST_TEST_REQUIRE(history.size() == 1u);
    BOOST_TEST(history[0].status == AlertStatus::resolved);
    BOOST_TEST(history[0].resolved_at.has_value());
    BOOST_CHECK_THROW(ops::acknowledge_alert(db, test::test_actor(), history[0].id), InvalidInput);

    stock.ship("CUP-1", 20, "CZ", "SO-4");  // a new occurrence is a new alert; history kept
    BOOST_TEST(alerts({}, AlertKind::low_stock).size() == 2u);
    BOOST_TEST(alerts(AlertStatus::open, AlertKind::low_stock).size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_evaluation_of_many_skus_sees_the_open_alerts) {
    // Past 64 SKUs the evaluation reads each table once and keeps the SKUs asked for: the open
    // alerts must be recognised there too, not opened a second time.
    receive_cups(10);
    ops::set_threshold(db, test::test_actor(), Threshold::reorder_point, "CUP-1", "", 5);
    stock.ship("CUP-1", 6, "CZ", "SO-1");
    auto open = alerts(AlertStatus::open, AlertKind::low_stock);
    BOOST_TEST_REQUIRE(open.size() == 1u);
    Id cup = CatalogueRepository(db).find_sku("CUP-1")->id;
    std::vector<Id> many{cup};
    for (Id id = 1000; many.size() < 70; ++id)
        many.push_back(id);
    AlertRunSummary run = evaluate_stock_alerts(db, test::kNow, many);
    BOOST_TEST(run.opened.empty());
    BOOST_TEST(run.resolved == 0);
    auto still = alerts(AlertStatus::open, AlertKind::low_stock);
    BOOST_TEST_REQUIRE(still.size() == 1u);
    BOOST_TEST(still[0].id == open[0].id);
}

BOOST_AUTO_TEST_CASE(snooze_hides_until_the_date) {
    receive_cups(3);
    ops::set_threshold(db, test::test_actor(), Threshold::max_stock, "", "CZ", 2);
    BOOST_TEST(evaluate_stock_alerts(db, test::kNow, {}).opened.size() == 1u);
    auto open = alerts(AlertStatus::open, AlertKind::overstock);
    BOOST_TEST_REQUIRE(open.size() == 1u);
    Timestamp now = test::kNow;
    BOOST_CHECK_THROW(ops::snooze_alert(db, test::test_actor(), open[0].id, now - 1), InvalidInput);
    ops::snooze_alert(db, test::test_actor(), open[0].id, now + 86400);
    AlertFilter f;
    f.hide_snoozed_at = now;
    BOOST_TEST(list_alerts(db, f).empty());
    f.hide_snoozed_at = now + 86401;
    BOOST_TEST(list_alerts(db, f).size() == 1u);
    // A second full run opens nothing new.
    BOOST_TEST(evaluate_stock_alerts(db, test::kNow, {}).opened.empty());
}

BOOST_AUTO_TEST_CASE(count_loss_and_expiry_from_the_ledger) {
    receive_cups(100);
    stock.count("CUP-1", 85, "CZ", "", "year-end count");  // 15 of 100 > 10 %
    BOOST_TEST(alerts(AlertStatus::open, AlertKind::count_loss).size() == 1u);

    ops::StockService::Receive tea;
    tea.sku = "TEA-1";
    tea.qty = 5;
    tea.warehouse = "CZ";
    tea.batch = "L1";
    tea.expiry = shop_date(test::kNow + 10 * 86400);
    stock.receive(tea);
    AlertFilter f;
    f.sku = "TEA-1";
    f.kind = AlertKind::expiring;
    BOOST_TEST(list_alerts(db, f).size() == 1u);
    ops::set_threshold(db, test::test_actor(), Threshold::expiry_days, "TEA-1", "", 5);
    evaluate_stock_alerts(db, test::kNow, {});
    f.status = AlertStatus::resolved;
    BOOST_TEST(list_alerts(db, f).size() == 1u);  // per-SKU 5 days: no longer expiring
}

// Back-dated shipments over the window: 28 units on one day → d 1, σ √27, LT 4 → SS 18,
// ROP 22; available 30 − 28 = 2 → suggested 22 + 7 − 2 = 27, multiple 6 → 30.
BOOST_AUTO_TEST_CASE(restock_suggestion_from_back_dated_shipments) {
    CatalogueRepository cat(db);
    Supplier sup{0, "SUP1", "Supplier 1", 4, 6};
    Id sup_id = cat.save_supplier(sup);
    Sku cup = cat.require_sku("CUP-1");
    cup.supplier_id = sup_id;
    cat.save_sku(cup);
    receive_cups(30);
    stock.post_at(test::kNow - 3 * 86400);
    stock.ship("CUP-1", 28, "CZ", "SO-OLD");
    stock.post_at(test::kNow - 40 * 86400);  // outside the 28 days: not demand
    receive_cups(1, "GZ");
    stock.ship("CUP-1", 1, "GZ", "SO-OLDER");

    RestockFilter f;
    f.sku_ids = {cup.id};
    auto lines = restock_lines(db, test::kNow, f);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    const RestockLine& cz = lines[0].warehouse == "CZ" ? lines[0] : lines[1];
    const RestockLine& gz = lines[0].warehouse == "CZ" ? lines[1] : lines[0];
    BOOST_TEST(cz.supplier == "SUP1");
    BOOST_TEST(cz.d == 1.0);
    BOOST_TEST(cz.sigma == 5.196152, boost::test_tools::tolerance(1e-6));
    BOOST_TEST(cz.safety_stock == 18);
    BOOST_TEST(cz.reorder_point == 22);
    BOOST_TEST(cz.position == 2);
    BOOST_TEST(cz.suggested == 30);
    BOOST_TEST(gz.d == 0.0);
    BOOST_TEST(gz.suggested == 0);

    ops::set_threshold(db, test::test_actor(), Threshold::safety_stock, "CUP-1", "CZ", 0);
    lines = restock_lines(db, test::kNow, {std::nullopt, {cup.id}});
    const RestockLine& manual = lines[0].warehouse == "CZ" ? lines[0] : lines[1];
    BOOST_TEST(manual.manual);
    BOOST_TEST(manual.reorder_point == 4);
    BOOST_TEST(manual.suggested == 12);  // 4 + 7 − 2 = 9 → multiple of 6
}

BOOST_AUTO_TEST_SUITE_END()
