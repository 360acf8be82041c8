// 商品资料 in the real window (AT-SPI, the keyboard and the file dialog; tests/gui/drive_app.py),
// checked in the database: a SKU added with the form (barcodes, cost in yuan, supplier); a CSV
// with bad rows is previewed with every problem and cannot be imported; a good one is.
#define BOOST_TEST_MODULE gui_catalogue_tests
#include <boost/test/unit_test.hpp>
#include <fstream>

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

struct CatalogueShop {
    test::TempDir dir;
    std::string path = dir.file("shop.db");
    CatalogueShop() {
        Database db(path, test::fixed_clock());
        ops::import_skus(db, kOwner,
                         "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
                         "TEA-01,西湖龙井,6900000000002,250g,罐,300,88.00,0\n",
                         "skus.csv");
        Supplier s;
        s.code = "SUP1";
        s.name = "青山茶业";
        ops::save_supplier(db, kOwner, s);
        ops::StoreRequest store;
        store.code = "tb-main";
        store.name = "天猫旗舰店";
        ops::save_store(db, kOwner, store);
        ops::map_platform_sku(db, kOwner, "tb-main", "9100000001", {{"TEA-01", 2}});
    }
    long long count(const std::string& sql) const { return testing::SqlProbe(path).integer(sql); }
    std::string write(const std::string& name, const std::string& text) const {
        std::string file = dir.file(name);
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }
    // Opens 导入 CSV… and chooses `file` in the file dialog by typing its path.
    static std::vector<std::string> choose(const std::string& file) {
        return {"press:导入 CSV…", "focus:choose-file", "wait:1",
                "key:ctrl+l",      "keys:" + file,      "key:Return"};
    }
    int drive(const std::vector<std::string>& steps) const {
        return test::drive_app(dir.file("home"), path, "catalogue", steps);
    }
};

const char* kHeader = "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_catalogue, CatalogueShop)

BOOST_AUTO_TEST_CASE(a_sku_is_added_with_the_form) {
    BOOST_TEST_REQUIRE(drive({"press:新增商品…", "field:SKU 编码：=CUP-01", "field:名称：=陶瓷杯",
                              "field:条码（多个用逗号分隔）：=6901234567892，6901234567893",
                              "field:标准成本（元）：=12.50", "pick:供应商：=青山茶业 (SUP1)",
                              "press:保存商品", "see:2 个 SKU"}) == 0);
    BOOST_TEST(count("SELECT standard_cost_fen FROM sku WHERE code = 'CUP-01'") == 1250);
    BOOST_TEST(count("SELECT count(*) FROM sku_barcode b JOIN sku s ON s.id = b.sku_id WHERE "
                     "s.code = 'CUP-01'") == 2);
    BOOST_TEST(count("SELECT count(*) FROM sku s JOIN supplier p ON p.id = s.supplier_id WHERE "
                     "s.code = 'CUP-01' AND p.code = 'SUP1'") == 1);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'sku.add'") == 1);
}

BOOST_AUTO_TEST_CASE(a_sku_shows_the_platform_listings_that_sell_it) {
    // Selecting the SKU lists its listing; the step waits for that row to appear.
    BOOST_TEST_REQUIRE(drive({"row:TEA-01", "row:TEA-01×2"}) == 0);
}

BOOST_AUTO_TEST_CASE(a_file_with_bad_rows_shows_them_all_and_a_good_one_imports) {
    std::string bad = write("bad.csv", std::string(kHeader) +
                                           "MUG-01,马克杯,,,,,9.90,\n"
                                           "MUG-02,马克杯 大,,,,12kg,9.90,\n"
                                           "MUG-03,,,,,,9.90,\n");
    std::string good = write("good.csv", std::string(kHeader) +
                                             "MUG-01,马克杯,6902000000001,,个,350,9.90,\n"
                                             "MUG-02,马克杯 大,,,个,450,12.00,\n");
    std::vector<std::string> steps = choose(bad);
    for (const char* s : {"see:2 行有问题", "press:取消"})
        steps.push_back(s);
    for (const std::string& s : choose(good))
        steps.push_back(s);
    for (const char* s : {"see:2 个新商品", "press:导入", "see:3 个 SKU"})
        steps.push_back(s);
    BOOST_TEST_REQUIRE(drive(steps) == 0);
    BOOST_TEST(count("SELECT count(*) FROM sku WHERE code LIKE 'MUG-%'") == 2);
    BOOST_TEST(count("SELECT standard_cost_fen FROM sku WHERE code = 'MUG-02'") == 1200);
}

BOOST_AUTO_TEST_SUITE_END()
