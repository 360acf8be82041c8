#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(cli_stock, StockShop)

BOOST_AUTO_TEST_CASE(receive_with_cost_and_location) {
    Run r = ok_json({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "10.00",
                     "--location", "A-01-02", "--doc", "PO-2026-001"});
    json moved = parse_json(r);
    BOOST_TEST_REQUIRE(moved.size() == 1u);
    BOOST_TEST(str(moved[0], "kind") == "receive");
    BOOST_TEST(str(moved[0], "sku") == "TEA-001");
    BOOST_TEST(str(moved[0], "warehouse") == "CZ");
    BOOST_TEST(str(moved[0], "location") == "A-01-02");
    BOOST_TEST(moved[0].at("batch").is_null());
    BOOST_TEST(num(moved[0], "qty") == 10);
    BOOST_TEST(str(moved[0], "doc") == "PO-2026-001");
    BOOST_TEST(line_has(r.out, {"\"unit_cost\": 10.00,", "\"value\": 100.00,"}));

    json stock = this->stock();
    BOOST_TEST_REQUIRE(stock.size() == 1u);
    json row = stock[0];
    BOOST_TEST(str(row, "sku") == "TEA-001");
    BOOST_TEST(str(row, "name") == "西湖龙井 明前特级");
    BOOST_TEST(str(row, "warehouse") == "CZ");
    BOOST_TEST(num(row, "on_hand") == 10);
    BOOST_TEST(num(row, "reserved") == 0);
    BOOST_TEST(num(row, "available") == 10);
    BOOST_TEST(num(row, "in_transit") == 0);
    BOOST_TEST(sql_int(db(),
                       "SELECT on_hand FROM stock_lot l JOIN location c ON c.id = l.location_id "
                       "WHERE c.code = 'A-01-02'") == 10);

    Run bad = fails({"stock", "receive", "TEA-001", "1", "-w", "CZ", "--location", "Z-99"});
    BOOST_TEST(contains(bad.err, "Location Z-99 does not exist"), bad.err);
    fails({"stock", "receive", "NOPE-1", "1", "-w", "CZ"});
    BOOST_TEST(ledger().size() == 1u);
}

BOOST_AUTO_TEST_CASE(moving_average_cost_two_decimals) {
    ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "10.00"});
    ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "12.00"});
    Run listed = ok_json({"stock", "list"});
    BOOST_TEST(
        line_has(listed.out, {"\"sku\": \"TEA-001\"", "\"on_hand\": 20,", "\"avg_cost\": 11.00}"}),
        listed.out);

    Run shipped = ok_json({"stock", "ship", "TEA-001", "5", "-w", "CZ", "--doc", "SO-1"});
    BOOST_TEST(line_has(shipped.out, {"\"kind\": \"ship\"", "\"qty\": -5,", "\"unit_cost\": 11.00,",
                                      "\"value\": -55.00,", "\"doc\": \"SO-1\""}),
               shipped.out);
    listed = ok_json({"stock", "list"});
    BOOST_TEST(
        line_has(listed.out, {"\"sku\": \"TEA-001\"", "\"on_hand\": 15,", "\"avg_cost\": 11.00}"}),
        listed.out);
    BOOST_TEST(sql_int(db(), "SELECT qty FROM sku_cost") == 15);
    BOOST_TEST(sql_int(db(), "SELECT value_fen FROM sku_cost") == 16500);

    // A receipt without --cost comes in at the current average; one at 11.50 moves it.
    Run at_avg = ok_json({"stock", "receive", "TEA-001", "5", "-w", "CZ"});
    BOOST_TEST(line_has(at_avg.out, {"\"unit_cost\": 11.00,", "\"value\": 55.00,"}), at_avg.out);
    ok({"stock", "receive", "TEA-001", "1", "-w", "CZ", "--cost", "11.5"});
    // 20 units worth 220.00 plus one at 11.50: 231.50 / 21 = 11.0238... -> 11.02.
    listed = ok_json({"stock", "list"});
    BOOST_TEST(
        line_has(listed.out, {"\"sku\": \"TEA-001\"", "\"on_hand\": 21,", "\"avg_cost\": 11.02}"}),
        listed.out);
    Run bad_cost = fails({"stock", "receive", "TEA-001", "1", "-w", "CZ", "--cost", "12.345"});
    BOOST_TEST(contains(bad_cost.err, "--cost"), bad_cost.err);
}

BOOST_AUTO_TEST_CASE(shelf_life_sku_needs_batch_and_expiry) {
    Run refused = fails({"stock", "receive", "MILK-01", "5", "-w", "CZ", "--cost", "3.20"});
    BOOST_TEST(contains(refused.err, "MILK-01"), refused.err);
    BOOST_TEST(contains(refused.err, "--batch"), refused.err);
    BOOST_TEST(stock().empty());
    BOOST_TEST(ledger().empty());

    Run no_expiry = fails({"stock", "receive", "MILK-01", "5", "-w", "CZ", "--batch", "L20261101"});
    BOOST_TEST(contains(no_expiry.err, "L20261101"), no_expiry.err);
    fails({"stock", "receive", "MILK-01", "5", "-w", "CZ", "--batch", "L20261101", "--expiry",
           "2027-02-30"});
    Run expiry_only =
        fails({"stock", "receive", "TEA-001", "5", "-w", "CZ", "--expiry", "2027-01-31"});
    BOOST_TEST(contains(expiry_only.err, "needs a batch"), expiry_only.err);
    BOOST_TEST(stats().at("batches") == 0);

    Run r = ok_json({"stock", "receive", "MILK-01", "5", "-w", "CZ", "--batch", "L20261101",
                     "--expiry", "2027-01-31", "--location", "A-01-01"});
    BOOST_TEST(line_has(r.out, {"\"kind\": \"receive\"", "\"batch\": \"L20261101\"", "\"qty\": 5,",
                                "\"location\": \"A-01-01\""}),
               r.out);
    // The same lot again needs no expiry; another date for it is refused.
    ok({"stock", "receive", "MILK-01", "2", "-w", "CZ", "--batch", "L20261101"});
    Run clash = fails({"stock", "receive", "MILK-01", "2", "-w", "CZ", "--batch", "L20261101",
                       "--expiry", "2027-03-01"});
    BOOST_TEST(contains(clash.err, "2027-01-31"), clash.err);
    BOOST_TEST(sql_text(db(), "SELECT expiry FROM batch WHERE lot = 'L20261101'") == "2027-01-31");
    BOOST_TEST(stats().at("batches") == 1);
    json ledger_rows = ledger();
    BOOST_TEST_REQUIRE(ledger_rows.size() == 2u);
    BOOST_TEST(str(ledger_rows[0], "batch") == "L20261101");
    BOOST_TEST(num(row_where(stock(), {{"sku", "MILK-01"}}), "on_hand") == 7);
    // Where it is: 2 at the receiving location, not yet put away, 5 in A-01-01, both of the lot.
    json lots = list({"stock", "lots", "--sku", "MILK-01"});
    BOOST_TEST(lots == json::parse(R"([
        {"sku": "MILK-01", "warehouse": "CZ", "location": "收货区", "batch": "L20261101",
         "expiry": "2027-01-31", "on_hand": 2},
        {"sku": "MILK-01", "warehouse": "CZ", "location": "A-01-01", "batch": "L20261101",
         "expiry": "2027-01-31", "on_hand": 5}])"),
               lots.dump());
    // Put away: the two go to the shelf, the receiving location is empty again.
    Run moved =
        ok({"stock", "move", "MILK-01", "2", "-w", "CZ", "--from", "收货区", "--to", "A-01-01"});
    BOOST_TEST(ledger().size() == 4u);
    lots = list({"stock", "lots", "--sku", "MILK-01"});
    BOOST_TEST_REQUIRE(lots.size() == 1u, lots.dump());
    BOOST_TEST(num(lots[0], "on_hand") == 7);
    BOOST_TEST(num(row_where(stock(), {{"sku", "MILK-01"}}), "on_hand") == 7);
    Run too_many =
        fails({"stock", "move", "MILK-01", "8", "-w", "CZ", "--from", "A-01-01", "--to", "收货区"});
    BOOST_TEST(contains(too_many.err, "Only 7"), too_many.err);
    fails({"stock", "move", "MILK-01", "1", "-w", "CZ", "--from", "A-01-01", "--to", "A-01-01"});
    fails({"stock", "move", "MILK-01", "1", "-w", "CZ", "--from", "A-01-01", "--to", "Z-99"});
    // Another receiving location, chosen: the next receipt without a location goes there.
    ok({"location", "add", "CZ", "DOCK-1", "--walk", "1"});
    ok({"warehouse", "receiving", "CZ", "DOCK-1"});
    ok({"stock", "receive", "MILK-01", "1", "-w", "CZ", "--batch", "L20261101"});
    BOOST_TEST(str(row_where(list({"stock", "lots", "--sku", "MILK-01"}), {{"location", "DOCK-1"}}),
                   "batch") == "L20261101");
    fails({"warehouse", "receiving", "CZ", "NOPE"});
    // A month-end report counts no put-away as stock in or out.
    json report = list({"report", "month-end", "--period", "2026-11"});
    json milk = row_where(report, {{"sku", "MILK-01"}});
    BOOST_TEST(num(milk, "in_qty") == 8, milk.dump());
    BOOST_TEST(num(milk, "out_qty") == 0, milk.dump());
    BOOST_TEST(num(milk, "close_qty") == 8, milk.dump());
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(transfer_is_in_transit_until_arrival) {
    ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "10.00"});
    Run sent = ok_json(
        {"stock", "transfer", "TEA-001", "4", "--from", "CZ", "--to", "SH", "--doc", "TR-001"});
    BOOST_TEST(line_has(sent.out, {"\"kind\": \"transfer_out\"", "\"warehouse\": \"CZ\"",
                                   "\"qty\": -4,", "\"doc\": \"TR-001\""}),
               sent.out);
    json stock = this->stock();
    BOOST_TEST_REQUIRE(stock.size() == 2u);
    json cz = row_where(stock, {{"sku", "TEA-001"}, {"warehouse", "CZ"}});
    json sh = row_where(stock, {{"sku", "TEA-001"}, {"warehouse", "SH"}});
    BOOST_TEST(num(cz, "on_hand") == 6);
    BOOST_TEST(num(cz, "in_transit") == 0);
    BOOST_TEST(num(sh, "on_hand") == 0);
    BOOST_TEST(num(sh, "available") == 0);
    BOOST_TEST(num(sh, "in_transit") == 4);
    // Goods in transit cannot be shipped from the destination yet.
    fails({"stock", "ship", "TEA-001", "1", "-w", "SH"});

    Run arrived = ok_json({"stock", "arrive", "--doc", "TR-001"});
    BOOST_TEST(line_has(arrived.out, {"\"kind\": \"transfer_in\"", "\"warehouse\": \"SH\"",
                                      "\"qty\": 4,", "\"unit_cost\": 10.00,", "\"value\": 40.00,"}),
               arrived.out);
    stock = this->stock();
    sh = row_where(stock, {{"sku", "TEA-001"}, {"warehouse", "SH"}});
    BOOST_TEST(num(sh, "on_hand") == 4);
    BOOST_TEST(num(sh, "available") == 4);
    BOOST_TEST(num(sh, "in_transit") == 0);
    BOOST_TEST(num(row_where(stock, {{"warehouse", "CZ"}}), "on_hand") == 6);

    Run twice = fails({"stock", "arrive", "--doc", "TR-001"});
    BOOST_TEST(contains(twice.err, "TR-001"), twice.err);
    fails({"stock", "arrive", "--doc", "TR-404"});
    Run same = fails(
        {"stock", "transfer", "TEA-001", "1", "--from", "CZ", "--to", "CZ", "--doc", "TR-002"});
    BOOST_TEST(contains(same.err, "two different warehouses"), same.err);
    // --doc is required (a usage error exits 2).
    fails({"stock", "transfer", "TEA-001", "1", "--from", "CZ", "--to", "SH"}, 2);

    json ledger_rows = ledger();
    BOOST_TEST_REQUIRE(ledger_rows.size() == 3u);
    BOOST_TEST(str(ledger_rows[1], "kind") == "transfer_out");
    BOOST_TEST(str(ledger_rows[1], "counterpart") == "SH");
    BOOST_TEST(str(ledger_rows[2], "kind") == "transfer_in");
    BOOST_TEST(str(ledger_rows[2], "warehouse") == "SH");
    BOOST_TEST(str(ledger_rows[2], "counterpart") == "CZ");
    BOOST_TEST(str(ledger_rows[2], "doc") == "TR-001");
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(count_posts_the_difference) {
    ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "10.00"});
    Run counted = ok_json({"stock", "count", "TEA-001", "7", "-w", "CZ"});
    BOOST_TEST(line_has(counted.out, {"\"kind\": \"count\"", "\"qty\": -3,", "\"value\": -30.00,"}),
               counted.out);
    BOOST_TEST(num(stock()[0], "on_hand") == 7);

    Run same = ok({"stock", "count", "TEA-001", "7", "-w", "CZ"});
    BOOST_TEST(contains(same.out, "nothing posted"), same.out);
    BOOST_TEST(ledger().size() == 2u);

    ok({"stock", "count", "TEA-001", "9", "-w", "CZ", "--reason", "盘盈"});
    json rows = ledger();
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(str(rows[1], "reason") == "stock count");
    BOOST_TEST(num(rows[2], "qty") == 2);
    BOOST_TEST(str(rows[2], "reason") == "盘盈");
    BOOST_TEST(std::regex_match(str(rows[2], "doc"), std::regex("CNT-[0-9]{8}-[0-9]{6}")),
               str(rows[2], "doc"));
    BOOST_TEST(num(stock()[0], "on_hand") == 9);
    fails({"stock", "count", "TEA-001", "-1", "-w", "CZ"});
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(customer_return_and_scrap) {
    ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "10.00"});
    ok({"stock", "ship", "TEA-001", "4", "-w", "CZ"});
    Run ret = ok_json({"stock", "return", "TEA-001", "2", "-w", "CZ", "--location", "A-01-01",
                       "--doc", "RT-88", "--reason", "七天无理由"});
    BOOST_TEST(line_has(ret.out, {"\"kind\": \"return\"", "\"qty\": 2,", "\"unit_cost\": 10.00,",
                                  "\"location\": \"A-01-01\"", "\"doc\": \"RT-88\""}),
               ret.out);
    Run scrap = ok_json({"stock", "scrap", "TEA-001", "1", "-w", "CZ", "--reason", "damaged"});
    BOOST_TEST(line_has(scrap.out, {"\"kind\": \"scrap\"", "\"qty\": -1,", "\"value\": -10.00,"}),
               scrap.out);
    // --reason is required.
    fails({"stock", "scrap", "TEA-001", "1", "-w", "CZ"}, 2);
    Run too_many = fails({"stock", "scrap", "TEA-001", "8", "-w", "CZ", "--reason", "expired"});
    BOOST_TEST(contains(too_many.err, "TEA-001"), too_many.err);

    json row = stock()[0];
    BOOST_TEST(num(row, "on_hand") == 7);
    json rows = ledger();
    BOOST_TEST_REQUIRE(rows.size() == 4u);
    BOOST_TEST(str(rows[2], "reason") == "七天无理由");
    BOOST_TEST(str(rows[3], "kind") == "scrap");
    BOOST_TEST(str(rows[3], "reason") == "damaged");
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(ledger_rows_carry_operator_workstation_doc) {
    ok({"stock", "receive", "TEA-001", "3", "-w", "CZ", "--cost", "10.00", "--doc", "PO-7"});
    // From now on people log in: the owner adds a manager and an accountant.
    ScopedEnv data_home("XDG_DATA_HOME", dir().string());
    {
        ScopedEnv password("DIANJIA_PASSWORD", "owner-password-1");
        ok({"user", "add", kUser, "--role", "owner"});
        ScopedEnv new_password("DIANJIA_NEW_PASSWORD", "other-password-1");
        ok({"user", "add", "小李", "--role", "manager"});
        ok({"user", "add", "小王", "--role", "accountant"});
    }
    ScopedEnv password("DIANJIA_PASSWORD", "other-password-1");
    Run shipped =
        run_cli({"--db", db(), "--user", "小李", "stock", "ship", "TEA-001", "1", "-w", "CZ"});
    BOOST_TEST_REQUIRE(shipped.code == 0, shipped.err);
    // An accountant changes only months and reports.
    Run refused =
        run_cli({"--db", db(), "--user", "小王", "stock", "receive", "CUP-01", "2", "-w", "CZ"});
    BOOST_TEST(refused.code == 1);
    BOOST_TEST(contains(refused.err, "stock.move"), refused.err);
    Run r = run_cli({"--db", db(), "--user", kUser, "stock", "receive", "CUP-01", "2", "-w", "CZ"});
    BOOST_TEST(r.code == 1, "a wrong password logged in");
    ScopedEnv owner_password("DIANJIA_PASSWORD", "owner-password-1");
    r = run_cli({"--db", db(), "--user", kUser, "stock", "receive", "CUP-01", "2", "-w", "CZ"});
    BOOST_TEST_REQUIRE(r.code == 0, r.err);
    fails({"--role", "boss", "stock", "ship", "TEA-001", "1", "-w", "CZ"}, 2);

    Run out = ok_json({"ledger"});
    json rows = parse_json(out);
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    const std::string host = host_name();
    BOOST_TEST(str(rows[0], "operator") == kUser);
    BOOST_TEST(str(rows[0], "role") == "owner");
    BOOST_TEST(str(rows[0], "workstation") == host);
    BOOST_TEST(str(rows[0], "doc") == "PO-7");
    BOOST_TEST(str(rows[0], "kind") == "receive");
    BOOST_TEST(std::regex_match(
        str(rows[0], "at"), std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")));
    BOOST_TEST(str(rows[1], "operator") == "小李");
    BOOST_TEST(str(rows[1], "role") == "manager");
    BOOST_TEST(std::regex_match(str(rows[1], "doc"), std::regex("SHP-[0-9]{8}-[0-9]{6}")),
               str(rows[1], "doc"));
    BOOST_TEST(str(rows[2], "operator") == kUser);
    BOOST_TEST(str(rows[2], "role") == "owner");
    BOOST_TEST(str(rows[2], "workstation") == host);
    BOOST_TEST(std::regex_match(str(rows[2], "doc"), std::regex("RCV-[0-9]{8}-[0-9]{6}")));
    // CUP-01 without --cost comes in at its standard cost 8.00.
    BOOST_TEST(
        line_has(out.out, {"\"sku\": \"CUP-01\"", "\"unit_cost\": 8.00,", "\"value\": 16.00,"}));
    for (std::size_t i = 1; i < rows.size(); ++i)
        BOOST_TEST(num(rows[i], "id") > num(rows[i - 1], "id"));

    json only_tea = list({"ledger", "--sku", "TEA-001"});
    BOOST_TEST(only_tea.size() == 2u);
    json limited = list({"ledger", "--limit", "1"});
    BOOST_TEST_REQUIRE(limited.size() == 1u);
    BOOST_TEST(str(limited[0], "doc") == "PO-7");
    BOOST_TEST(list({"ledger", "--since", "2000-01-01"}).size() == 3u);
    BOOST_TEST(list({"ledger", "--since", "2999-01-01"}).empty());
}

BOOST_AUTO_TEST_CASE(check_agrees_after_mixed_operations) {
    ok({"stock", "receive", "TEA-001", "20", "-w", "CZ", "--cost", "9.99", "--location",
        "A-01-01"});
    ok({"stock", "receive", "TEA-001", "5", "-w", "CZ", "--cost", "10.01", "--location",
        "A-01-02"});
    ok({"stock", "receive", "MILK-01", "6", "-w", "CZ", "--batch", "L1", "--expiry", "2027-01-01"});
    ok({"stock", "ship", "TEA-001", "21", "-w", "CZ"});
    ok({"stock", "transfer", "MILK-01", "2", "--from", "CZ", "--to", "SH", "--doc", "TR-9"});
    ok({"stock", "arrive", "--doc", "TR-9"});
    ok({"stock", "count", "TEA-001", "2", "-w", "CZ", "--location", "A-01-02"});
    ok({"stock", "return", "MILK-01", "1", "-w", "SH"});
    Run checked = ok({"check"});
    BOOST_TEST(contains(checked.out, "Balances agree with the ledger."), checked.out);
    BOOST_TEST(checked.err.empty());
    BOOST_TEST(list({"check"}).empty());
    json stock = this->stock();
    BOOST_TEST(num(row_where(stock, {{"sku", "TEA-001"}}), "on_hand") == 2);
    BOOST_TEST(num(row_where(stock, {{"sku", "MILK-01"}, {"warehouse", "CZ"}}), "on_hand") == 4);
    BOOST_TEST(num(row_where(stock, {{"sku", "MILK-01"}, {"warehouse", "SH"}}), "on_hand") == 3);
}

BOOST_AUTO_TEST_CASE(oversell_is_refused_and_changes_nothing) {
    ok({"stock", "receive", "TEA-001", "5", "-w", "CZ", "--cost", "10.00"});
    Run stock_before = ok_json({"stock", "list"});
    Run ledger_before = ok_json({"ledger"});
    auto dump_before = dump_db(db());

    Run r = fails({"stock", "ship", "TEA-001", "6", "-w", "CZ"});
    BOOST_TEST(r.out.empty());
    BOOST_TEST(contains(r.err, "TEA-001"), r.err);
    BOOST_TEST(contains(r.err, "5 available, 6 needed"), r.err);
    fails({"stock", "transfer", "TEA-001", "6", "--from", "CZ", "--to", "SH", "--doc", "TR-X"});
    fails({"stock", "ship", "TEA-001", "1", "-w", "SH"});
    fails({"stock", "ship", "TEA-001", "0", "-w", "CZ"});

    BOOST_TEST(ok_json({"stock", "list"}).out == stock_before.out);
    BOOST_TEST(ok_json({"ledger"}).out == ledger_before.out);
    require_same_dump(dump_before, dump_db(db()));
    // Exactly the available quantity still ships.
    ok({"stock", "ship", "TEA-001", "5", "-w", "CZ"});
    BOOST_TEST(stock().empty());
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(a_document_posts_once_unless_meant) {
    ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--cost", "10.00", "--doc", "DN-7"});
    auto before = dump_db(db());
    // The same receipt again (a retried script): refused, naming the first.
    Run again = fails({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--doc", "DN-7"});
    BOOST_TEST(contains(again.err, "DN-7"), again.err);
    BOOST_TEST(contains(again.err, "TEA-001"), again.err);
    BOOST_TEST(contains(again.err, "2026-11-24 13:04:16"), again.err);
    BOOST_TEST(contains(again.err, kUser), again.err);
    BOOST_TEST(contains(again.err, "--allow-same-doc"), again.err);
    require_same_dump(before, dump_db(db()));
    // Another SKU on the same delivery note, the same note in another warehouse, and a shipment
    // under that number are other movements.
    ok({"stock", "receive", "CUP-01", "5", "-w", "CZ", "--cost", "8.00", "--doc", "DN-7"});
    ok({"stock", "receive", "TEA-001", "2", "-w", "SH", "--cost", "10.00", "--doc", "DN-7"});
    ok({"stock", "ship", "TEA-001", "1", "-w", "CZ", "--doc", "DN-7"});
    fails({"stock", "ship", "TEA-001", "1", "-w", "CZ", "--doc", "DN-7"});
    ok({"stock", "transfer", "TEA-001", "1", "--from", "CZ", "--to", "SH", "--doc", "T-9"});
    fails({"stock", "transfer", "TEA-001", "1", "--from", "CZ", "--to", "SH", "--doc", "T-9"});
    ok({"stock", "return", "TEA-001", "1", "-w", "CZ", "--doc", "RMA-1"});
    fails({"stock", "return", "TEA-001", "1", "-w", "CZ", "--doc", "RMA-1"});
    // Said on purpose, it posts.
    ok({"stock", "receive", "TEA-001", "10", "-w", "CZ", "--doc", "DN-7", "--allow-same-doc"});
    BOOST_TEST(sql_int(db(),
                       "SELECT count(*) FROM movement WHERE doc = 'DN-7' AND kind = "
                       "'receive' AND sku_id = (SELECT id FROM sku WHERE code = "
                       "'TEA-001')") == 3);
    // Movements without a number of their own are never refused.
    ok({"stock", "receive", "CUP-01", "1", "-w", "CZ"});
    ok({"stock", "receive", "CUP-01", "1", "-w", "CZ"});
    ok({"check"});
}

BOOST_AUTO_TEST_SUITE_END()
