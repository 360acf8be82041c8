// Two workstations on one shop server: the window on one shows what another changes without
// F5 (ops/change_feed.h), and its status bar says it is connected. The other workstation
// is dianjia-cli on its own connection, receiving a new SKU while the window shows the stock.
// And the way there: Settings → 连接店铺服务器.
#define BOOST_TEST_MODULE gui_live_tests
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <regex>

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

namespace {

// SKUs MILK-01 and TEA-01 and the warehouse CZ, no stock yet.
void stock_shop(const std::string& shop) {
    const Actor owner{"店主", "owner", "office"};
    Database db(shop, test::fixed_clock());
    ops::import_skus(db, owner,
                     "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
                     "MILK-01,纯牛奶,6900000000001,1L,盒,1050,3.20,0\n"
                     "TEA-01,红茶,6900000000002,250g,袋,260,12.00,0\n",
                     "skus.csv");
    Warehouse cz;
    cz.code = "CZ";
    cz.name = "常州仓";
    ops::add_warehouse(db, owner, cz);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gui_live)

BOOST_AUTO_TEST_CASE(a_receipt_on_another_workstation_shows_without_refreshing) {
    BOOST_TEST_REQUIRE(test::on_postgres(), "runs against the test cluster (DJ_TEST_POSTGRES)");
    test::TempDir dir;
    const std::string shop = test::test_database(dir, "shop");
    stock_shop(shop);
    const std::string cli = std::string(DJ_CLI_PATH) + " --db \"" + shop + "\" ";
    const std::string elsewhere = cli + "sku add LIVE-01 远程新品 >/dev/null && " + cli +
                                  "stock receive LIVE-01 7 -w CZ --cost 5 >/dev/null";
    BOOST_TEST(test::drive_app(dir.file("home"), shop, "stock",
                               {"wait:2", "run:" + elsewhere, "row:LIVE-01"}) == 0);
    BOOST_TEST(testing::SqlProbe(shop).integer(
                   "SELECT b.on_hand FROM stock_balance b JOIN sku k ON k.id = b.sku_id WHERE "
                   "k.code = 'LIVE-01'") == 7);
}

// The row another workstation changes is redrawn where it is: the person's selection stays on
// it and its figures change, without F5.
BOOST_AUTO_TEST_CASE(a_changed_row_is_redrawn_and_stays_selected) {
    BOOST_TEST_REQUIRE(test::on_postgres(), "runs against the test cluster (DJ_TEST_POSTGRES)");
    test::TempDir dir;
    const std::string shop = test::test_database(dir, "shop");
    stock_shop(shop);
    const std::string cli = std::string(DJ_CLI_PATH) + " --db \"" + shop + "\" ";
    BOOST_TEST_REQUIRE(
        std::system((cli + "stock receive MILK-01 10 -w CZ --cost 3.2 >/dev/null && " + cli +
                     "stock receive TEA-01 4 -w CZ --cost 12 >/dev/null")
                        .c_str()) == 0);
    const std::string elsewhere = cli + "stock receive MILK-01 5 -w CZ --cost 3.2 >/dev/null";
    BOOST_TEST(test::drive_app(dir.file("home"), shop, "stock",
                               {"wait:2", "row:MILK-01", "run:" + elsewhere, "cell:15",
                                "selected:MILK-01"}) == 0);
}

// Settings → 连接店铺服务器 on a database that holds no shop, as a user the server asks a password
// of: the window makes the shop's tables there, keeps the address for the next start and, as
// asked, the password in the computer's keyring (not in the settings), where dianjia-cli on the
// same workstation finds it.
BOOST_AUTO_TEST_CASE(the_owner_connects_the_window_to_a_shop_server) {
    BOOST_TEST_REQUIRE(test::on_postgres(), "runs against the test cluster (DJ_TEST_POSTGRES)");
    const std::string cluster = std::getenv("DJ_TEST_POSTGRES");
    const std::smatch host = [&] {
        std::smatch m;
        std::regex_search(cluster, m, std::regex("host=([^&]+)"));
        return m;
    }();
    BOOST_TEST_REQUIRE(host.size() == 2u);
    const std::string password = "gui-pw-4711";
    {
        testing::SqlProbe server(cluster);
        server.exec("DROP DATABASE IF EXISTS dianjia_gui");
        server.exec("DROP ROLE IF EXISTS dj_password_gui");
        server.exec("CREATE ROLE dj_password_gui LOGIN PASSWORD '" + password + "'");
        server.exec("CREATE DATABASE dianjia_gui OWNER dj_password_gui");
    }
    test::TempDir dir;
    const std::string shop = test::test_database(dir, "office");
    { Database db(shop, test::fixed_clock()); }
    const std::string url = "postgresql://dj_password_gui@/dianjia_gui?host=" +
                            std::regex_replace(host.str(1), std::regex("/"), "%2F") + "&port=5432";
    const std::string cli_elsewhere =
        std::string(DJ_CLI_PATH) + " --db \"" + url + "\" sku add KEY-01 钥匙串 </dev/null";
    BOOST_TEST(test::drive_app(dir.file("home"), shop, "settings",
                               {"press:连接店铺服务器…", "field:服务器地址：=" + host.str(1),
                                "field:数据库：=dianjia_gui", "field:用户：=dj_password_gui",
                                "field:密码：=" + password, "check:在本机的系统钥匙串中记住密码",
                                "press:连接", "press:在服务器上建立店铺", "press:确定", "wait:1",
                                "run:" + cli_elsewhere}) == 0);
    const std::string settings =
        test::read_all(dir.file("home") + "/.local/share/dianjia/dianjia.ini");
    BOOST_TEST(settings.find(url) != std::string::npos, settings);
    BOOST_TEST(settings.find(password) == std::string::npos, settings);
    const std::string as_admin = "postgresql:///dianjia_gui?host=" + host.str(1) + "&user=postgres";
    BOOST_TEST(testing::SqlProbe(as_admin).schema_version() > 0);
    BOOST_TEST(
        testing::SqlProbe(as_admin).integer("SELECT count(*) FROM sku WHERE code = 'KEY-01'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
