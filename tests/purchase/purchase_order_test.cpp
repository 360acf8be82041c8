// Purchase orders on a real database file: approved from restock suggestions, received in part
// through ops::StockService at the order's cost, counted as on order in the next suggestion, and
// refused (changing nothing) when a receipt is more than is open or the order is closed.
#include <boost/test/unit_test.hpp>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "ops/purchasing.h"
#include "ops/stock_service.h"
#include "store/purchasing/restock_queries.h"
#include "store/stock/catalogue_repository.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace {

// CUP-1 from SUP1 (lead time 4, multiple 6), TEA-1 from SUP2 (lead time 2, multiple 1), both
// in CZ, each with shipments three days ago so both need restocking.
struct Shop {
    test::TempDir dir;
    Database db{test::test_database(dir, "shop.db"), test::fixed_clock()};
    ops::StockService stock{db, test::test_actor()};

    Shop() {
        test::seed_small_shop(db);
        CatalogueRepository cat(db);
        Id sup1 = cat.save_supplier({0, "SUP1", "Supplier 1", 4, 6});
        Id sup2 = cat.save_supplier({0, "SUP2", "Supplier 2", 2, 1});
        for (auto [code, sup] : {std::pair{"CUP-1", sup1}, std::pair{"TEA-1", sup2}}) {
            Sku k = cat.require_sku(code);
            k.supplier_id = sup;
            cat.save_sku(k);
        }
        receive("CUP-1", 30, 800);
        receive("TEA-1", 10, 2000);
        stock.post_at(test::kNow - 3 * 86400);
        stock.ship("CUP-1", 28, "CZ", "SO-1");
        stock.ship("TEA-1", 7, "CZ", "SO-2");
    }
    void receive(const std::string& sku, Qty qty, Fen cost) {
        ops::StockService::Receive r;
        r.sku = sku;
        r.qty = qty;
        r.warehouse = "CZ";
        r.unit_cost = cost;
        if (sku == "TEA-1") {
            r.batch = "L1";
            r.expiry = "2030-01-01";
        }
        stock.receive(r);
    }
    RestockLine line(const std::string& sku) {
        for (const RestockLine& l : restock_lines(db, test::kNow, {}))
            if (l.sku == sku && l.warehouse == "CZ") return l;
        BOOST_FAIL("no restock line for " + sku);
        return {};
    }
    PurchaseOrder cups_ordered(Qty qty) {
        ops::PoRequest r;
        r.supplier = "SUP1";
        r.warehouse = "CZ";
        r.lines = {{"CUP-1", qty, 950}};
        return ops::create_purchase_order(db, test::test_actor(), r);
    }
};

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const InvalidInput& e) {
        return e.what();
    }
    BOOST_FAIL("not refused");
    return {};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(purchase_orders, Shop)

// CUP-1: d 1, σ √27, LT 4 → ROP 22; position 2 → 22 + 7 − 2 = 27, multiple 6 → 30.
BOOST_AUTO_TEST_CASE(approve_makes_one_order_per_supplier_at_the_suggested_quantities) {
    Qty tea_suggested = line("TEA-1").suggested;
    BOOST_TEST_REQUIRE(tea_suggested > 0);
    BOOST_TEST(line("CUP-1").suggested == 30);

    ops::RestockApproval a = ops::approve_restock(db, test::test_actor(), {});
    BOOST_TEST(a.without_supplier.empty());
    BOOST_TEST_REQUIRE(a.orders.size() == 2u);
    const PurchaseOrder& sup1 = a.orders[0].supplier == "SUP1" ? a.orders[0] : a.orders[1];
    const PurchaseOrder& sup2 = a.orders[0].supplier == "SUP1" ? a.orders[1] : a.orders[0];
    BOOST_TEST(sup1.supplier == "SUP1");
    BOOST_TEST(sup2.supplier == "SUP2");
    BOOST_TEST(sup1.no != sup2.no);
    BOOST_TEST(sup1.warehouse == "CZ");
    BOOST_TEST((sup1.status == PoStatus::ordered));
    BOOST_TEST_REQUIRE(sup1.lines.size() == 1u);
    BOOST_TEST(sup1.lines[0].sku == "CUP-1");
    BOOST_TEST(sup1.lines[0].qty == 30);
    BOOST_TEST(sup1.lines[0].qty % 6 == 0);
    BOOST_TEST(sup1.lines[0].unit_cost == 800);  // last purchase cost
    BOOST_TEST_REQUIRE(sup2.lines.size() == 1u);
    BOOST_TEST(sup2.lines[0].sku == "TEA-1");
    BOOST_TEST(sup2.lines[0].qty == tea_suggested);

    // Ordered now: on order in the position, nothing more suggested, a second approval no-op.
    RestockLine cup = line("CUP-1");
    BOOST_TEST(cup.on_order == 30);
    BOOST_TEST(cup.position == 32);
    BOOST_TEST(cup.suggested == 0);
    BOOST_TEST(ops::approve_restock(db, test::test_actor(), {}).orders.empty());
    BOOST_TEST(list_purchase_orders(db, {}).size() == 2u);
}

BOOST_AUTO_TEST_CASE(partial_receipt_posts_at_the_order_cost_and_leaves_the_rest_on_order) {
    PurchaseOrder po = cups_ordered(30);
    ops::PoReceipt r =
        ops::receive_purchase_order(db, test::test_actor(), po.no, {{{"CUP-1", 12}}, "", "", ""});
    BOOST_TEST_REQUIRE(r.movements.size() == 1u);
    const Movement& m = r.movements[0];
    BOOST_TEST((m.kind == MovementKind::receive));
    BOOST_TEST(m.qty == 12);
    BOOST_TEST(m.unit_cost == 950);
    BOOST_TEST(m.value == 12 * 950);
    BOOST_TEST(m.doc == po.no);
    BOOST_TEST((r.order.status == PoStatus::partly_received));
    BOOST_TEST(r.order.lines[0].received == 12);
    BOOST_TEST(r.order.open_qty() == 18);

    // available 2 + 12 received, 18 still on order; ROP 22 → position 32 needs nothing.
    RestockLine cup = line("CUP-1");
    BOOST_TEST(cup.available == 14);
    BOOST_TEST(cup.on_order == 18);
    BOOST_TEST(cup.position == 32);
    BOOST_TEST(cup.suggested == 0);

    ops::PoReceipt rest =
        ops::receive_purchase_order(db, test::test_actor(), po.no, {});  // everything still open
    BOOST_TEST(rest.movements.at(0).qty == 18);
    BOOST_TEST((rest.order.status == PoStatus::received));
    BOOST_TEST(line("CUP-1").on_order == 0);
}

BOOST_AUTO_TEST_CASE(one_receipt_books_each_line_with_its_own_batch_and_place) {
    ops::PoRequest r;
    r.supplier = "SUP2";
    r.warehouse = "CZ";
    r.lines = {{"TEA-1", 10, 2100}};
    PurchaseOrder po = ops::create_purchase_order(db, test::test_actor(), r);
    ops::PoReceiveRequest two;
    two.lines = {{"TEA-1", 4, "", "L2", "2030-03-01"}, {"TEA-1", 5, "", "L3", "2030-06-01"}};
    ops::PoReceipt got = ops::receive_purchase_order(db, test::test_actor(), po.no, two);
    BOOST_TEST_REQUIRE(got.movements.size() == 2u);
    BOOST_TEST(got.order.lines[0].received == 9);
    BOOST_TEST((got.order.status == PoStatus::partly_received));
    BOOST_TEST(got.movements[0].qty == 4);
    BOOST_TEST(got.movements[1].qty == 5);
    BOOST_TEST((got.movements[0].batch_id != got.movements[1].batch_id));

    // Together more than is open: refused as a whole, nothing booked.
    std::string before = test::dump_content(db);
    ops::PoReceiveRequest over;
    over.lines = {{"TEA-1", 1, "", "L4", "2030-07-01"}, {"TEA-1", 1, "", "L5", "2030-07-01"}};
    BOOST_TEST(refusal([&] {
                   ops::receive_purchase_order(db, test::test_actor(), po.no, over);
               }).find("so 1 are open; 2 cannot") != std::string::npos);
    BOOST_TEST(test::dump_content(db) == before);
    // The same batch twice is a mistake, not two boxes.
    ops::PoReceiveRequest twice;
    twice.lines = {{"TEA-1", 1, "", "L2", "2030-03-01"}, {"TEA-1", 1, "", "L2", "2030-03-01"}};
    BOOST_TEST(refusal([&] {
                   ops::receive_purchase_order(db, test::test_actor(), po.no, twice);
               }).find("given twice") != std::string::npos);
    BOOST_TEST(test::dump_content(db) == before);
}

BOOST_AUTO_TEST_CASE(over_receipt_and_receipt_on_a_closed_order_change_nothing) {
    PurchaseOrder po = cups_ordered(30);
    ops::receive_purchase_order(db, test::test_actor(), po.no, {{{"CUP-1", 12}}, "", "", ""});
    std::string before = test::dump_content(db);

    std::string over = refusal([&] {
        ops::receive_purchase_order(db, test::test_actor(), po.no, {{{"CUP-1", 19}}, "", "", ""});
    });
    BOOST_TEST(over.find(po.no) != std::string::npos);
    BOOST_TEST(over.find("CUP-1") != std::string::npos);
    BOOST_TEST(over.find("18 are open") != std::string::npos);
    BOOST_TEST(test::dump_content(db) == before);

    std::string stranger = refusal([&] {
        ops::receive_purchase_order(db, test::test_actor(), po.no, {{{"TEA-1", 1}}, "", "", ""});
    });
    BOOST_TEST(stranger.find("no line for SKU TEA-1") != std::string::npos);
    BOOST_TEST(test::dump_content(db) == before);

    BOOST_CHECK_THROW(ops::cancel_purchase_order(db, test::test_actor(), po.no, "late"),
                      InvalidInput);  // received goods: close it
    PurchaseOrder closed =
        ops::close_purchase_order(db, test::test_actor(), po.no, "supplier out of stock");
    BOOST_TEST((closed.status == PoStatus::received));
    BOOST_TEST(line("CUP-1").on_order == 0);
    before = test::dump_content(db);
    std::string refused = refusal([&] {
        ops::receive_purchase_order(db, test::test_actor(), po.no, {{{"CUP-1", 1}}, "", "", ""});
    });
    BOOST_TEST(refused.find(po.no + " is received") != std::string::npos);
    BOOST_TEST(test::dump_content(db) == before);

    PurchaseOrder other = cups_ordered(6);
    ops::cancel_purchase_order(db, test::test_actor(), other.no, "ordered twice");
    std::string cancelled =
        refusal([&] { ops::receive_purchase_order(db, test::test_actor(), other.no, {}); });
    BOOST_TEST(cancelled.find("is cancelled") != std::string::npos);
    BOOST_CHECK_THROW(ops::receive_purchase_order(db, test::test_actor(), "PO-NONE", {}), NotFound);
}

BOOST_AUTO_TEST_CASE(quantities_and_costs_have_limits) {
    BOOST_TEST(refusal([&] { cups_ordered(kMaxPoQty + 1); }).find("1 to 1000000") !=
               std::string::npos);
    BOOST_TEST(refusal([&] { cups_ordered(0); }).find("CUP-1") != std::string::npos);
    ops::PoRequest dear;
    dear.supplier = "SUP1";
    dear.warehouse = "CZ";
    dear.lines = {{"CUP-1", 1, kMaxUnitPrice + 1}};
    BOOST_TEST(refusal([&] {
                   ops::create_purchase_order(db, test::test_actor(), dear);
               }).find("unit cost") != std::string::npos);
    BOOST_TEST(list_purchase_orders(db, {}).empty());
    BOOST_TEST(cups_ordered(kMaxPoQty).lines.at(0).qty == kMaxPoQty);
}

BOOST_AUTO_TEST_SUITE_END()
