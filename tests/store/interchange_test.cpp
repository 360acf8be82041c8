#include <boost/test/unit_test.hpp>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "interchange/csv_reader.h"
#include "interchange/order_json.h"
#include "interchange/sku_csv.h"

using namespace dj;

namespace {
std::string error_of(auto&& f) {
    try {
        f();
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "(no error)";
}
bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}
const char* kHeader = "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n";
}  // namespace

BOOST_AUTO_TEST_SUITE(interchange)

BOOST_AUTO_TEST_CASE(csv_quotes_bom_crlf_and_line_numbers) {
    auto rows = parse_csv(
        "\xEF\xBB\xBF"
        "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\nlast,",
        "f.csv");
    BOOST_TEST_REQUIRE(rows.size() == 4u);
    BOOST_TEST(rows[0].fields[0] == "a");
    BOOST_TEST(rows[1].fields[0] == "x, y");
    BOOST_TEST(rows[1].fields[1] == "say \"hi\"");
    BOOST_TEST(rows[2].line == 4);
    BOOST_TEST(rows[2].fields[0] == "two\nlines");
    BOOST_TEST(rows[3].line == 6);
    BOOST_TEST(rows[3].fields.size() == 2u);
    BOOST_TEST(contains(error_of([] { parse_csv("a\n\"open,b\n", "f.csv"); }), "line 2"));
}

BOOST_AUTO_TEST_CASE(sku_csv_reads_every_column) {
    auto skus = parse_sku_csv(std::string(kHeader) +
                                  "TEA-1,西湖龙井,6901234567892|6901234567908,250g礼盒,盒,300,"
                                  "88.50,540\nCUP-1,陶瓷杯,,大号,个,,,\n",
                              "skus.csv");
    BOOST_TEST_REQUIRE(skus.size() == 2u);
    BOOST_TEST(skus[1].line == 3);
    BOOST_TEST(skus[0].sku.name == "西湖龙井");
    BOOST_TEST(skus[0].sku.barcodes.size() == 2u);
    BOOST_TEST(skus[0].sku.standard_cost == 8850);
    BOOST_TEST(skus[0].sku.weight_g == 300);
    BOOST_TEST(skus[0].sku.shelf_life_days == 540);
    BOOST_TEST(skus[1].sku.barcodes.empty());
    BOOST_TEST(skus[1].sku.standard_cost == 0);
    // Columns in another order are fine.
    auto reordered = parse_sku_csv(
        "name,code,cost,barcode,spec,unit,weight_g,shelf_life_days\n茶,T,1.5,,,,,\n", "r.csv");
    BOOST_TEST(reordered[0].sku.code == "T");
    BOOST_TEST(reordered[0].sku.standard_cost == 150);
}

BOOST_AUTO_TEST_CASE(sku_csv_errors_name_line_column_and_value) {
    std::string h = kHeader;
    std::string e = error_of([&] { parse_sku_csv(h + "A,a,,,,12kg,1.00,0\n", "s.csv"); });
    BOOST_TEST(contains(e, "s.csv line 2, column weight_g"));
    BOOST_TEST(contains(e, "12kg"));
    e = error_of([&] { parse_sku_csv(h + "A,a,,,,1,1.00,0\nB,b,,,,1,12.345,0\n", "s.csv"); });
    BOOST_TEST(contains(e, "line 3, column cost"));
    BOOST_TEST(contains(e, "12.345"));
    e = error_of([&] { parse_sku_csv(h + "A,a,,,,,,\nA,b,,,,,,\n", "s.csv"); });
    BOOST_TEST(contains(e, "line 3, column code"));
    BOOST_TEST(contains(e, "line 2"));
    e = error_of([&] { parse_sku_csv(h + "A,a,111,,,,,\nB,b,111,,,,,\n", "s.csv"); });
    BOOST_TEST(contains(e, "column barcode"));
    e = error_of([&] { parse_sku_csv(h + "A,,,,,,,\n", "s.csv"); });
    BOOST_TEST(contains(e, "column name"));
    e = error_of([&] { parse_sku_csv(h + "A,a,,,,\n", "s.csv"); });
    BOOST_TEST(contains(e, "line 2: 6 columns"));
    e = error_of([&] {
        parse_sku_csv("code,name,barcode,spec,unit,weight,cost,shelf_life_days\n", "s.csv");
    });
    BOOST_TEST(contains(e, "unknown column \"weight\""));
    e = error_of([&] { parse_sku_csv("code,name\n", "s.csv"); });
    BOOST_TEST(contains(e, "no column \"barcode\""));
    e = error_of([&] { parse_sku_csv(h + "A,a,,,,,-1.00,\n", "s.csv"); });
    BOOST_TEST(contains(e, "column cost"));
    e = error_of([&] { parse_sku_csv(h + "A,a,,,,,,-3\n", "s.csv"); });
    BOOST_TEST(contains(e, "column shelf_life_days"));
}

BOOST_AUTO_TEST_CASE(sku_csv_lists_every_bad_row_and_keeps_the_good_ones) {
    std::string h = kHeader;
    SkuCsv csv = read_sku_csv(h + "A,a,,,,12kg,1.00,0\nB,b,,,,,,\nC,,,,,,,\nB,c,,,,,,\n", "s.csv");
    BOOST_TEST_REQUIRE(csv.problems.size() == 3u);
    BOOST_TEST(contains(csv.problems[0], "line 2, column weight_g"));
    BOOST_TEST(contains(csv.problems[1], "line 4, column name"));
    BOOST_TEST(contains(csv.problems[2], "line 5, column code"));
    BOOST_TEST_REQUIRE(csv.rows.size() == 1u);
    BOOST_TEST(csv.rows[0].sku.code == "B");
    // parse_sku_csv names the first and counts the rest.
    std::string e = error_of([&] { parse_sku_csv(h + "A,,,,,,,\nB,,,,,,,\n", "s.csv"); });
    BOOST_TEST(contains(e, "line 2, column name"));
    BOOST_TEST(contains(e, "1 more"));
    // A wrong header is one problem and no rows.
    csv = read_sku_csv("code,name\nA,a\n", "s.csv");
    BOOST_TEST(csv.problems.size() == 1u);
    BOOST_TEST(csv.rows.empty());
}

BOOST_AUTO_TEST_CASE(order_json_money_ids_and_times) {
    auto orders = parse_orders_json(R"([{
        "store": "tb-main", "platform_order_id": 3912345678901234567, "status": "to_ship",
        "receiver": {"name": "张**", "phone": "138****5678", "province": "江苏省", "city": "常州市",
                     "district": "武进区", "address": "湖塘镇***"},
        "paid_amount": "25.00", "freight_fen": 600,
        "created_at": "2026-11-20 10:00:00", "paid_at": "2026-11-20T02:01:00Z",
        "lines": [{"platform_sku_id": "5012", "seller_code": "CUP-1", "quantity": 2,
                   "unit_price": "9.50"},
                  {"seller_code": "TEA-1", "quantity": 1, "unit_price_fen": 600}]}])",
                                    "o.json");
    BOOST_TEST_REQUIRE(orders.size() == 1u);
    const Order& o = orders[0].order;
    BOOST_TEST(orders[0].store_code == "tb-main");
    BOOST_TEST(o.platform_order_id == "3912345678901234567");
    BOOST_TEST(o.paid_amount == 2500);
    BOOST_TEST(o.freight == 600);
    BOOST_TEST(format_utc(o.created_at) == "2026-11-20T02:00:00Z");
    BOOST_TEST(o.modified_at == o.created_at);
    BOOST_TEST(format_utc(*o.paid_at) == "2026-11-20T02:01:00Z");
    BOOST_TEST(o.receiver.name == "张**");
    BOOST_TEST(o.lines[0].unit_price == 950);
    BOOST_TEST(o.lines[1].unit_price == 600);
    BOOST_TEST(o.lines[1].platform_sku_id.empty());
    BOOST_TEST(parse_orders_json(R"({"orders": []})", "o.json").empty());
}

BOOST_AUTO_TEST_CASE(order_json_errors_name_order_and_field) {
    auto order = [](const std::string& lines, const std::string& extra = "") {
        return R"([{"store": "s", "platform_order_id": "A1", "created_at": "2026-11-20", )" +
               extra + R"("lines": )" + lines + "}]";
    };
    std::string e = error_of(
        [&] { parse_orders_json(order(R"([{"seller_code": "X", "quantity": 1.5}])"), "o.json"); });
    BOOST_TEST(contains(e, "order 1 (A1)"));
    BOOST_TEST(contains(e, "lines[0].quantity"));
    e = error_of([&] {
        parse_orders_json(order(R"([{"seller_code": "X", "quantity": 1, "unit_price": 9.5}])"),
                          "o.json");
    });
    BOOST_TEST(contains(e, "lines[0].unit_price"));
    e = error_of([&] { parse_orders_json(order("[]"), "o.json"); });
    BOOST_TEST(contains(e, "field lines"));
    e = error_of([&] { parse_orders_json(order(R"([{"quantity": 1}])"), "o.json"); });
    BOOST_TEST(contains(e, "lines[0].seller_code"));
    e = error_of([&] {
        parse_orders_json(
            order(R"([{"seller_code": "X", "quantity": 1}])", R"("status": "paid", )"), "o.json");
    });
    BOOST_TEST(contains(e, "field status"));
    e = error_of([&] {
        parse_orders_json(
            order(R"([{"seller_code": "X", "quantity": 1}])", R"("paid_at": "yesterday", )"),
            "o.json");
    });
    BOOST_TEST(contains(e, "field paid_at"));
    e = error_of([&] { parse_orders_json("[{\"store\": ", "o.json"); });
    BOOST_TEST(contains(e, "not valid JSON"));
    e = error_of([&] { parse_orders_json(R"([{"platform_order_id": "A1"}])", "o.json"); });
    BOOST_TEST(contains(e, "field store"));
}

BOOST_AUTO_TEST_SUITE_END()
