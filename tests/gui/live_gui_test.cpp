// Two workstations on one shop server: the window on one shows what another changes without
// F5 (ops/change_feed.h), and its status bar says it is connected. The other workstation
// is dianjia-cli on its own connection, receiving a new SKU while the window shows the stock.
#define BOOST_TEST_MODULE gui_live_tests
#include <boost/test/unit_test.hpp>

#include "ops/catalogue.h"
#include "ops/shop_setup.h"
#include "run_app.h"
#include "standard_observers.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(gui_live)

BOOST_AUTO_TEST_CASE(a_receipt_on_another_workstation_shows_without_refreshing) {
    BOOST_TEST_REQUIRE(test::on_postgres(), "runs against the test cluster (DJ_TEST_POSTGRES)");
    test::TempDir dir;
    const std::string shop = test::test_database(dir, "shop");
    const Actor owner{"店主", "owner", "office"};
    {
        Database db(shop, test::fixed_clock());
        ops::import_skus(db, owner,
                         "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
                         "MILK-01,纯牛奶,6900000000001,1L,盒,1050,3.20,0\n",
                         "skus.csv");
        Warehouse cz;
        cz.code = "CZ";
        cz.name = "常州仓";
        ops::add_warehouse(db, owner, cz);
    }
    const std::string cli = std::string(DJ_CLI_PATH) + " --db \"" + shop + "\" ";
    const std::string elsewhere = cli + "sku add LIVE-01 远程新品 >/dev/null && " + cli +
                                  "stock receive LIVE-01 7 -w CZ --cost 5 >/dev/null";
    BOOST_TEST(test::drive_app(dir.file("home"), shop, "stock",
                               {"wait:2", "run:" + elsewhere, "row:LIVE-01"}) == 0);
    BOOST_TEST(testing::SqlProbe(shop).integer(
                   "SELECT b.on_hand FROM stock_balance b JOIN sku k ON k.id = b.sku_id WHERE "
                   "k.code = 'LIVE-01'") == 7);
}

BOOST_AUTO_TEST_SUITE_END()
