// restock suggest/approve and po create/list/show/receive/cancel through the real dianjia-cli on
// a real SQLite file: approved suggestions become purchase orders and count as on order,
// receiving posts receipts at the order's cost line by line, refusals change nothing.
#include "cli/cli_support.h"
#include "core/base/clock.h"
#include "test_clock.h"

using namespace cli_test;
using nlohmann::json;

namespace {

// "2026-11-19T05:04:16Z" for `days` days before the tests' now (the CLI's DIANJIA_NOW).
std::string days_ago(int days) {
    return dj::format_utc(dj::test::kNow - days * 86400LL);
}

// StockShop with supplier SUP1 (lead time 4 days, multiple 6) for TEA-001, and 28 of 30
// TEA-001 shipped from CZ three days ago: d 1, σ √27, SS ceil(1.645·√27·2) = 18, ROP 22,
// available 2 → 22 + 7 − 2 = 27, rounded up to 30. MILK-01 has demand but no supplier.
struct PurchaseShop : StockShop {
    PurchaseShop() {
        ok({"supplier", "add", "SUP1", "龙井茶园", "--lead-days", "4", "--multiple", "6"});
        ok({"sku", "supplier", "TEA-001", "SUP1"});
        ok({"stock", "receive", "TEA-001", "30", "-w", "CZ", "--cost", "10.00", "--at",
            days_ago(5)});
        ok({"stock", "ship", "TEA-001", "28", "-w", "CZ", "--doc", "SO-OLD", "--at", days_ago(3)});
        ok({"stock", "receive", "MILK-01", "4", "-w", "CZ", "--cost", "3.20", "--batch", "L1",
            "--expiry", "2030-01-31", "--at", days_ago(5)});
        ok({"stock", "ship", "MILK-01", "4", "-w", "CZ", "--at", days_ago(2)});
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_purchase, PurchaseShop)

BOOST_AUTO_TEST_CASE(restock_approve_orders_each_suggestion_from_its_supplier) {
    json suggested = list({"restock", "suggest"});
    json tea = row_where(suggested, {{"sku", "TEA-001"}, {"warehouse", "CZ"}});
    BOOST_TEST(str(tea, "supplier") == "SUP1");
    BOOST_TEST(num(tea, "ss") == 18);
    BOOST_TEST(num(tea, "rop") == 22);
    BOOST_TEST(num(tea, "position") == 2);
    BOOST_TEST(num(tea, "suggested") == 30);
    BOOST_TEST(num(row_where(suggested, {{"sku", "MILK-01"}}), "suggested") > 0);

    Run approve = ok_json({"restock", "approve"});
    json orders = parse_json(approve);
    BOOST_TEST_REQUIRE(orders.size() == 1u);  // MILK-01 has nobody to order from
    BOOST_TEST(contains(approve.err, "MILK-01"), approve.err);
    BOOST_TEST(contains(approve.err, "sku supplier"), approve.err);
    const json& po = orders[0];
    BOOST_TEST(str(po, "supplier") == "SUP1");
    BOOST_TEST(str(po, "warehouse") == "CZ");
    BOOST_TEST(str(po, "status") == "ordered");
    BOOST_TEST(num(po, "ordered") == 30);
    BOOST_TEST(num(po, "open") == 30);
    BOOST_TEST(line_has(approve.out, {"\"total\": 300.00"}), approve.out);  // at the last cost
    std::string no = str(po, "no");
    BOOST_TEST(sql_int(db(),
                       "SELECT count(*) FROM audit_log WHERE action = 'po.create' AND "
                       "subject = '" +
                           no + "' AND user = '" + kUser + "'") == 1);

    // What is on order counts in the position: nothing more to suggest, nothing to approve.
    json after = list({"restock", "suggest", "--all"});
    json tea_after = row_where(after, {{"sku", "TEA-001"}, {"warehouse", "CZ"}});
    BOOST_TEST(num(tea_after, "on_order") == 30);
    BOOST_TEST(num(tea_after, "position") == 32);
    BOOST_TEST(num(tea_after, "suggested") == 0);
    BOOST_TEST(list({"restock", "approve"}).empty());
    json listed = list({"po", "list"});
    BOOST_TEST_REQUIRE(listed.size() == 1u);
    BOOST_TEST(str(listed[0], "no") == no);

    json lines = list({"po", "show", no});
    BOOST_TEST_REQUIRE(lines.size() == 1u);
    BOOST_TEST(str(lines[0], "sku") == "TEA-001");
    BOOST_TEST(num(lines[0], "qty") == 30);
}

BOOST_AUTO_TEST_CASE(po_create_list_receive_by_line_and_cancel) {
    ok({"supplier", "add", "SUP2", "瓷器厂", "--lead-days", "10"});
    Run created = ok_json({"po", "create", "SUP2", "--line", "TEA-001:10:9.50", "--line",
                           "CUP-01:24", "--warehouse", "CZ", "--expected", "2026-12-01"});
    json po = parse_json(created).at(0);
    std::string no = str(po, "no");
    BOOST_TEST(str(po, "status") == "ordered");
    BOOST_TEST(num(po, "lines") == 2);
    BOOST_TEST(num(po, "ordered") == 34);
    // 10 × 9.50 + 24 × 8.00 (CUP-01 was never bought: its standard cost).
    BOOST_TEST(line_has(created.out, {"\"total\": 287.00"}), created.out);
    BOOST_TEST(str(po, "expected_at") == "2026-11-30T16:00:00Z");  // shop midnight

    // Part of one line arrives: a receipt at the order's cost, documented with its number.
    json received = list({"po", "receive", no, "--line", "TEA-001:4"});
    BOOST_TEST_REQUIRE(received.size() == 1u);
    BOOST_TEST(str(received[0], "kind") == "receive");
    BOOST_TEST(str(received[0], "doc") == no);
    BOOST_TEST(received[0].at("unit_cost").get<double>() == 9.5);
    json listed = list({"po", "list", "--status", "partly_received"});
    BOOST_TEST_REQUIRE(listed.size() == 1u);
    BOOST_TEST(num(listed[0], "open") == 30);
    json receipt = row_where(list({"ledger", "--sku", "TEA-001"}), {{"doc", no}});
    BOOST_TEST(str(receipt, "kind") == "receive");
    BOOST_TEST(num(receipt, "qty") == 4);
    BOOST_TEST(receipt.at("unit_cost").get<double>() == 9.5);
    json tea =
        row_where(list({"restock", "suggest", "--all"}), {{"sku", "TEA-001"}, {"warehouse", "CZ"}});
    BOOST_TEST(num(tea, "on_order") == 6);
    json show = list({"po", "show", no});
    BOOST_TEST(num(row_where(show, {{"sku", "TEA-001"}}), "received") == 4);
    BOOST_TEST(num(row_where(show, {{"sku", "CUP-01"}}), "received") == 0);

    // More than is open, or a SKU not on the order: refused, nothing changes.
    auto before = dump_db(db());
    Run over = fails({"po", "receive", no, "--line", "TEA-001:7"});
    BOOST_TEST(contains(over.err, "6"), over.err);
    fails({"po", "receive", no, "--line", "MILK-01:1"});
    fails({"po", "receive", no, "--line", "TEA-001"});
    Run cancel_received = fails({"po", "cancel", no, "--reason", "不要了"});
    BOOST_TEST(contains(cancel_received.err, "po close"), cancel_received.err);
    require_same_dump(before, dump_db(db()));

    // The rest arrives: received, nothing left on order; the table shows the order's state.
    Run rest = ok({"po", "receive", no});
    BOOST_TEST(contains(rest.out, no), rest.out);
    BOOST_TEST(contains(rest.out, "received"), rest.out);
    json done = list({"po", "list", "--supplier", "SUP2"});
    BOOST_TEST(str(done.at(0), "status") == "received");
    BOOST_TEST(num(done.at(0), "open") == 0);
    json levels = stock();
    BOOST_TEST(num(row_where(levels, {{"sku", "CUP-01"}, {"warehouse", "CZ"}}), "on_hand") == 24);
    BOOST_TEST(num(row_where(levels, {{"sku", "TEA-001"}, {"warehouse", "CZ"}}), "on_hand") == 12);

    // A second order is cancelled before anything arrives: no longer on order.
    json second = list({"po", "create", "SUP2", "--line", "CUP-01:12", "--warehouse", "CZ"});
    std::string no2 = str(second.at(0), "no");
    BOOST_TEST(no2 != no);
    json cancelled = list({"po", "cancel", no2, "--reason", "供应商缺货"});
    BOOST_TEST(str(cancelled.at(0), "status") == "cancelled");
    BOOST_TEST(sql_int(db(), "SELECT count(*) FROM audit_log WHERE action = 'po.cancel'") == 1);
    Run late = fails({"po", "receive", no2});
    BOOST_TEST(contains(late.err, no2), late.err);
    json cup = row_where(list({"restock", "suggest", "--all"}), {{"sku", "CUP-01"}});
    BOOST_TEST(num(cup, "on_order") == 0);
    BOOST_TEST(list({"po", "list", "--status", "cancelled"}).size() == 1u);
    BOOST_TEST(list({"po", "list"}).size() == 2u);
}

BOOST_AUTO_TEST_CASE(po_create_refuses_bad_lines_and_unknown_suppliers) {
    auto before = dump_db(db());
    Run unknown = fails({"po", "create", "NOBODY", "--line", "TEA-001:1", "--warehouse", "CZ"});
    BOOST_TEST(contains(unknown.err, "NOBODY"), unknown.err);
    Run shape = fails({"po", "create", "SUP1", "--line", "TEA-001", "--warehouse", "CZ"});
    BOOST_TEST(contains(shape.err, "SKU:QTY"), shape.err);
    fails({"po", "create", "SUP1", "--line", "TEA-001:0", "--warehouse", "CZ"});
    fails({"po", "create", "SUP1", "--line", "TEA-001:2:-1", "--warehouse", "CZ"});
    fails({"po", "create", "SUP1", "--line", "NOPE-1:2", "--warehouse", "CZ"});
    Run twice = fails({"po", "create", "SUP1", "--line", "TEA-001:1", "--line", "TEA-001:2",
                       "--warehouse", "CZ"});
    BOOST_TEST(contains(twice.err, "two lines"), twice.err);
    Run where = fails({"po", "create", "SUP1", "--line", "TEA-001:1"});  // CZ or SH?
    BOOST_TEST(contains(where.err, "--warehouse"), where.err);
    fails({"po", "receive", "PO-19990101-001"});
    // Dates that make no sense: goods due yesterday, a report of a month not begun.
    Run past = fails({"po", "create", "SUP1", "--line", "TEA-001:1", "--warehouse", "CZ",
                      "--expected", "2026-11-01"});
    BOOST_TEST(contains(past.err, "2026-11-01"), past.err);
    BOOST_TEST(contains(past.err, "in the past"), past.err);
    Run future = fails({"report", "month-end", "--period", "2030-01"});
    BOOST_TEST(contains(future.err, "2030-01 has not begun"), future.err);
    Run ahead = fails({"report", "month-end", "--from", "2026-11-25", "--to", "2026-11-30"});
    BOOST_TEST(contains(ahead.err, "not begun"), ahead.err);
    require_same_dump(before, dump_db(db()));
    // Today is fine for both: the month in progress, goods due today.
    ok({"report", "month-end", "--period", "2026-11"});
    ok({"po", "create", "SUP1", "--line", "TEA-001:1", "--warehouse", "CZ", "--expected",
        "2026-11-24"});
}

BOOST_AUTO_TEST_CASE(restock_counts_what_waiting_orders_still_lack) {
    // 12 TEA-001 and 5 CUP-01 (never stocked in CZ) wait, short of stock.
    ok({"store", "add", "--code", "tb-main", "--name", "天猫旗舰店", "--platform", "taobao",
        "--warehouse", "CZ"});
    fs::path file = dir() / "short.json";
    write_all(file, R"([{"store": "tb-main", "platform_order_id": "SHORT-1", "status": "to_ship",
        "receiver": {"name": "张**", "province": "江苏省", "city": "常州市", "address": "**"},
        "paid_amount": "150.00", "created_at": "2026-11-24T09:00:00+08:00",
        "paid_at": "2026-11-24T09:00:00+08:00", "modified_at": "2026-11-24T09:00:00+08:00",
        "lines": [{"seller_code": "TEA-001", "title": "龙井", "quantity": 12, "unit_price": "12.50"}]},
      {"store": "tb-main", "platform_order_id": "SHORT-2", "status": "to_ship",
        "receiver": {"name": "李*", "province": "江苏省", "city": "常州市", "address": "**"},
        "paid_amount": "40.00", "created_at": "2026-11-24T09:10:00+08:00",
        "paid_at": "2026-11-24T09:10:00+08:00", "modified_at": "2026-11-24T09:10:00+08:00",
        "lines": [{"seller_code": "CUP-01", "title": "茶杯", "quantity": 5, "unit_price": "8.00"}]}])");
    ok({"orders", "import", file.string()});
    json suggested = list({"restock", "suggest"});
    // position = available 2 − backlog 12 + 0 + 0 = −10; 22 + 7 − (−10) = 39, in sixes 42.
    json tea = row_where(suggested, {{"sku", "TEA-001"}, {"warehouse", "CZ"}});
    BOOST_TEST(num(tea, "backlog") == 12);
    BOOST_TEST(num(tea, "position") == -10);
    BOOST_TEST(num(tea, "suggested") == 42);
    // No demand history, no stock: the waiting 5 are what to order.
    json cup = row_where(suggested, {{"sku", "CUP-01"}, {"warehouse", "CZ"}});
    BOOST_TEST(num(cup, "backlog") == 5);
    BOOST_TEST(num(cup, "position") == -5);
    BOOST_TEST(num(cup, "suggested") == 5);
}

BOOST_AUTO_TEST_CASE(receiving_an_expired_batch_needs_to_be_meant) {
    std::string no = str(parse_json(ok_json({"po", "create", "SUP1", "--line", "TEA-001:20",
                                             "--warehouse", "CZ"}))[0],
                         "no");
    auto before = dump_db(db());
    Run refused = fails({"po", "receive", no, "--batch", "B1202", "--expiry", "2026-11-01"});
    BOOST_TEST(contains(refused.err, "2026-11-01"), refused.err);
    BOOST_TEST(contains(refused.err, "--accept-expired"), refused.err);
    require_same_dump(before, dump_db(db()));
    ok({"po", "receive", no, "--batch", "B1202", "--expiry", "2026-11-01", "--accept-expired"});
    json tea = row_where(list({"stock", "list", "--sku", "TEA-001"}), {{"warehouse", "CZ"}});
    BOOST_TEST(num(tea, "on_hand") == 22);
    BOOST_TEST(num(tea, "unshippable") == 20);
    BOOST_TEST(num(tea, "available") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
