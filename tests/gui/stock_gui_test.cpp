// The stock view's movement dialog, driven through its real controls (AT-SPI and the keyboard;
// tests/gui/drive_app.py), then checked in the database: goods received without a location wait
// at the receiving location and are put away to a shelf; an expired batch is received only after
// the person confirms it, and then counts as on hand but not available.
#define BOOST_TEST_MODULE gui_stock_tests
#include <boost/test/unit_test.hpp>

#include "ops/catalogue.h"
#include "ops/shop_setup.h"
#include "ops/stock_moves.h"
#include "ops/stock_queries.h"
#include "run_app.h"
#include "standard_observers.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"

using namespace dj;

// GCC 12 at -O3 sees the strings of a StockMove filled field by field as "maybe uninitialized".
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace {

const Actor kOwner{"店主", "owner", "test"};

struct StockShop {
    test::TempDir dir;
    std::string path = dir.file("shop.db");
    StockShop() {
        Database db(path, test::fixed_clock());
        ops::import_skus(db, kOwner,
                         "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
                         "MILK-01,纯牛奶,6900000000001,1L,盒,1050,3.20,30\n",
                         "skus.csv");
        Warehouse cz;
        cz.code = "CZ";
        cz.name = "常州仓";
        ops::add_warehouse(db, kOwner, cz);
        Location shelf;
        shelf.code = "A-01-01";
        shelf.walk_order = 10;
        ops::add_location(db, kOwner, "CZ", shelf);
        ops::StockMove m;
        m.kind = ops::StockMoveKind::receive;
        m.sku = "MILK-01";
        m.qty = 5;
        m.warehouse = "CZ";
        m.batch = "B1101";
        m.expiry = "2027-09-30";
        ops::move_stock(db, kOwner, m);
    }
    long long at(const std::string& location) const {
        return testing::SqlProbe(path).integer(
            "SELECT ifnull(sum(t.on_hand), 0) FROM stock_lot t JOIN location l ON l.id = "
            "t.location_id WHERE l.code = '" +
            location + "'");
    }
    int drive(const std::vector<std::string>& steps) const {
        return test::drive_app(dir.file("home"), path, "stock", steps);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_stock, StockShop)

BOOST_AUTO_TEST_CASE(received_goods_are_put_away_from_the_receiving_location) {
    BOOST_TEST_REQUIRE(at("收货区") == 5);
    // The receiving location is filled in as where the goods are.
    BOOST_TEST_REQUIRE(drive({"press:上架…", "field:SKU 编码或条码：=MILK-01", "field:数量：=4",
                              "field:到库位：=A-01-01", "press:提交", "wait:1.5"}) == 0);
    BOOST_TEST(at("收货区") == 1);
    BOOST_TEST(at("A-01-01") == 4);
    BOOST_TEST(testing::SqlProbe(path).integer(
                   "SELECT count(*) FROM movement WHERE kind = 'move' AND operator <> ''") == 2);
}

BOOST_AUTO_TEST_CASE(an_expired_batch_comes_in_only_when_confirmed) {
    BOOST_TEST_REQUIRE(
        drive({"press:入库…", "field:SKU 编码或条码：=MILK-01", "field:数量：=3",
               "field:批次号：=B1202", "field:效期（YYYY-MM-DD）：=2026-11-01", "press:提交",
               "see:已于 2026-11-01 过期", "press:按过期品入库", "wait:1.5"}) == 0);
    testing::SqlProbe probe(path);
    BOOST_TEST(probe.integer("SELECT on_hand FROM stock_balance") == 8);
    BOOST_TEST(probe.integer("SELECT count(*) FROM batch WHERE lot = 'B1202'") == 1);
    Database db(path, test::fixed_clock());
    std::vector<StockRow> rows = ops::list_stock(db, Actor{"t", "owner", "ws"}, {"CZ", "MILK-01"});
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0].unshippable == 3);
    BOOST_TEST(rows[0].available == 5);
}

BOOST_AUTO_TEST_SUITE_END()
