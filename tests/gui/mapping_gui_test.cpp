// 商品对应 in the window: two listings that waiting orders sell and no SKU answers to, one
// mapped from the suggestion the view makes, one found by typing its code (as a scanner
// would), each by pressing 对应; the orders then hold their SKUs and the mappings are kept.
#define BOOST_TEST_MODULE gui_mapping_tests
#include <boost/test/unit_test.hpp>
#include <cctype>

#include "gui_shop.h"
#include "ops/import_orders.h"
#include "run_app.h"

using namespace dj;

namespace {

struct MappingShop : test::GuiShop {
    std::string first = text("SELECT code FROM sku ORDER BY id LIMIT 1");
    std::string second = text("SELECT code FROM sku ORDER BY id LIMIT 1 OFFSET 1");
    std::string store = text("SELECT code FROM shop_store ORDER BY id LIMIT 1");
    // The first SKU's code as a listing spells it: lower case, a space for the dash.
    std::string spelt = [this] {
        std::string s = first;
        for (char& c : s)
            c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }();

    MappingShop() {
        auto order = [&](const std::string& no, const std::string& line) {
            return R"({"store": ")" + store + R"(", "platform_order_id": ")" + no +
                   R"(", "status": "to_ship", "paid_amount": "30.00", "created_at":
                   "2026-11-24T10:00:00+08:00", "receiver": {"name": "张**", "province":
                   "江苏省", "city": "常州市", "address": "**"}, "lines": [)" +
                   line + "]}";
        };
        std::string json =
            "[" +
            order("MAP-1", R"({"platform_sku_id": "", "seller_code": ")" + spelt +
                               R"(", "title": "新链接", "quantity": 1, "unit_price": "10.00"})") +
            "," + order("MAP-2", R"({"platform_sku_id": "NEW-LISTING-1", "seller_code": "", "title":
                           "全新上架的商品", "quantity": 2, "unit_price": "10.00"})") +
            "]";
        Database db(path, test::fixed_clock());
        ops::import_orders(db, Actor{"tester", "owner", "test"}, json, "mapping-test.json");
    }
    std::string allocation(const std::string& no) const {
        return text("SELECT allocation FROM shop_order WHERE platform_order_id = '" + no + "'");
    }
    std::string sku_of(const std::string& no) const {
        return text(
            "SELECT ifnull(group_concat(k.code || 'x' || i.qty), '') FROM order_line_item i JOIN "
            "order_line l ON l.id = i.order_line_id JOIN shop_order o ON o.id = l.order_id JOIN "
            "sku k ON k.id = i.sku_id WHERE o.platform_order_id = '" +
            no + "'");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_mapping, MappingShop)

BOOST_AUTO_TEST_CASE(listings_are_mapped_from_a_suggestion_and_from_a_search) {
    BOOST_TEST_REQUIRE(allocation("MAP-1") == "unmapped");
    BOOST_TEST_REQUIRE(allocation("MAP-2") == "unmapped");
    BOOST_TEST_REQUIRE(count("SELECT count(*) FROM sku WHERE code = '" + spelt + "'") == 0);
    int status = test::drive_app(dir.file("home"), path, "mapping",
                                 {"see:个平台商品没有对应的 SKU", "row:" + spelt, "press:对应",
                                  "see:" + spelt + " 已对应为 " + first + "×1", "row:NEW-LISTING-1",
                                  "field:查找 SKU（编码、名称或条码）：=" + second, "press:对应",
                                  "see:NEW-LISTING-1 已对应为 " + second + "×1", "wait:0.3"});
    BOOST_TEST_REQUIRE(status == 0);
    BOOST_TEST(allocation("MAP-1") != "unmapped");
    BOOST_TEST(allocation("MAP-2") != "unmapped");
    BOOST_TEST(sku_of("MAP-1") == first + "x1");
    BOOST_TEST(sku_of("MAP-2") == second + "x2");
    BOOST_TEST(count("SELECT count(*) FROM sku_mapping WHERE platform_sku IN ('" + spelt +
                     "', 'NEW-LISTING-1')") == 2);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'mapping.save' AND user "
                     "<> ''") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
