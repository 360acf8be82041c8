// Numbers and text no shop could mean are refused at the door, with the limit in the message,
// and leave the shop as it was: no input can put the ledger in a state `check` cannot read.
#include "cli/cli_support.h"

using namespace cli_test;

namespace {

std::string order_json(const std::string& field_json, const std::string& line_json = "") {
    return R"([{"store": "tb-main", "platform_order_id": "3912345678900000001", "status": "to_ship",
  "paid_amount": "25.00", "created_at": "2026-11-20T10:00:00+08:00", )" +
           field_json + R"("lines": [{"platform_sku_id": "5012", "seller_code": "TEA-001", )" +
           (line_json.empty() ? std::string(R"("quantity": 2, "unit_price": "12.50")")
                              : line_json) +
           "}]}]";
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_limits, ErrorShop)

BOOST_AUTO_TEST_CASE(absurd_stock_quantities_and_costs_are_refused) {
    refused_unchanged({"stock", "receive", "TEA-001", "9223372036854775807", "-w", "CZ"},
                      {"TEA-001", "from 1 to 10000000", "9223372036854775807"});
    refused_unchanged(
        {"stock", "receive", "TEA-001", "1000000000000", "-w", "CZ", "--cost", "100000000.00"},
        {"TEA-001", "from 1 to 10000000"});
    refused_unchanged({"stock", "receive", "TEA-001", "5", "-w", "CZ", "--cost", "100000000.00"},
                      {"TEA-001", "unit cost", "1000000.00 yuan"});
    refused_unchanged({"stock", "count", "TEA-001", "9223372036854775807", "-w", "CZ"},
                      {"TEA-001", "from 0 to 10000000"});
    refused_unchanged({"stock", "ship", "TEA-001", "9223372036854775807", "-w", "CZ"},
                      {"TEA-001", "from 1 to 10000000"});
    // At the limit it is taken, and the books still add up.
    ok({"stock", "receive", "TEA-001", "10000000", "-w", "CZ", "--cost", "1000000.00"});
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(orders_no_platform_could_send_are_refused_naming_the_field) {
    struct Case {
        std::string json, part;
    };
    const std::string id10mb(10'000'000, '7');
    const Case cases[] = {
        {order_json("", R"("quantity": 2, "unit_price": "-1.00")"),
         "lines[0].unit_price must be between 0.00 and 1000000.00 yuan"},
        {order_json("", R"("quantity": 9223372036854775807, "unit_price": "1.00")"),
         "lines[0].quantity must be between 1 and 10000000"},
        {order_json("", R"("quantity": 1, "unit_price": "92233720368547758.07")"),
         "lines[0].unit_price"},
        {order_json(R"("freight": "-5.00", )"), "freight must be between 0.00"},
        {order_json(R"("paid_at": "0001-01-01T00:00:00+08:00", )"),
         "paid_at must be between 2000-01-01 and 2099-12-31"},
        {order_json(R"("promised_ship_at": "9999-12-31T00:00:00+08:00", )"),
         "promised_ship_at must be between 2000-01-01 and 2099-12-31"},
        {order_json(R"("buyer_nick": "a\u0001b", )"), "buyer_nick contains control characters"},
        {R"([{"store": "tb-main", "platform_order_id": ")" + id10mb +
             R"(", "created_at": "2026-11-20T10:00:00+08:00", "lines": [{"seller_code":
             "TEA-001", "quantity": 1}]}])",
         "platform_order_id is 10000000 characters long; at most 64"},
    };
    int n = 0;
    for (const Case& c : cases) {
        fs::path file = dir() / ("absurd-" + std::to_string(n++) + ".json");
        write_all(file, c.json);
        refused_unchanged({"orders", "import", file.string()}, {"order 1", c.part});
    }
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(a_refusal_names_the_field_or_none_never_an_empty_one) {
    fs::path file = dir() / "not-objects.json";
    write_all(file, "[1]");
    refused_unchanged({"orders", "import", file.string()}, {"order 1: must be an object"});
    Run r = run({"orders", "import", file.string()});
    BOOST_TEST(!contains(r.err, "field :"), r.err);
    write_all(file, R"([{"store": "tb-main", "platform_order_id": "1", "created_at":
        "2026-11-20T10:00:00+08:00", "lines": [7]}])");
    refused_unchanged({"orders", "import", file.string()},
                      {"order 1 (1), field lines[0]: must be an object"});
}

BOOST_AUTO_TEST_CASE(skus_beyond_the_limits_are_refused_with_their_line) {
    fs::path file = dir() / "absurd.csv";
    write_all(file,
              "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
              "NEW-01,新品,,,件,100,1.00,2147483647\n");
    refused_unchanged({"sku", "import", file.string()},
                      {"line 2", "shelf_life_days must be between 0 and 36500"});
    write_all(file,
              "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
              "NEW-01,\"新\x01品\",,,件,100,1.00,0\n");
    refused_unchanged({"sku", "import", file.string()},
                      {"line 2", "name contains control characters"});
    write_all(file,
              "code,name,barcode,spec,unit,weight_g,cost,shelf_life_days\n"
              "NEW-01,新品,,,件,100,1000000.01,0\n");
    refused_unchanged({"sku", "import", file.string()}, {"line 2", "cost must be between"});
}

BOOST_AUTO_TEST_CASE(check_reports_a_ledger_whose_sums_no_longer_fit) {
    // What a file damaged before the limits existed holds: receipts summing past 2^63.
    dj::testing::SqlProbe(db()).exec(
        "INSERT INTO movement(at, kind, sku_id, warehouse_id, qty, unit_cost_fen, value_fen, "
        "operator, workstation) SELECT 1764000000, 'receive', k.id, w.id, 9223372036854775807, "
        "0, 0, 'old', 'pc' FROM sku k, warehouse w WHERE k.code = 'TEA-001' AND w.code = 'CZ'");
    Run r = run({"check"});
    BOOST_TEST(r.code == 1, r.err);
    BOOST_TEST(contains(r.out, "TEA-001"), r.out);
    BOOST_TEST(!contains(r.err, "overflow"), r.err);
}

BOOST_AUTO_TEST_SUITE_END()
