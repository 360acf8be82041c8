#include <boost/test/unit_test.hpp>
#include <map>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "ops/import_orders.h"
#include "ops/order_decisions.h"
#include "ops/order_intake.h"
#include "ops/order_review.h"
#include "ops/stock_service.h"
#include "store/base/audit_log.h"
#include "store/base/held_rows.h"
#include "store/orders/order_allocation.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/ledger_check.h"
#include "store/stock/stock_posting.h"
#include "store/stock/stock_queries.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace {

struct Shop {
    test::TempDir dir;
    Database db{test::test_database(dir, "orders.db"), test::fixed_clock()};
    Shop() {
        test::seed_small_shop(db);
        receive("CUP-1", 5);
    }
    void receive(const std::string& sku, Qty qty) {
        ops::StockService::Receive r;
        r.sku = sku;
        r.qty = qty;
        r.warehouse = "CZ";
        r.unit_cost = 800;
        if (sku == "TEA-1") {
            r.batch = "L1";
            r.expiry = "2027-12-31";
        }
        ops::StockService(db, test::test_actor()).receive(r);
    }
    Order order(const std::string& id, Qty cups, OrderStatus status = OrderStatus::to_ship) {
        Order o;
        o.store_id = 1;
        o.platform_order_id = id;
        o.status = status;
        o.receiver = {"张**", "138****5678", "江苏省", "常州市", "武进区", "湖塘镇***"};
        o.created_at = parse_time("2026-11-20T10:00:00+08:00", "t");
        o.modified_at = o.created_at;
        o.lines.push_back({0, "5012", "CUP-1", "陶瓷杯", cups, 1990});
        return o;
    }
    UpsertResult accept(const Order& o) {
        StockPosting p(db);
        UpsertResult r = ops::OrderIntake(p, Actor{"tester", "owner", "test"}).take(o).stored;
        p.commit();
        return r;
    }
    // Listing GIFT-9 sells two TEA-1 and a CUP-1.
    void map_gift_box() {
        WriteTransaction tx(db);
        CatalogueRepository c(db);
        c.save_mapping(
            {0, 1, "GIFT-9", {{c.require_sku("TEA-1").id, 2}, {c.require_sku("CUP-1").id, 1}}});
        tx.commit();
    }
    Qty reserved(const std::string& sku = "CUP-1") {
        auto rows = list_stock(db, {"CZ", sku});
        return rows.empty() ? 0 : rows.front().reserved;
    }
    Allocation allocation(const std::string& id) {
        return OrderRepository(db).find(*OrderRepository(db).find_id(1, id))->allocation;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(order_store, Shop)

BOOST_AUTO_TEST_CASE(import_reserves_and_reimport_never_duplicates) {
    BOOST_TEST((accept(order("3900000000000000001", 2)).outcome == UpsertOutcome::created));
    BOOST_TEST((accept(order("3900000000000000001", 2)).outcome == UpsertOutcome::unchanged));
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT count(*) FROM shop_order") == 1);
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT count(*) FROM order_line") == 1);
    BOOST_TEST(reserved() == 2);
    BOOST_TEST((allocation("3900000000000000001") == Allocation::allocated));
    Order stored = *OrderRepository(db).find(1);
    BOOST_TEST(stored.receiver.name == "张**");  // masked stays masked
    BOOST_TEST(stored.receiver.phone == "138****5678");
    BOOST_TEST(check_ledger(db).empty());
}

// A sync's batch names its orders first; which are stored is read for all of them at once
// (130 numbers: more than one chunk), and an order given twice is stored once.
BOOST_AUTO_TEST_CASE(orders_expected_together_are_looked_up_at_once) {
    for (const char* id : {"S1", "S2", "S3"})
        accept(order(id, 1));
    std::vector<Order> batch;
    for (int n = 0; n < 127; ++n)
        batch.push_back(order("N" + std::to_string(n), 1));
    for (const char* id : {"S1", "S2", "S3"})
        batch.push_back(order(id, 1));
    batch.back().modified_at += 60;
    batch.back().seller_memo = "newer";
    batch.push_back(order("N7", 1));
    std::map<UpsertOutcome, int> outcomes;
    {
        StockPosting p(db);
        ops::OrderIntake intake(p, Actor{"tester", "owner", "test"});
        intake.expect(batch);
        for (const Order& o : batch)
            ++outcomes[intake.take(o).stored.outcome];
        p.commit();
    }
    BOOST_TEST(outcomes[UpsertOutcome::created] == 127);
    BOOST_TEST(outcomes[UpsertOutcome::updated] == 1);
    BOOST_TEST(outcomes[UpsertOutcome::unchanged] == 3);
    std::vector<std::string> numbers;
    for (const Order& o : batch)
        numbers.push_back(o.platform_order_id);
    std::map<std::string, Id> found = OrderRepository(db).find_ids(1, numbers);
    BOOST_TEST(found.size() == 130u);
    BOOST_TEST(found.at("S3") == *OrderRepository(db).find_id(1, "S3"));
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT count(*) FROM shop_order") == 130);
    BOOST_TEST(OrderRepository(db).find_ids(2, numbers).empty());
}

// A batch's listings are mapped from one read (OrderAllocator::expect): a bundle reserves every
// component, a listing mapped to nothing holds nothing, one known by its seller code still maps.
BOOST_AUTO_TEST_CASE(a_batch_maps_its_listings_from_one_read) {
    receive("TEA-1", 10);
    map_gift_box();
    std::vector<Order> batch{order("M1", 1), order("M2", 1), order("M3", 1)};
    batch[0].lines[0] = {0, "GIFT-9", "", "礼盒", 2, 9990};
    batch[1].lines[0] = {0, "NEW-1", "", "新品", 1, 990};
    {
        StockPosting p(db);
        ops::OrderIntake intake(p, Actor{"tester", "owner", "test"});
        intake.expect(batch);
        for (const Order& o : batch)
            intake.take(o);
        p.commit();
    }
    BOOST_TEST(reserved("TEA-1") == 4);
    BOOST_TEST(reserved("CUP-1") == 3);
    BOOST_TEST((allocation("M1") == Allocation::allocated));
    BOOST_TEST((allocation("M2") == Allocation::unmapped));
    BOOST_TEST((allocation("M3") == Allocation::allocated));
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(changed_lines_release_and_reserve_again) {
    accept(order("A1", 2));
    Order more = order("A1", 4);
    more.modified_at += 60;
    UpsertResult r = accept(more);
    BOOST_TEST((r.outcome == UpsertOutcome::updated));
    BOOST_TEST(r.lines_changed);
    BOOST_TEST(reserved() == 4);
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(older_copy_is_ignored) {
    Order newer = order("A1", 2);
    newer.modified_at += 600;
    accept(newer);
    Order older = order("A1", 3);
    BOOST_TEST((accept(older).outcome == UpsertOutcome::stale));
    BOOST_TEST(reserved() == 2);
}

BOOST_AUTO_TEST_CASE(cancel_or_refund_releases_stock) {
    accept(order("A1", 2));
    Order refund = order("A1", 2, OrderStatus::refund_requested);
    refund.modified_at += 60;
    accept(refund);
    BOOST_TEST(reserved() == 0);
    BOOST_TEST((allocation("A1") == Allocation::none));
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(short_orders_wait_whole_and_are_allocated_by_the_receipt) {
    accept(order("A1", 4));
    accept(order("A2", 3));  // only 1 left: nothing is held for A2
    BOOST_TEST(reserved() == 4);
    BOOST_TEST((allocation("A2") == Allocation::short_stock));
    receive("CUP-1", 2);
    BOOST_TEST((allocation("A2") == Allocation::allocated));
    BOOST_TEST(reserved() == 7);
    StockPosting p(db);
    BOOST_TEST(OrderAllocator(p, ops::rules_actor()).allocate_waiting() == 0);
    p.commit();
    BOOST_TEST(list_stock(db, {"CZ", "CUP-1"}).front().available == 0);
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(bundle_mapping_reserves_every_component) {
    receive("TEA-1", 10);
    map_gift_box();
    Order o = order("B1", 1);
    o.lines[0] = {0, "GIFT-9", "", "礼盒", 2, 9990};
    accept(o);
    BOOST_TEST(reserved("TEA-1") == 4);
    BOOST_TEST(reserved("CUP-1") == 2);
}

BOOST_AUTO_TEST_CASE(unmapped_lines_hold_nothing) {
    Order o = order("U1", 1);
    o.lines[0] = {0, "999", "NO-SUCH", "?", 1, 100};
    accept(o);
    BOOST_TEST((allocation("U1") == Allocation::unmapped));
    BOOST_TEST(reserved() == 0);
}

BOOST_AUTO_TEST_CASE(shipping_consumes_the_reservation) {
    accept(order("A1", 2));
    StockPosting p(db);
    MovementContext ctx;
    ctx.at = test::kNow;
    ctx.doc = "A1";
    ctx.actor = test::test_actor();
    auto moved = OrderAllocator(p, ops::rules_actor()).ship(1, ctx);
    p.commit();
    BOOST_TEST_REQUIRE(moved.size() == 1u);
    BOOST_TEST(moved[0].qty == -2);
    auto history = order_movements(db, "A1");
    BOOST_TEST_REQUIRE(history.size() == 1u);
    BOOST_TEST(history[0].kind == "ship");
    BOOST_TEST(history[0].actor.user == "tester");
    auto row = list_stock(db, {"CZ", "CUP-1"}).front();
    BOOST_TEST(row.on_hand == 3);
    BOOST_TEST(row.reserved == 0);
    Order shipped = *OrderRepository(db).find(1);
    BOOST_TEST((shipped.status == OrderStatus::shipped));
    BOOST_TEST((shipped.allocation == Allocation::shipped));
    {
        StockPosting again(db);
        BOOST_CHECK_THROW(OrderAllocator(again, ops::rules_actor()).ship(1, ctx),
                          StockRuleViolation);
    }
    // The platform keeps saying "to ship" until the confirmation reaches it.
    BOOST_TEST((accept(order("A1", 2)).outcome == UpsertOutcome::unchanged));
    BOOST_TEST((OrderRepository(db).find(1)->status == OrderStatus::shipped));
    Order refunded = order("A1", 2, OrderStatus::refund_requested);
    refunded.modified_at += 60;
    accept(refunded);
    BOOST_TEST((OrderRepository(db).find(1)->status == OrderStatus::refund_requested));
    BOOST_TEST((OrderRepository(db).find(1)->allocation == Allocation::shipped));
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_CASE(hold_priority_and_note_are_audited_and_hold_blocks_shipping) {
    accept(order("A1", 2));
    BOOST_CHECK_THROW(ops::hold_order(db, test::test_actor(), 1, ""), InvalidInput);
    ops::hold_order(db, test::test_actor(), 1, "买家要改地址");
    BOOST_TEST(OrderHoldRepository(db).find(1)->reason == "买家要改地址");
    MovementContext ctx;
    ctx.at = test::kNow;
    ctx.doc = "A1";
    ctx.actor = test::test_actor();
    {
        StockPosting p(db);
        BOOST_CHECK_THROW(OrderAllocator(p, ops::rules_actor()).ship(1, ctx), StockRuleViolation);
    }
    BOOST_TEST(reserved() == 2);  // held, still reserved
    ops::release_order(db, test::test_actor(), 1);
    BOOST_CHECK_THROW(ops::release_order(db, test::test_actor(), 1), InvalidInput);
    ops::set_order_priority(db, test::test_actor(), 1, 1);
    BOOST_CHECK_THROW(ops::set_order_priority(db, test::test_actor(), 1, 10), InvalidInput);
    ops::set_order_note(db, test::test_actor(), 1, "发顺丰");
    BOOST_CHECK_THROW(ops::hold_order(db, test::test_actor(), 99, "x"), NotFound);
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT priority FROM shop_order WHERE id = 1") == 1);
    BOOST_TEST(testing::SqlProbe(db).text("SELECT note FROM shop_order WHERE id = 1") == "发顺丰");
    auto log = audit_entries(db, {.limit = 10});
    BOOST_TEST_REQUIRE(log.size() >= 4u);
    BOOST_TEST(log[0].action == "order.note");
    BOOST_TEST(log[3].action == "order.hold");
    BOOST_TEST(log[3].actor.workstation == "test-station");
    StockPosting p(db);
    BOOST_TEST(OrderAllocator(p, ops::rules_actor()).ship(1, ctx).size() == 1u);
    p.commit();
}

BOOST_AUTO_TEST_CASE(order_ids_stay_exact_strings) {
    accept(order("18446744073709551615123", 1));
    auto list = OrderRepository(db).list({});
    BOOST_TEST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0].platform_order_id == "18446744073709551615123");
    BOOST_TEST(list[0].paid_amount == 0);
    BOOST_TEST(list[0].units == 1);
}

// Long use cases share one progress and cancel (core/base/progress.h): an order file counts its
// orders, and a cancel keeps none of them.
BOOST_AUTO_TEST_CASE(an_order_import_counts_and_a_cancel_keeps_nothing) {
    auto file = [](int n) {
        std::string json = "[";
        for (int i = 0; i < n; ++i)
            json += std::string(i ? "," : "") + R"({"store": "tb-main", "platform_order_id": "P)" +
                    std::to_string(i) +
                    R"(", "status": "to_ship", "created_at": "2026-11-20T10:00:00+08:00",
                       "modified_at": "2026-11-20T10:00:00+08:00",
                       "lines": [{"seller_code": "CUP-1", "quantity": 1, "unit_price": "19.90"}]})";
        return json + "]";
    };
    Progress progress;
    ops::OrdersImported r =
        ops::import_orders(db, test::test_actor(), file(3), "o.json", &progress);
    BOOST_TEST(r.created == 3);
    BOOST_TEST(progress.total == 3);
    BOOST_TEST(progress.done == 3);
    const std::string before = test::dump_content(db);
    Progress stopped;
    stopped.cancel = true;
    BOOST_CHECK_THROW(ops::import_orders(db, test::test_actor(), file(5), "o.json", &stopped),
                      Cancelled);
    BOOST_TEST(test::dump_content(db) == before);
}

// On a server a new order's rows wait to be sent with others (store/base/held_rows.h): every
// later statement still sees them, a cell changed while they wait is written changed, a
// savepoint or change undone drops them, and a line never reaches the server before its order.
// On a file they are written at once and none is held.
BOOST_AUTO_TEST_CASE(held_new_orders_are_seen_changed_and_undone_as_if_written) {
    testing::SqlProbe probe(db);
    HeldRows& held = db.held_rows();
    auto lines_of = [&](Id id) {
        return probe.integer("SELECT count(*) FROM order_line WHERE order_id = ?", {id});
    };
    {
        WriteTransaction tx(db);
        OrderRepository orders(db);
        const UpsertResult a = orders.upsert(order("H1", 1), std::nullopt);
        BOOST_TEST((held.cell("shop_order", a.id, "allocation") != nullptr) == test::on_postgres());
        // What touches nothing they do leaves them waiting: another table, or one they refer
        // to read.
        probe.integer("SELECT count(*) FROM sku_barcode");
        probe.integer("SELECT count(*) FROM warehouse");
        if (HeldRows::Value* v = held.cell("shop_order", a.id, "allocation"))
            *v = HeldRows::Value::of(std::string("short"));
        BOOST_TEST((held.cell("shop_order", a.id, "allocation") != nullptr) == test::on_postgres());
        // Reading or adding rows that refer to them leaves them waiting too: while rows are
        // held, foreign keys are checked at COMMIT.
        probe.integer("SELECT count(*) FROM order_tag");
        probe.exec("INSERT INTO order_tag(order_id, tag) VALUES (?, 'vip')", {a.id});
        BOOST_TEST((held.cell("shop_order", a.id, "allocation") != nullptr) == test::on_postgres());
        BOOST_TEST(probe.text("SELECT allocation FROM shop_order WHERE id = ?", {a.id}) ==
                   (test::on_postgres() ? "short" : "none"));  // names them: sent before it
        BOOST_TEST(held.cell("shop_order", a.id, "allocation") == nullptr);
        BOOST_TEST(lines_of(a.id) == 1);
        // A change to a table they refer to finds them there.
        const UpsertResult d = orders.upsert(order("H0", 1), std::nullopt);
        probe.exec("UPDATE shop_store SET name = name WHERE id = ?", {1});
        BOOST_TEST(held.cell("shop_order", d.id, "allocation") == nullptr);
        tx.commit();
    }
    {
        // Lines held before a new order's header (on a connection that held no order yet)
        // still follow it to the server.
        Database other(test::test_database(dir, "orders.db"), test::fixed_clock());
        WriteTransaction tx(other);
        OrderRepository orders(other);
        const Id a = *orders.find_id(1, "H1");
        Order changed = order("H1", 2);
        changed.modified_at += 60;
        orders.upsert(changed, orders.find(a));
        const UpsertResult b = orders.upsert(order("H2", 1), std::nullopt);
        {
            WriteTransaction undone(other);
            const UpsertResult c = orders.upsert(order("H3", 1), std::nullopt);
            BOOST_TEST((other.held_rows().cell("order_line", c.line_ids.front(), "title") !=
                        nullptr) == test::on_postgres());
        }
        tx.commit();
        BOOST_TEST(lines_of(b.id) == 1);
    }
    BOOST_TEST(probe.integer("SELECT count(*) FROM shop_order") == 3);
    BOOST_TEST(probe.integer("SELECT sum(quantity) FROM order_line") == 4);

    // A failure among held rows fails the change (here at COMMIT), and nothing of it stays
    // held for the next one.
    BOOST_CHECK_THROW(
        {
            WriteTransaction tx(db);
            probe.exec(
                "INSERT INTO shop_order(store_id, platform_order_id, status, created_at, "
                "modified_at) VALUES (1, 'H4', 'to_ship', 0, 0)");
            OrderRepository(db).upsert(order("H4", 1), std::nullopt);
            tx.commit();
        },
        std::exception);
    // A row referring to an order that is nowhere fails the change all the same.
    BOOST_CHECK_THROW(
        {
            WriteTransaction tx(db);
            OrderRepository(db).upsert(order("H6", 1), std::nullopt);
            probe.exec("INSERT INTO order_tag(order_id, tag) VALUES (?, 'vip')", {999999});
            tx.commit();
        },
        std::exception);
    {
        WriteTransaction tx(db);
        OrderRepository(db).upsert(order("H5", 1), std::nullopt);
    }  // undone
    {
        WriteTransaction tx(db);
        audit(db, test::test_actor(), "test.after", "held");
        tx.commit();
    }
    BOOST_TEST(probe.integer("SELECT count(*) FROM shop_order WHERE platform_order_id IN "
                             "('H3', 'H4', 'H5', 'H6')") == 0);
    BOOST_TEST(check_ledger(db).empty());
}

BOOST_AUTO_TEST_SUITE_END()
