// 采购 in the real window (AT-SPI and the keyboard; tests/gui/drive_app.py), checked in the
// database: a purchase order typed by hand, received by scanning with a batch, an expiry and a
// location for the line that needs them, then closed short; a supplier added from its dialog.
#define BOOST_TEST_MODULE gui_purchasing_tests
#include <boost/test/unit_test.hpp>

#include "ops/catalogue.h"
#include "ops/shop_setup.h"
#include "run_app.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"

using namespace dj;

namespace {

const Actor kOwner{"店主", "owner", "test"};

struct BuyingShop {
    test::TempDir dir;
    std::string path = dir.file("shop.db");
    BuyingShop() {
        Database db(path, test::fixed_clock());
        ops::import_skus(db, kOwner,
                         "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
                         "MILK-01,纯牛奶,6900000000001,1L,盒,1050,3.20,30\n"
                         "TEA-01,西湖龙井,6900000000002,250g,罐,300,88.00,0\n",
                         "skus.csv");
        Warehouse cz;
        cz.code = "CZ";
        cz.name = "常州仓";
        ops::add_warehouse(db, kOwner, cz);
        Location shelf;
        shelf.code = "A-01-01";
        shelf.walk_order = 10;
        ops::add_location(db, kOwner, "CZ", shelf);
        Supplier s;
        s.code = "SUP1";
        s.name = "青山茶业";
        ops::save_supplier(db, kOwner, s);
    }
    testing::SqlProbe probe() const { return testing::SqlProbe(path); }
    int drive(const std::vector<std::string>& steps) const {
        return test::drive_app(dir.file("home"), path, "purchasing", steps);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_purchasing, BuyingShop)

BOOST_AUTO_TEST_CASE(an_order_typed_by_hand_is_received_by_scanning_and_closed_short) {
    BOOST_TEST_REQUIRE(drive({
                           "press:新建采购单…",
                           "field:SKU 编码或条码：=TEA-01",
                           "field:数量：=4",
                           "press:添加行",
                           "field:SKU 编码或条码：=6900000000001",
                           "field:数量：=6",
                           "field:单价（元，空为上次进价）：=3.50",
                           "press:添加行",
                           "press:创建采购单",
                           "see:1 张采购单等待到货，共 10 件",
                           "press:收货…",
                           "scan:6900000000002",
                           "scan:TEA-01",
                           "scan:6900000000002",
                           "scan:6900000000001",
                           "scan:6900000000001",
                           "scan:6900000000001",
                           "scan:6900000000001",
                           "scan:6900000000001",
                           "scan:6900000000001",
                           "see:MILK-01：6 / 6",
                           "field:批次号：=B1201",
                           "field:效期（YYYY-MM-DD）：=2027-06-30",
                           "field:库位：=A-01-01",
                           "press:确认收货",
                           "see:1 张采购单等待到货，共 1 件",
                           "press:结案…",
                           "enter:供应商断货，余下的不来了",
                           "see:没有等待到货的采购单",
                       }) == 0);
    testing::SqlProbe db = probe();
    BOOST_TEST(db.integer("SELECT count(*) FROM purchase_order") == 1);
    BOOST_TEST(db.text("SELECT status FROM purchase_order") == "received");
    BOOST_TEST(db.integer("SELECT unit_cost_fen FROM purchase_order_line l JOIN sku s ON s.id = "
                          "l.sku_id WHERE s.code = 'MILK-01'") == 350);
    BOOST_TEST(db.integer("SELECT received_qty FROM purchase_order_line l JOIN sku s ON s.id = "
                          "l.sku_id WHERE s.code = 'TEA-01'") == 3);
    // The milk's batch, expiry and place as typed; the tea at the receiving location.
    BOOST_TEST(db.integer("SELECT t.on_hand FROM stock_lot t JOIN batch b ON b.id = t.batch_id "
                          "JOIN location l ON l.id = t.location_id WHERE b.lot = 'B1201' AND "
                          "b.expiry = '2027-06-30' AND l.code = 'A-01-01'") == 6);
    BOOST_TEST(db.integer("SELECT sum(t.on_hand) FROM stock_lot t JOIN sku s ON s.id = t.sku_id "
                          "JOIN location l ON l.id = t.location_id WHERE s.code = 'TEA-01' AND "
                          "l.code = '收货区'") == 3);
    BOOST_TEST(db.integer("SELECT count(*) FROM movement WHERE kind = 'receive' AND doc LIKE "
                          "'PO-%' AND operator <> ''") == 2);
    BOOST_TEST(db.integer("SELECT count(*) FROM audit_log WHERE action = 'po.close' AND detail "
                          "LIKE '%供应商断货%'") == 1);
}

BOOST_AUTO_TEST_CASE(a_supplier_is_added_from_its_dialog) {
    BOOST_TEST_REQUIRE(drive({"press:供应商…", "field:编码：=SUP2", "field:名称：=华东乳业",
                              "field:交货期（天）：=5", "field:起订倍数：=12", "press:保存供应商",
                              "see:供应商 SUP2 已保存", "press:关闭"}) == 0);
    BOOST_TEST(probe().text("SELECT name || '/' || lead_time_days || '/' || order_multiple FROM "
                            "supplier WHERE code = 'SUP2'") == "华东乳业/5/12");
}

BOOST_AUTO_TEST_SUITE_END()
