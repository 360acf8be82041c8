#include "ops/stock_service.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "store/stock/ledger_check.h"
#include "store/stock/stock_queries.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace {

struct Shop {
    test::TempDir dir;
    std::string path = test::test_database(dir, "shop.db");
    Database db{path, test::fixed_clock()};
    ops::StockService stock{db, test::test_actor()};
    Shop() { test::seed_small_shop(db); }

    StockRow row(const std::string& sku, const std::string& warehouse) {
        auto rows = list_stock(db, {warehouse, sku});
        return rows.empty() ? StockRow{} : rows.front();
    }
    ops::StockService::Receive cups(Qty qty, Fen cost, const std::string& warehouse = "CZ") {
        ops::StockService::Receive r;
        r.sku = "CUP-1";
        r.qty = qty;
        r.warehouse = warehouse;
        r.unit_cost = cost;
        return r;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(stock_service, Shop)

BOOST_AUTO_TEST_CASE(receipts_average_and_ship_on_a_real_file) {
    stock.receive(cups(10, 1000));
    stock.receive(cups(10, 1200));
    auto shipped = stock.ship("CUP-1", 5, "CZ", "SO-1");
    BOOST_TEST_REQUIRE(shipped.size() == 1u);
    BOOST_TEST(shipped[0].id > 0);
    BOOST_TEST(shipped[0].value == -5500);
    StockRow r = row("CUP-1", "CZ");
    BOOST_TEST(r.on_hand == 15);
    BOOST_TEST(r.available == 15);
    BOOST_TEST(r.avg_cost == 1100);
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(committed_movements_survive_reopening) {
    stock.receive(cups(3, 1000));
    Database reopened(path, test::fixed_clock(), Database::Mode::existing);
    auto ledger = list_ledger(reopened, {});
    BOOST_TEST_REQUIRE(ledger.size() == 1u);
    BOOST_TEST(ledger[0].actor.user == "tester");
    BOOST_TEST(ledger[0].actor.workstation == "test-station");
    BOOST_TEST(ledger[0].doc.rfind("RCV-", 0) == 0u);  // numbered automatically
}

BOOST_AUTO_TEST_CASE(refused_operation_leaves_the_file_unchanged) {
    stock.receive(cups(3, 1000));
    std::string before = test::dump_content(db);
    BOOST_CHECK_THROW(stock.ship("CUP-1", 4, "CZ", ""), StockRuleViolation);
    BOOST_CHECK_THROW(stock.ship("NOPE", 1, "CZ", ""), NotFound);
    BOOST_CHECK_THROW(stock.ship("CUP-1", 1, "XX", ""), NotFound);
    BOOST_CHECK_THROW(stock.transfer("CUP-1", 1, "CZ", "GZ", ""), InvalidInput);
    BOOST_CHECK_THROW(stock.scrap("CUP-1", 1, "CZ", "", ""), InvalidInput);
    BOOST_CHECK_THROW(stock.count("CUP-1", 1, "CZ", "Z-99", ""), NotFound);
    BOOST_TEST(test::dump_content(db) == before);
}

BOOST_AUTO_TEST_CASE(shelf_life_skus_need_a_batch_with_expiry) {
    ops::StockService::Receive r;
    r.sku = "TEA-1";
    r.qty = 5;
    r.warehouse = "CZ";
    BOOST_CHECK_THROW(stock.receive(r), InvalidInput);
    r.batch = "L1";
    BOOST_CHECK_THROW(stock.receive(r), InvalidInput);  // a new lot needs its expiry
    r.expiry = "2027-05-01";
    r.location = "B-01-01";
    stock.receive(r);
    r.expiry = "2027-06-01";
    BOOST_CHECK_THROW(stock.receive(r), InvalidInput);  // same lot, another date
    r.batch = "L0";
    r.location = "A-01-01";
    r.expiry = "2027-02-01";
    stock.receive(r);
    // FEFO: L0 (earlier expiry) leaves first although it was received later.
    auto shipped = stock.ship("TEA-1", 6, "CZ", "");
    BOOST_TEST_REQUIRE(shipped.size() == 2u);
    BOOST_TEST(shipped[0].qty == -5);
    BOOST_TEST(shipped[1].qty == -1);
    auto ledger = list_ledger(db, {"TEA-1", std::nullopt, 0});
    BOOST_TEST(ledger[2].batch == "L0");
    BOOST_TEST(ledger[2].location == "A-01-01");
    BOOST_TEST(ledger[3].batch == "L1");
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(transfer_in_transit_then_arrival_by_document) {
    stock.receive(cups(10, 800));
    stock.transfer("CUP-1", 4, "CZ", "GZ", "TRF-9");
    BOOST_TEST(row("CUP-1", "CZ").on_hand == 6);
    StockRow gz = row("CUP-1", "GZ");
    BOOST_TEST(gz.in_transit == 4);
    BOOST_TEST(gz.on_hand == 0);
    BOOST_TEST(check_ledger(db).empty());
    auto arrived = stock.arrive("TRF-9");
    BOOST_TEST_REQUIRE(arrived.size() == 1u);
    BOOST_TEST(arrived[0].value == 3200);
    gz = row("CUP-1", "GZ");
    BOOST_TEST(gz.in_transit == 0);
    BOOST_TEST(gz.on_hand == 4);
    BOOST_CHECK_THROW(stock.arrive("TRF-9"), NotFound);  // nothing left on the road
    BOOST_CHECK_THROW(stock.arrive("TRF-0"), NotFound);
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(count_return_and_scrap) {
    stock.receive(cups(10, 1000));
    auto counted = stock.count("CUP-1", 8, "CZ", "", "");
    BOOST_TEST_REQUIRE(counted.size() == 1u);
    BOOST_TEST(counted[0].qty == -2);
    BOOST_TEST(counted[0].reason == "stock count");
    BOOST_TEST(stock.count("CUP-1", 8, "CZ", "", "").empty());
    stock.customer_return("CUP-1", 1, "CZ", "", "RMA-1", "七天无理由");
    stock.scrap("CUP-1", 2, "CZ", "", "破损");
    StockRow r = row("CUP-1", "CZ");
    BOOST_TEST(r.on_hand == 7);
    BOOST_TEST(r.avg_cost == 1000);
    auto ledger = list_ledger(db, {});
    BOOST_TEST(ledger.back().kind == "scrap");
    BOOST_TEST(ledger.back().reason == "破损");
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(negative_stock_in_a_warehouse_that_allows_it) {
    stock.ship("CUP-1", 2, "GZ", "");
    BOOST_TEST(row("CUP-1", "GZ").on_hand == -2);
    stock.receive(cups(5, 800, "GZ"));
    BOOST_TEST(row("CUP-1", "GZ").on_hand == 3);
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(check_reports_a_tampered_balance) {
    stock.receive(cups(5, 1000));
    testing::SqlProbe(db).exec("UPDATE stock_balance SET on_hand = 6");
    testing::SqlProbe(db).exec("UPDATE sku_cost SET value_fen = value_fen + 1");
    auto diffs = check_ledger(db);
    BOOST_TEST_REQUIRE(diffs.size() == 2u);
    BOOST_TEST(diffs[0].what == "on_hand");
    BOOST_TEST(diffs[0].sku == "CUP-1");
    BOOST_TEST(diffs[0].stored == 6);
    BOOST_TEST(diffs[0].expected == 5);
    BOOST_TEST(diffs[1].what == "cost_value");
}

BOOST_AUTO_TEST_SUITE_END()
