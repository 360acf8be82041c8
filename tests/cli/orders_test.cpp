#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

// ---------------------------------------------------------------------------------------------
BOOST_FIXTURE_TEST_SUITE(cli_orders, OrderShop)

BOOST_AUTO_TEST_CASE(import_maps_seller_codes_and_allocates) {
    Run r = ok({"orders", "import", fixture("orders_good.json")});
    BOOST_TEST(contains(r.out, "Imported 4 orders from " + fixture("orders_good.json") +
                                   ": 4 new, 0 updated, 0 unchanged, 0 older than stored"),
               r.out);
    Run listed = ok_json({"orders", "list"});
    json orders = parse_json(listed);
    BOOST_TEST_REQUIRE(orders.size() == 4u);
    // Oldest first.
    BOOST_TEST(str(orders[0], "order_id") == kOrder1);
    BOOST_TEST(str(orders[1], "order_id") == kOrder2);
    BOOST_TEST(str(orders[2], "order_id") == kOrder3);
    BOOST_TEST(str(orders[3], "order_id") == kOrder4);

    json o1 = orders[0];
    BOOST_TEST(str(o1, "store") == "tb-main");
    BOOST_TEST(str(o1, "platform") == "taobao");
    BOOST_TEST(str(o1, "status") == "to_ship");
    BOOST_TEST(str(o1, "allocation") == "allocated");
    BOOST_TEST(str(o1, "warehouse") == "CZ");
    BOOST_TEST(str(o1, "receiver_name") == "张**");
    BOOST_TEST(str(o1, "province") == "江苏省");
    BOOST_TEST(str(o1, "city") == "常州市");
    BOOST_TEST(num(o1, "units") == 2);
    BOOST_TEST(str(o1, "created_at") == "2026-11-20T02:00:00Z");
    BOOST_TEST(line_has(listed.out, {kOrder1, "\"pay_amount\": 25.00,"}));

    json o2 = orders[1];
    BOOST_TEST(str(o2, "allocation") == "short");
    BOOST_TEST(num(o2, "units") == 100);
    BOOST_TEST(line_has(listed.out, {kOrder2, "\"pay_amount\": 320.00,"}));

    json o3 = orders[2];
    BOOST_TEST(str(o3, "store") == "jd-1");
    BOOST_TEST(str(o3, "platform") == "jd");
    BOOST_TEST(str(o3, "allocation") == "allocated");
    BOOST_TEST(str(o3, "receiver_name") == "王**");

    // Lines as the platform sent them, with the local SKU they map to.
    BOOST_TEST_REQUIRE(o1.at("lines").size() == 1u);
    const json& line = o1.at("lines")[0];
    BOOST_TEST(str(line, "seller_code") == "TEA-001");
    BOOST_TEST(str(line, "sku") == "TEA-001");
    BOOST_TEST(num(line, "qty") == 2);
    BOOST_TEST(line.at("platform_sku").is_string());
    BOOST_TEST(line_has(listed.out, {kOrder1, "\"price\": 12.50}"}));
    BOOST_TEST(o1.at("seller_memo").is_string());

    json o4 = orders[3];
    BOOST_TEST(str(o4, "status") == "pending_payment");
    BOOST_TEST(str(o4, "allocation") == "none");

    json stock = this->stock();
    json tea = row_where(stock, {{"sku", "TEA-001"}});
    BOOST_TEST(num(tea, "on_hand") == 10);
    BOOST_TEST(num(tea, "reserved") == 5);
    BOOST_TEST(num(tea, "available") == 5);
    json milk = row_where(stock, {{"sku", "MILK-01"}});
    BOOST_TEST(num(milk, "reserved") == 0);

    auto counts = stats();
    BOOST_TEST(counts.at("orders") == 4);
    BOOST_TEST(counts.at("order_lines") == 4);
    BOOST_TEST(counts.at("open_orders") == 3);
    BOOST_TEST(counts.at("movements") == 2);  // importing reserves, it posts no movement

    BOOST_TEST(list({"orders", "list", "--status", "pending_payment"}).size() == 1u);
    BOOST_TEST(list({"orders", "list", "--store", "jd-1"}).size() == 1u);
    BOOST_TEST(list({"orders", "list", "--limit", "2"}).size() == 2u);
    fails({"orders", "list", "--status", "paid"});
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(reimport_same_file_creates_no_duplicates) {
    ok({"orders", "import", fixture("orders_good.json")});
    json first = list({"orders", "list"});
    Run again = ok({"orders", "import", fixture("orders_good.json")});
    BOOST_TEST(contains(again.out, ": 0 new, 0 updated, 4 unchanged, 0 older than stored"),
               again.out);
    BOOST_TEST(list({"orders", "list"}) == first);
    BOOST_TEST(stats().at("orders") == 4);
    BOOST_TEST(stats().at("order_lines") == 4);
    // Every line is mapped once, also order 4's that waits for payment.
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM order_line_item") == 4);
    BOOST_TEST(num(row_where(stock(), {{"sku", "TEA-001"}}), "reserved") == 5);
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(update_cancel_releases_reservation) {
    ok({"orders", "import", fixture("orders_good.json")});
    long long order1_id =
        sql_int(db(), "SELECT id FROM shop_order WHERE platform_order_id = '" + kOrder1 + "'");
    Run r = ok({"orders", "import", fixture("orders_update.json")});
    BOOST_TEST(contains(r.out, "Imported 2 orders from " + fixture("orders_update.json") +
                                   ": 0 new, 2 updated, 0 unchanged, 0 older than stored"),
               r.out);

    Run listed = ok_json({"orders", "list"});
    json orders = parse_json(listed);
    BOOST_TEST_REQUIRE(orders.size() == 4u);
    json o1 = row_where(orders, {{"order_id", kOrder1}});
    BOOST_TEST(str(o1, "status") == "cancelled");
    BOOST_TEST(str(o1, "allocation") == "none");
    BOOST_TEST(num(o1, "id") == order1_id);
    // A cancellation from a file holds the order the way a sync does (it had stock reserved:
    // it may be on a pick sheet, so the pack station is stopped too).
    BOOST_TEST(sql_int(db(),
                       "SELECT count(*) FROM order_hold WHERE source = 'platform' AND "
                       "intercept = 1 AND order_id = " +
                           std::to_string(order1_id)) == 1);
    // The changed lines of order 2 (100 -> 5 units) are allocated now.
    json o2 = row_where(orders, {{"order_id", kOrder2}});
    BOOST_TEST(str(o2, "allocation") == "allocated");
    BOOST_TEST(num(o2, "units") == 5);
    BOOST_TEST(line_has(listed.out, {kOrder2, "\"pay_amount\": 16.00,"}));

    json stock = this->stock();
    json tea = row_where(stock, {{"sku", "TEA-001"}});
    BOOST_TEST(num(tea, "reserved") == 3);  // only the jd-1 order holds TEA-001 now
    BOOST_TEST(num(tea, "available") == 7);
    json milk = row_where(stock, {{"sku", "MILK-01"}});
    BOOST_TEST(num(milk, "reserved") == 5);
    BOOST_TEST(num(milk, "available") == 0);
    BOOST_TEST(stats().at("orders") == 4);
    BOOST_TEST(stats().at("order_lines") == 4);
    BOOST_TEST(stats().at("open_orders") == 2);
    ok({"check"});

    // The older copy of the same orders is ignored.
    Run stale = ok({"orders", "import", fixture("orders_good.json")});
    BOOST_TEST(contains(stale.out, ": 0 new, 0 updated, 2 unchanged, 2 older than stored"),
               stale.out);
    BOOST_TEST(str(row_where(list({"orders", "list"}), {{"order_id", kOrder1}}), "status") ==
               "cancelled");
    BOOST_TEST(num(row_where(this->stock(), {{"sku", "TEA-001"}}), "reserved") == 3);

    // The cancelled order cannot ship; the re-allocated one ships from lot L1.
    Run cancelled = fails({"orders", "ship", "tb-main", kOrder1});
    BOOST_TEST(contains(cancelled.err, kOrder1), cancelled.err);
    Run shipped = ok_json(
        {"orders", "ship", "tb-main", kOrder2, "--carrier", "ZTO", "--tracking", "75310000000002"});
    BOOST_TEST(line_has(shipped.out, {"\"kind\": \"ship\"", "\"sku\": \"MILK-01\"",
                                      "\"batch\": \"L1\"", "\"qty\": -5,", "\"unit_cost\": 3.20,"}),
               shipped.out);
    BOOST_TEST(row_where(this->stock(), {{"sku", "TEA-001"}}).is_object());
    for (const json& row : this->stock())
        BOOST_TEST(str(row, "sku") != "MILK-01");
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(ship_order_posts_movements) {
    ok({"orders", "import", fixture("orders_good.json")});
    Run r = ok_json(
        {"orders", "ship", "jd-1", kOrder3, "--carrier", "JD", "--tracking", "JDV000000000003"});
    json moved = parse_json(r);
    BOOST_TEST_REQUIRE(moved.size() == 1u);
    BOOST_TEST(str(moved[0], "kind") == "ship");
    BOOST_TEST(str(moved[0], "sku") == "TEA-001");
    BOOST_TEST(str(moved[0], "warehouse") == "CZ");
    BOOST_TEST(num(moved[0], "qty") == -3);
    BOOST_TEST(str(moved[0], "doc") == kOrder3);
    BOOST_TEST(line_has(r.out, {"\"unit_cost\": 10.00,", "\"value\": -30.00,"}));

    json tea = row_where(stock(), {{"sku", "TEA-001"}});
    BOOST_TEST(num(tea, "on_hand") == 7);
    BOOST_TEST(num(tea, "reserved") == 2);
    BOOST_TEST(num(tea, "available") == 5);
    json o3 = row_where(list({"orders", "list"}), {{"order_id", kOrder3}});
    BOOST_TEST(str(o3, "status") == "shipped");
    BOOST_TEST(str(o3, "allocation") == "shipped");

    json rows = ledger();
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(str(rows[2], "kind") == "ship");
    BOOST_TEST(str(rows[2], "reason") == "order shipped");
    BOOST_TEST(str(rows[2], "doc") == kOrder3);
    BOOST_TEST(str(rows[2], "operator") == kUser);
    Run checked = ok({"check"});
    BOOST_TEST(contains(checked.out, "Balances agree"));

    auto before = dump_db(db());
    Run twice = fails({"orders", "ship", "jd-1", kOrder3});
    BOOST_TEST(contains(twice.err, "shipped, not allocated"), twice.err);
    Run short_order = fails({"orders", "ship", "tb-main", kOrder2});
    BOOST_TEST(contains(short_order.err, "short"), short_order.err);
    Run wrong_store = fails({"orders", "ship", "tb-main", kOrder3});
    BOOST_TEST(contains(wrong_store.err, kOrder3 + " is not stored in tb-main"), wrong_store.err);
    fails({"orders", "ship", "nope", kOrder3});
    require_same_dump(before, dump_db(db()));

    ok({"orders", "ship", "tb-main", kOrder1, "--carrier", "中通", "--tracking", "75310000000001"});
    tea = row_where(stock(), {{"sku", "TEA-001"}});
    BOOST_TEST(num(tea, "on_hand") == 5);
    BOOST_TEST(num(tea, "reserved") == 0);
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(short_order_allocates_when_the_stock_is_received) {
    ok({"orders", "import", fixture("orders_good.json")});
    Run none = ok({"orders", "allocate"});
    BOOST_TEST(contains(none.out, "0 waiting order(s)"), none.out);
    BOOST_TEST(str(row_where(list({"orders", "list"}), {{"order_id", kOrder2}}), "allocation") ==
               "short");
    ok({"stock", "receive", "MILK-01", "95", "-w", "CZ", "--batch", "L2", "--expiry",
        "2027-02-28"});
    Run after = ok({"orders", "allocate"});
    BOOST_TEST(contains(after.out, "0 waiting order(s)"), after.out);
    BOOST_TEST(str(row_where(list({"orders", "list"}), {{"order_id", kOrder2}}), "allocation") ==
               "allocated");
    json milk = row_where(stock(), {{"sku", "MILK-01"}});
    BOOST_TEST(num(milk, "reserved") == 100);
    BOOST_TEST(num(milk, "available") == 0);
    // Reserved stock is not available to a plain shipment.
    Run oversell = fails({"stock", "ship", "MILK-01", "1", "-w", "CZ"});
    BOOST_TEST(contains(oversell.err, "MILK-01"), oversell.err);
    ok({"check"});
}

BOOST_AUTO_TEST_CASE(masked_receiver_details_stored_verbatim) {
    ok({"orders", "import", fixture("orders_good.json")});
    const std::string where = " FROM shop_order WHERE platform_order_id = '" + kOrder1 + "'";
    BOOST_TEST(sql_text(db(), "SELECT receiver_name" + where) == "张**");
    BOOST_TEST(sql_text(db(), "SELECT receiver_phone" + where) == "138****5678");
    BOOST_TEST(sql_text(db(), "SELECT address" + where) == "湖塘镇**");
    BOOST_TEST(sql_text(db(), "SELECT district" + where) == "武进区");
    BOOST_TEST(sql_text(db(), "SELECT buyer_nick" + where) == "t**8");
    BOOST_TEST(sql_text(db(), "SELECT buyer_note" + where) == "请尽快发货");
    BOOST_TEST(sql_int(db(), "SELECT paid_amount_fen" + where) == 2500);
    BOOST_TEST(
        sql_text(
            db(),
            "SELECT title FROM order_line WHERE seller_code = 'TEA-001' ORDER BY id LIMIT 1") ==
        "西湖龙井 明前特级");
    BOOST_TEST(
        sql_int(db(), "SELECT unit_price_fen FROM order_line WHERE seller_code = 'MILK-01'") ==
        320);
    Run table = ok({"orders", "list"});
    BOOST_TEST(line_has(table.out, {kOrder1, "张**", "江苏省", "常州市"}), table.out);
    BOOST_TEST(line_has(table.out, {kOrder2, "李*"}), table.out);
}

BOOST_AUTO_TEST_SUITE_END()
