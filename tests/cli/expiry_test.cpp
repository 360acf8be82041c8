// Batches past their expiry (or too close to it for the SKU) through the real dianjia-cli on a
// real SQLite file: refused at receipt unless meant, on hand but never available, never
// reserved or picked, named by the expired-stock alert. Today is 2026-11-24 (DIANJIA_NOW).
#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

namespace {

// StockShop with store tb-main shipping from CZ, and MILK-01 in CZ: the good batch B1101
// (2027-09-30, 10 units) on A-01-02, walked after A-01-01.
struct ExpiryShop : StockShop {
    ExpiryShop() {
        ok({"store", "add", "--code", "tb-main", "--name", "天猫旗舰店", "--platform", "taobao",
            "--warehouse", "CZ"});
        ok({"stock", "receive", "MILK-01", "10", "-w", "CZ", "--location", "A-01-02", "--batch",
            "B1101", "--expiry", "2027-09-30", "--cost", "3.20"});
    }
    json milk() const { return row_where(list({"stock", "list", "--sku", "MILK-01"}), {}); }
    // One paid order of `qty` MILK-01 from tb-main.
    void order_milk(const std::string& no, int qty) const {
        fs::path file = dir() / (no + ".json");
        write_all(file, R"([{"store": "tb-main", "platform_order_id": ")" + no +
                            R"(", "status": "to_ship",
            "receiver": {"name": "张**", "province": "江苏省", "city": "常州市",
                         "address": "湖塘镇**"},
            "paid_amount": "12.80", "created_at": "2026-11-24T09:00:00+08:00",
            "paid_at": "2026-11-24T09:00:00+08:00", "modified_at": "2026-11-24T09:00:00+08:00",
            "lines": [{"seller_code": "MILK-01", "title": "纯牛奶", "quantity": )" +
                            std::to_string(qty) + R"(, "unit_price": "3.20"}]}])");
        ok({"orders", "import", file.string()});
    }
    std::string pdf_text(const fs::path& pdf) const {
        fs::path out = dir() / "text.txt";
        std::string cmd = "pdftotext -layout " + pdf.string() + " " + out.string();
        BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
        return read_all(out);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_expiry, ExpiryShop)

BOOST_AUTO_TEST_CASE(an_expired_batch_is_refused_unless_meant_and_never_picked) {
    Run refused = fails({"stock", "receive", "MILK-01", "3", "-w", "CZ", "--location", "A-01-01",
                         "--batch", "B1202", "--expiry", "2026-11-01"});
    BOOST_TEST(contains(refused.err, "2026-11-01"), refused.err);
    BOOST_TEST(contains(refused.err, "--accept-expired"), refused.err);
    BOOST_TEST(num(milk(), "on_hand") == 10);
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM batch WHERE lot = 'B1202'") == 0);

    ok({"stock", "receive", "MILK-01", "3", "-w", "CZ", "--location", "A-01-01", "--batch", "B1202",
        "--expiry", "2026-11-01", "--accept-expired"});
    json m = milk();
    BOOST_TEST(num(m, "on_hand") == 13);
    BOOST_TEST(num(m, "unshippable") == 3);
    BOOST_TEST(num(m, "available") == 10);

    // 12 units cannot be had: 10 may ship, the 3 expired ones never.
    order_milk("EXP-12", 12);
    BOOST_TEST(str(row_where(list({"orders", "list"}), {{"order_id", "EXP-12"}}), "allocation") ==
               "short");
    order_milk("EXP-4", 4);
    BOOST_TEST(str(row_where(list({"orders", "list"}), {{"order_id", "EXP-4"}}), "allocation") ==
               "allocated");

    // The picker is sent to B1101 on A-01-02 although B1202 on A-01-01 expires first and lies
    // on the way; batch and expiry are printed whole.
    std::string wave = str(parse_json(ok_json({"wave", "create", "-w", "CZ"})), "wave");
    fs::path sheet = dir() / "pick.pdf";
    ok({"print", "picksheet", wave, "--out", sheet.string()});
    std::string text = pdf_text(sheet);
    BOOST_TEST(contains(text, "A-01-02"), text);
    BOOST_TEST(contains(text, "B1101"), text);
    BOOST_TEST(contains(text, "2027-09-30"), text);
    BOOST_TEST(!contains(text, "B1202"), text);
    BOOST_TEST(!contains(text, "A-01-01"), text);

    // Shipping by hand takes none of it either, and the alert names the batch.
    Run ship = fails({"stock", "ship", "MILK-01", "7", "-w", "CZ"});
    BOOST_TEST(contains(ship.err, "6 available"), ship.err);
    ok({"alerts", "run"});
    json expired = list({"alerts", "list", "--kind", "expired"});
    BOOST_TEST_REQUIRE(expired.size() == 1u);
    BOOST_TEST(contains(str(expired[0], "detail"), "B1202 2026-11-01 x3"), expired.dump());
    // Scrapping is how it leaves.
    ok({"stock", "scrap", "MILK-01", "3", "-w", "CZ", "--location", "A-01-01", "--reason",
        "expired"});
    BOOST_TEST(num(milk(), "unshippable") == 0);
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(a_sku_can_require_shelf_life_left_to_ship) {
    // B1101 has 310 days left.
    ok({"sku", "min-ship-days", "311", "--sku", "MILK-01"});
    BOOST_TEST(num(milk(), "available") == 0);
    BOOST_TEST(num(milk(), "unshippable") == 10);
    order_milk("EXP-1", 1);
    BOOST_TEST(str(row_where(list({"orders", "list"}), {{"order_id", "EXP-1"}}), "allocation") ==
               "short");
    ok({"sku", "min-ship-days", "310", "--sku", "MILK-01"});
    BOOST_TEST(num(milk(), "available") == 10);
    // The shop's setting applies to every SKU without its own.
    ok({"sku", "min-ship-days", "--default", "--sku", "MILK-01"});
    ok({"sku", "min-ship-days", "400"});
    BOOST_TEST(num(milk(), "available") == 0);
    fails({"sku", "min-ship-days", "4000"}, 2);
    fails({"sku", "min-ship-days", "--default"});
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action LIKE '%min_ship_days'") ==
               4);
}

BOOST_AUTO_TEST_SUITE_END()
