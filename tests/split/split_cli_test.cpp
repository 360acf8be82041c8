#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

namespace {

// OrderShop plus 5 CUP-01 in SH: CZ has tea and milk, SH the cups.
struct SplitCliShop : OrderShop {
    SplitCliShop() { ok({"stock", "receive", "CUP-01", "5", "-w", "SH", "--cost", "8.00"}); }
    void import(const std::string& no, const std::string& lines) {
        fs::path file = dir() / (no + ".json");
        write_all(file, R"({"store": "tb-main", "platform_order_id": ")" + no +
                            R"(", "receiver": {"name": "张**", "phone": "138****5678"},
                            "paid_amount": "40.00", "created_at": "2026-11-20T10:00:00+08:00",
                            "lines": )" +
                            lines + "}");
        ok({"orders", "import", file.string()});
    }
    json order_row(const std::string& no) const {
        return row_where(list({"orders", "list"}), {{"order_id", no}});
    }
};

const std::string kTeaAndCup =
    R"([{"seller_code": "TEA-001", "quantity": 2, "unit_price": "12.50"},
        {"seller_code": "CUP-01", "quantity": 1, "unit_price": "20.00"}])";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_split, SplitCliShop)

BOOST_AUTO_TEST_CASE(order_split_and_unsplit_by_hand) {
    import("C1", kTeaAndCup);
    json row = order_row("C1");
    BOOST_TEST(str(row, "allocation") == "short");
    BOOST_TEST(contains(str(row, "hold_reason"), "order split C1"));
    BOOST_TEST(str(row, "split_from") == "");
    json parts = list({"order", "split", "C1"});
    BOOST_TEST_REQUIRE(parts.size() == 2u);
    BOOST_TEST(str(parts.at(0), "order_id") == "C1");
    BOOST_TEST(str(parts.at(0), "warehouse") == "CZ");
    BOOST_TEST(str(parts.at(0), "allocation") == "allocated");
    BOOST_TEST(str(parts.at(1), "order_id") == "C1-2");
    BOOST_TEST(str(parts.at(1), "warehouse") == "SH");
    BOOST_TEST(str(parts.at(1), "allocation") == "allocated");
    BOOST_TEST(str(order_row("C1-2"), "split_from") == "C1");
    BOOST_TEST(str(order_row("C1"), "split_from") == "");
    Run again = fails({"order", "split", "C1"});
    BOOST_TEST(contains(again.err, "unsplit it first"));
    ok({"order", "unsplit", "C1-2"});
    json rows = list({"orders", "list"});
    for (const json& r : rows)
        BOOST_TEST(str(r, "order_id") != "C1-2");
    BOOST_TEST(str(order_row("C1"), "allocation") == "short");
    Run missing = fails({"order", "split", "NO-SUCH"});
    BOOST_TEST(contains(missing.err, "NO-SUCH"));
}

BOOST_AUTO_TEST_CASE(store_split_policy_splits_on_import_and_presale_lines_wait) {
    ok({"store", "set", "tb-main", "--split", "split"});
    BOOST_TEST(str(row_where(list({"store", "list"}), {{"code", "tb-main"}}), "split") == "split");
    import("C2", kTeaAndCup);
    BOOST_TEST(str(order_row("C2"), "allocation") == "allocated");
    BOOST_TEST(str(order_row("C2-2"), "split_from") == "C2");
    import("C3", R"([{"seller_code": "TEA-001", "quantity": 1, "unit_price": "12.50"},
                     {"seller_code": "MILK-01", "quantity": 1, "unit_price": "3.20",
                      "presale": true}])");
    BOOST_TEST(contains(str(order_row("C3-2"), "hold_reason"), "Presale"));
    Run bad_store = fails({"store", "set", "nope", "--split", "split"});
    BOOST_TEST(contains(bad_store.err, "nope"));
    fails({"store", "set", "tb-main", "--split", "maybe"}, 2);
    fs::path bad = dir() / "bad.json";
    write_all(bad, R"({"store": "tb-main", "platform_order_id": "C4",
                      "created_at": "2026-11-20T10:00:00+08:00",
                      "lines": [{"seller_code": "TEA-001", "quantity": 1, "presale": "yes"}]})");
    Run refused = fails({"orders", "import", bad.string()});
    BOOST_TEST(contains(refused.err, "lines[0].presale"));
}

BOOST_AUTO_TEST_SUITE_END()
