// Orders waiting for stock are served the moment it appears, in the same transaction and most
// urgent first: a receipt, a transfer's arrival, a count gain, a return, a new mapping, and the
// stock a cancelled order gives back. Through the real dianjia-cli on a real SQLite file.
#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

namespace {

// StockShop with store tb-main shipping from CZ and no stock at all.
struct WaitingShop : StockShop {
    WaitingShop() {
        ok({"store", "add", "--code", "tb-main", "--name", "天猫旗舰店", "--platform", "taobao",
            "--warehouse", "CZ"});
    }
    // One paid order of `qty` × `code` (a seller code, or a platform SKU id when `platform_sku`)
    // paid at `paid` (shop time on 2026-11-24).
    void order(const std::string& no, const std::string& code, int qty, const std::string& paid,
               const std::string& note = "", bool platform_sku = false,
               const std::string& status = "to_ship", const std::string& modified = "") const {
        fs::path file = dir() / (no + ".json");
        std::string at = "2026-11-24T" + paid + ":00+08:00";
        std::string changed = modified.empty() ? at : "2026-11-24T" + modified + ":00+08:00";
        write_all(file,
                  R"([{"store": "tb-main", "platform_order_id": ")" + no + R"(", "status": ")" +
                      status + R"(", "buyer_note": ")" + note +
                      R"(", "receiver": {"name": "张**", "province": "江苏省", "city": "常州市",
            "address": "**"}, "paid_amount": "10.00", "created_at": ")" +
                      at + R"(", "paid_at": ")" + at + R"(", "modified_at": ")" + changed +
                      R"(", "lines": [{")" + (platform_sku ? "platform_sku_id" : "seller_code") +
                      R"(": ")" + code + R"(", "title": "商品", "quantity": )" +
                      std::to_string(qty) + R"(, "unit_price": "1.00"}]}])");
        ok({"orders", "import", file.string()});
    }
    json open_alerts() const {
        return list(
            {"alerts", "list", "--status", "open", "--sku", "TEA-001", "--warehouse", "CZ"});
    }
    std::string allocation(const std::string& no) const {
        return str(row_where(list({"orders", "list"}), {{"order_id", no}}), "allocation");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_waiting, WaitingShop)

BOOST_AUTO_TEST_CASE(stock_that_appears_goes_to_the_most_urgent_waiting_order) {
    order("A", "TEA-001", 5, "09:00");
    order("B", "TEA-001", 5, "10:00", "加急");  // the default rule makes it urgent
    BOOST_TEST(allocation("A") == "short");
    BOOST_TEST(allocation("B") == "short");
    ok({"alerts", "run"});
    json open = open_alerts();
    BOOST_TEST_REQUIRE(open.size() == 1u, open.dump());  // one stock-level alert, the gravest
    BOOST_TEST(str(open[0], "kind") == "oversold");
    BOOST_TEST(str(open[0], "detail") == "2 orders short of 10 units");

    // A receipt: 5 units, B is more urgent though paid later.
    ok({"stock", "receive", "TEA-001", "5", "-w", "CZ", "--cost", "10.00"});
    BOOST_TEST(allocation("B") == "allocated");
    BOOST_TEST(allocation("A") == "short");
    open = open_alerts();
    BOOST_TEST_REQUIRE(open.size() == 1u, open.dump());
    BOOST_TEST(str(open[0], "detail") == "1 orders short of 5 units");

    // A count that finds more: every order served, the alert resolves itself at once.
    ok({"stock", "count", "TEA-001", "10", "-w", "CZ"});
    BOOST_TEST(allocation("A") == "allocated");
    BOOST_TEST(open_alerts().empty());

    // A transfer's arrival (not its departure).
    order("C", "TEA-001", 3, "11:00");
    ok({"stock", "receive", "TEA-001", "3", "-w", "SH", "--cost", "10.00"});
    ok({"stock", "transfer", "TEA-001", "3", "--from", "SH", "--to", "CZ", "--doc", "T1"});
    BOOST_TEST(allocation("C") == "short");
    ok({"stock", "arrive", "--doc", "T1"});
    BOOST_TEST(allocation("C") == "allocated");

    // A customer return.
    order("D", "TEA-001", 1, "12:00");
    ok({"stock", "return", "TEA-001", "1", "-w", "CZ"});
    BOOST_TEST(allocation("D") == "allocated");

    // What a cancelled order gives back.
    order("E", "TEA-001", 4, "13:00");
    BOOST_TEST(allocation("E") == "short");
    order("A", "TEA-001", 5, "09:00", "", false, "cancelled", "14:00");
    BOOST_TEST(allocation("E") == "allocated");
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(a_new_mapping_serves_the_orders_waiting_for_it) {
    ok({"stock", "receive", "CUP-01", "4", "-w", "CZ", "--cost", "8.00"});
    order("M1", "P-99", 2, "09:00", "", true);
    BOOST_TEST(allocation("M1") == "unmapped");
    order("M2", "cup 01", 1, "09:30");  // the listing's seller code, spelt its own way
    order("M3", "cup 01", 1, "09:40");
    BOOST_TEST(allocation("M2") == "unmapped");
    // What waits for a mapping, most orders first, with the SKU it probably is.
    json unmapped = list({"mapping", "unmapped"});
    BOOST_TEST_REQUIRE(unmapped.size() == 2u, unmapped.dump());
    BOOST_TEST(str(unmapped[0], "platform_sku") == "cup 01");
    BOOST_TEST(num(unmapped[0], "orders") == 2);
    BOOST_TEST(str(unmapped[0], "suggestion") == "CUP-01");
    BOOST_TEST(str(unmapped[1], "platform_sku") == "P-99");
    BOOST_TEST(num(unmapped[1], "units") == 2);
    BOOST_TEST(unmapped[1]["suggestion"].is_null());
    Run mapped = ok({"mapping", "set", "tb-main", "P-99", "CUP-01"});
    BOOST_TEST(contains(mapped.out, "1 waiting"), mapped.out);
    BOOST_TEST(allocation("M1") == "allocated");
    BOOST_TEST(num(row_where(list({"stock", "list", "--sku", "CUP-01"}), {}), "reserved") == 2);
    ok({"mapping", "set", "tb-main", "cup 01", "CUP-01"});
    BOOST_TEST(allocation("M2") == "allocated");
    BOOST_TEST(list({"mapping", "unmapped"}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
