#include <boost/test/unit_test.hpp>
#include <map>

#include "core/base/error.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/warehouse_repository.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(catalogue)

BOOST_AUTO_TEST_CASE(sku_save_updates_by_code_and_replaces_barcodes) {
    test::TempDir dir;
    Database db(test::test_database(dir, "c.db"), test::fixed_clock());
    CatalogueRepository c(db);
    Sku s;
    s.code = "TEA-1";
    s.name = "龙井";
    s.barcodes = {"6900000000011", "6900000000028"};
    s.weight_g = 250;
    s.flags = kSkuFragile | kSkuHighValue;
    Id id = c.save_sku(s);
    s.name = "明前龙井";
    s.barcodes = {"6900000000035"};
    BOOST_TEST(c.save_sku(s) == id);
    Sku stored = c.require_sku("TEA-1");
    BOOST_TEST(stored.name == "明前龙井");
    BOOST_TEST(stored.barcodes == std::vector<std::string>{"6900000000035"});
    BOOST_TEST(stored.flags == (kSkuFragile | kSkuHighValue));
    BOOST_TEST(stored.weight_g == 250);
    BOOST_TEST(!c.sku_id_by_barcode("6900000000011"));
    BOOST_TEST(c.sku_id_by_barcode("6900000000035").value() == id);
    BOOST_TEST(c.list_skus().size() == 1u);
}

BOOST_AUTO_TEST_CASE(barcode_of_another_sku_is_refused) {
    test::TempDir dir;
    Database db(test::test_database(dir, "c.db"), test::fixed_clock());
    CatalogueRepository c(db);
    Sku a;
    a.code = "A";
    a.name = "a";
    a.barcodes = {"123"};
    c.save_sku(a);
    Sku b;
    b.code = "B";
    b.name = "b";
    b.barcodes = {"123"};
    try {
        c.save_sku(b);
        BOOST_FAIL("duplicate barcode accepted");
    } catch (const InvalidInput& e) {
        BOOST_TEST(std::string(e.what()).find("123") != std::string::npos);
    }
    BOOST_CHECK_THROW(c.require_sku("NOPE"), NotFound);
}

BOOST_AUTO_TEST_CASE(stores_suppliers_mappings_warehouses_locations) {
    test::TempDir dir;
    Database db(test::test_database(dir, "c.db"), test::fixed_clock());
    test::seed_small_shop(db);
    CatalogueRepository c(db);
    Id sup = c.save_supplier({0, "SUP1", "杭州茶厂", 12});
    BOOST_TEST(c.find_supplier("SUP1")->lead_time_days == 12);
    BOOST_TEST(c.save_supplier({0, "SUP1", "杭州茶厂", 9}) == sup);
    ShopStore st = c.require_store("tb-main");
    BOOST_TEST((st.platform == Platform::taobao));
    BOOST_CHECK_THROW(c.require_store("jd-x"), NotFound);
    c.save_mapping({0, st.id, "5012", {{1, 1}, {2, 3}}});
    c.save_mapping({0, st.id, "5012", {{2, 2}}});  // replaced, not merged
    auto m = c.find_mapping(st.id, "5012");
    BOOST_TEST_REQUIRE(m.has_value());
    BOOST_TEST_REQUIRE(m->components.size() == 1u);
    BOOST_TEST(m->components[0].qty == 2);
    c.save_mapping({0, st.id, "9000", {{1, 1}, {1, 2}, {2, 1}}});  // one SKU twice: added up
    // A batch's listings at once, more than one chunk: the mapped ones with their components.
    std::vector<std::string> listings{"5012", "9000"};
    for (int n = 0; n < 130; ++n)
        listings.push_back("X" + std::to_string(n));
    std::map<std::string, SkuMapping> found = c.find_mappings(st.id, listings);
    BOOST_TEST_REQUIRE(found.size() == 2u);
    BOOST_TEST(found.at("5012").components.size() == 1u);
    BOOST_TEST_REQUIRE(found.at("9000").components.size() == 2u);
    BOOST_TEST(found.at("9000").components[0].sku_id == 1);
    BOOST_TEST(found.at("9000").components[0].qty == 3);
    BOOST_TEST(found.at("9000").id == c.find_mapping(st.id, "9000")->id);
    BOOST_TEST(c.find_mappings(st.id + 1, listings).empty());
    WarehouseRepository w(db);
    BOOST_CHECK_THROW(w.add_warehouse({0, "CZ", "again", false}), InvalidInput);
    Id cz = w.require_warehouse("CZ").id;
    BOOST_CHECK_THROW(w.add_location({0, cz, "A-01-01", "", 1}), InvalidInput);
    auto locations = w.list_locations(cz);
    // Every warehouse starts with its receiving location, where stock without one is put.
    BOOST_TEST_REQUIRE(locations.size() == 3u);
    BOOST_TEST(locations[0].code == kReceivingLocation);
    BOOST_TEST(w.receiving_location(cz).value_or(0) == locations[0].id);
    BOOST_TEST(locations[1].zone == "A");
    BOOST_TEST(locations[2].walk_order == 20);
}

BOOST_AUTO_TEST_SUITE_END()
