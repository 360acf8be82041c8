#include "core/stock/stock_book.h"

#include <boost/test/unit_test.hpp>
#include <map>

#include "core/base/error.h"

using namespace dj;

namespace {

// The book's view of an empty shop: SKU 1 (standard cost 10.00), warehouses 1 and 2;
// warehouse 3 allows negative stock.
class MemorySource : public StockSource {
  public:
    Balance load_balance(Id, Id) override { return {}; }
    std::vector<Lot> load_lots(Id, Id) override { return {}; }
    CostState load_cost(Id) override { return CostState{0, 0, 1000}; }
    bool warehouse_allows_negative(Id w) override { return w == 3; }
    std::string batch_expiry(Id b) override { return expiries[b]; }
    int location_walk_order(Id l) override { return static_cast<int>(l); }
    std::string sku_label(Id s) override { return "SKU-" + std::to_string(s); }
    std::string warehouse_label(Id w) override { return "W" + std::to_string(w); }
    std::string location_label(Id l) override { return "L" + std::to_string(l); }
    // Today is 2026-11-24; SKU 2 must have 30 days of shelf life left to ship.
    std::optional<Id> receiving_location(Id) override { return std::nullopt; }
    ShelfDates shelf_dates(Id s) override {
        return {"2026-11-24", s == 2 ? "2026-12-24" : "2026-11-24"};
    }
    std::map<Id, std::string> expiries{
        {100, "2027-01-01"}, {101, "2026-12-15"}, {102, "2026-11-01"}, {103, "2026-11-24"}};
};

MovementContext ctx(std::string doc = "D1", std::string reason = {}) {
    MovementContext c;
    c.at = 1'700'000'000;
    c.doc = std::move(doc);
    c.reason = std::move(reason);
    c.actor = {"li", "packer", "pack-01"};
    return c;
}

struct Fixture {
    MemorySource source;
    StockBook book{source};
    void receive(Id sku, Id wh, Qty qty, Fen cost, std::optional<Id> location = std::nullopt,
                 std::optional<Id> batch = std::nullopt, bool accept_expired = false) {
        ReceiveArgs a;
        a.sku_id = sku;
        a.warehouse_id = wh;
        a.qty = qty;
        a.unit_cost = cost;
        a.location_id = location;
        a.batch_id = batch;
        a.accept_expired = accept_expired;
        book.receive(ctx(), a);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(stock_book, Fixture)

BOOST_AUTO_TEST_CASE(receive_and_ship_update_balance_cost_and_ledger) {
    receive(1, 1, 10, 1000);
    receive(1, 1, 10, 1200);
    book.ship(ctx("S1"), 1, 1, 5);
    BOOST_TEST(book.balance(1, 1).on_hand == 15);
    BOOST_TEST(book.cost(1).unit_cost() == 1100);
    const auto& m = book.pending();
    BOOST_TEST_REQUIRE(m.size() == 3u);
    BOOST_TEST((m[2].kind == MovementKind::ship));
    BOOST_TEST(m[2].qty == -5);
    BOOST_TEST(m[2].unit_cost == 1100);
    BOOST_TEST(m[2].value == -5500);
    BOOST_TEST(m[2].doc == "S1");
    BOOST_TEST(m[2].actor.workstation == "pack-01");
    BOOST_TEST(m[2].at == 1'700'000'000);
}

BOOST_AUTO_TEST_CASE(oversell_is_refused_and_changes_nothing) {
    receive(1, 1, 3, 1000);
    book.reserve(1, 1, 2);
    std::size_t before = book.pending().size();
    BOOST_CHECK_THROW(book.ship(ctx(), 1, 1, 2), StockRuleViolation);
    BOOST_CHECK_THROW(book.reserve(1, 1, 2), StockRuleViolation);
    BOOST_CHECK_THROW(book.scrap(ctx("", "broken"), 1, 1, 2, std::nullopt, std::nullopt),
                      StockRuleViolation);
    BOOST_CHECK_THROW(book.transfer_out(ctx(), 1, 1, 2, 2), StockRuleViolation);
    BOOST_TEST(book.pending().size() == before);
    BOOST_TEST(book.balance(1, 1).on_hand == 3);
    BOOST_TEST(book.balance(1, 1).reserved == 2);
    BOOST_TEST(book.balance(1, 2).in_transit == 0);
    BOOST_TEST(book.cost(1).qty == 3);
}

BOOST_AUTO_TEST_CASE(error_message_names_sku_warehouse_and_quantities) {
    receive(1, 1, 3, 1000);
    try {
        book.ship(ctx(), 1, 1, 4);
        BOOST_FAIL("no exception");
    } catch (const StockRuleViolation& e) {
        std::string what = e.what();
        BOOST_TEST(what.find("SKU-1") != std::string::npos);
        BOOST_TEST(what.find("W1") != std::string::npos);
        BOOST_TEST(what.find("3 available, 4 needed") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(reservations_reserve_release_and_consume_on_ship) {
    receive(1, 1, 10, 1000);
    book.reserve(1, 1, 4);
    BOOST_TEST(book.balance(1, 1).available() == 6);
    book.release(1, 1, 1);
    BOOST_TEST(book.balance(1, 1).reserved == 3);
    BOOST_CHECK_THROW(book.release(1, 1, 4), StockRuleViolation);
    // Shipping 3 against the reservation and 2 more from what is free.
    book.ship(ctx(), 1, 1, 5, 3);
    Balance b = book.balance(1, 1);
    BOOST_TEST(b.on_hand == 5);
    BOOST_TEST(b.reserved == 0);
    BOOST_TEST(b.available() == 5);
    BOOST_CHECK_THROW(book.ship(ctx(), 1, 1, 1, 1), StockRuleViolation);  // nothing reserved now
}

BOOST_AUTO_TEST_CASE(reserved_stock_cannot_be_shipped_by_others) {
    receive(1, 1, 5, 1000);
    book.reserve(1, 1, 5);
    BOOST_CHECK_THROW(book.ship(ctx(), 1, 1, 1), StockRuleViolation);
    book.ship(ctx(), 1, 1, 5, 5);
    BOOST_TEST(book.balance(1, 1).on_hand == 0);
}

BOOST_AUTO_TEST_CASE(transfer_is_in_transit_until_it_arrives) {
    receive(1, 1, 10, 1000);
    book.transfer_out(ctx("T1"), 1, 1, 2, 4);
    BOOST_TEST(book.balance(1, 1).on_hand == 6);
    BOOST_TEST(book.balance(1, 2).in_transit == 4);
    BOOST_TEST(book.balance(1, 2).on_hand == 0);
    BOOST_TEST(book.cost(1).qty == 10);  // still the shop's stock
    const Movement& out = book.pending().back();
    BOOST_TEST(out.counterpart_warehouse_id.value() == 2);
    BOOST_TEST(out.value == -4000);
    book.transfer_in(ctx("T1"), 1, 2, 1, 4, std::nullopt, 4000);
    BOOST_TEST(book.balance(1, 2).in_transit == 0);
    BOOST_TEST(book.balance(1, 2).on_hand == 4);
    BOOST_TEST(book.cost(1).value == 10000);
    BOOST_CHECK_THROW(book.transfer_in(ctx("T1"), 1, 2, 1, 1, std::nullopt, 1000),
                      StockRuleViolation);
    BOOST_CHECK_THROW(book.transfer_out(ctx(), 1, 1, 1, 1), InvalidInput);
}

BOOST_AUTO_TEST_CASE(count_posts_the_difference_at_average_cost) {
    receive(1, 1, 10, 1000);
    BOOST_TEST(book.count(ctx(), 1, 1, 12, std::nullopt) == 2);
    BOOST_TEST(book.pending().back().value == 2000);
    BOOST_TEST(book.count(ctx(), 1, 1, 9, std::nullopt) == -3);
    BOOST_TEST(book.pending().back().qty == -3);
    BOOST_TEST(book.pending().back().value == -3000);
    std::size_t before = book.pending().size();
    BOOST_TEST(book.count(ctx(), 1, 1, 9, std::nullopt) == 0);
    BOOST_TEST(book.pending().size() == before);
    BOOST_TEST(book.balance(1, 1).on_hand == 9);
    BOOST_CHECK_THROW(book.count(ctx(), 1, 1, -1, std::nullopt), InvalidInput);
}

BOOST_AUTO_TEST_CASE(count_cannot_undercut_reservations) {
    receive(1, 1, 10, 1000);
    book.reserve(1, 1, 8);
    BOOST_CHECK_THROW(book.count(ctx(), 1, 1, 7, std::nullopt), StockRuleViolation);
    BOOST_TEST(book.balance(1, 1).on_hand == 10);
    book.count(ctx(), 1, 1, 8, std::nullopt);
    BOOST_TEST(book.balance(1, 1).available() == 0);
}

BOOST_AUTO_TEST_CASE(count_of_one_location) {
    receive(1, 1, 5, 1000, Id{10});
    receive(1, 1, 7, 1000, Id{20});
    BOOST_TEST(book.count(ctx(), 1, 1, 4, Id{20}) == -3);
    BOOST_TEST(book.pending().back().location_id.value() == 20);
    BOOST_TEST(book.balance(1, 1).on_hand == 9);
}

BOOST_AUTO_TEST_CASE(return_comes_back_at_average_and_scrap_needs_a_reason) {
    receive(1, 1, 2, 1500);
    book.ship(ctx(), 1, 1, 2);
    book.customer_return(ctx(), 1, 1, 1, std::nullopt, std::nullopt);
    BOOST_TEST(book.pending().back().value == 1500);
    BOOST_TEST(book.cost(1).unit_cost() == 1500);
    BOOST_CHECK_THROW(book.scrap(ctx(), 1, 1, 1, std::nullopt, std::nullopt), InvalidInput);
    book.scrap(ctx("", "damaged"), 1, 1, 1, std::nullopt, std::nullopt);
    BOOST_TEST(book.balance(1, 1).on_hand == 0);
    BOOST_TEST(book.cost(1).value == 0);
}

BOOST_AUTO_TEST_CASE(receive_without_cost_uses_average_else_standard_cost) {
    ReceiveArgs a;
    a.sku_id = 1;
    a.warehouse_id = 1;
    a.qty = 2;
    book.receive(ctx(), a);
    BOOST_TEST(book.pending().back().unit_cost == 1000);  // standard cost from the source
    receive(1, 1, 2, 2000);
    book.receive(ctx(), a);
    BOOST_TEST(book.pending().back().unit_cost == 1500);
}

BOOST_AUTO_TEST_CASE(ship_takes_batches_first_expired_first_out) {
    receive(1, 1, 5, 1000, Id{10}, Id{100});  // expires 2027-01-01
    receive(1, 1, 5, 1000, Id{20}, Id{101});  // expires 2026-12-15
    book.ship(ctx(), 1, 1, 7);
    const auto& m = book.pending();
    BOOST_TEST_REQUIRE(m.size() == 4u);
    BOOST_TEST(m[2].batch_id.value() == 101);
    BOOST_TEST(m[2].qty == -5);
    BOOST_TEST(m[3].batch_id.value() == 100);
    BOOST_TEST(m[3].qty == -2);
    BOOST_TEST(m[2].value + m[3].value == -7000);
}

BOOST_AUTO_TEST_CASE(negative_stock_only_where_allowed) {
    BOOST_CHECK_THROW(book.ship(ctx(), 1, 1, 1), StockRuleViolation);
    book.ship(ctx(), 1, 3, 2);
    BOOST_TEST(book.balance(1, 3).on_hand == -2);
    BOOST_TEST(book.balance(1, 3).available() == -2);
    BOOST_TEST(book.pending().back().value == -2000);  // at the standard cost
    receive(1, 3, 5, 1000);
    BOOST_TEST(book.balance(1, 3).on_hand == 3);
}

BOOST_AUTO_TEST_CASE(quantities_must_be_positive) {
    BOOST_CHECK_THROW(receive(1, 1, 0, 1000), InvalidInput);
    BOOST_CHECK_THROW(receive(1, 1, -5, 1000), InvalidInput);
    BOOST_CHECK_THROW(receive(1, 1, 5, -1), InvalidInput);
    BOOST_CHECK_THROW(book.ship(ctx(), 1, 1, 0), InvalidInput);
    BOOST_TEST(book.pending().empty());
}

BOOST_AUTO_TEST_CASE(an_expired_batch_is_refused_unless_meant_and_then_never_available) {
    // Batch 102 expired on 2026-11-01; batch 103 expires today and may still ship today.
    BOOST_CHECK_THROW(receive(1, 1, 5, 1000, std::nullopt, 102), ExpiredBatch);
    BOOST_TEST(book.pending().empty());
    receive(1, 1, 5, 1000, std::nullopt, 102, true);
    receive(1, 1, 3, 1000, std::nullopt, 103);
    BOOST_TEST(book.balance(1, 1).on_hand == 8);
    BOOST_TEST(book.unshippable(1, 1) == 5);
    BOOST_TEST(book.available(1, 1) == 3);
    BOOST_CHECK_THROW(book.reserve(1, 1, 4), StockRuleViolation);
    book.reserve(1, 1, 3);
    // The order's 3 units leave from batch 103, never from the expired 102 that FEFO puts first.
    book.ship(ctx("S1"), 1, 1, 3, 3);
    BOOST_TEST_REQUIRE(book.pending().size() == 3u);
    BOOST_TEST(*book.pending().back().batch_id == 103);
    BOOST_CHECK_THROW(book.ship(ctx("S2"), 1, 1, 1), StockRuleViolation);
    BOOST_CHECK_THROW(book.transfer_out(ctx("T1"), 1, 1, 2, 1), StockRuleViolation);
    // Scrapping is how it leaves.
    book.scrap(ctx("X1", "expired"), 1, 1, 5, std::nullopt, 102);
    BOOST_TEST(book.balance(1, 1).on_hand == 0);
}

BOOST_AUTO_TEST_CASE(a_batch_too_close_to_its_expiry_for_the_sku_does_not_ship) {
    // SKU 2 needs 30 days left: batch 101 (2026-12-15) has 21, batch 100 (2027-01-01) has 38.
    receive(2, 1, 4, 1000, std::nullopt, 101);
    receive(2, 1, 2, 1000, std::nullopt, 100);
    BOOST_TEST(book.available(2, 1) == 2);
    book.ship(ctx("S1"), 2, 1, 2);
    BOOST_TEST(*book.pending().back().batch_id == 100);
    BOOST_TEST(book.available(2, 1) == 0);
    BOOST_TEST(book.balance(2, 1).on_hand == 4);
    // The same batch ships for SKU 1, whose minimum is 0 days.
    receive(1, 1, 1, 1000, std::nullopt, 101);
    BOOST_TEST(book.available(1, 1) == 1);
}

BOOST_AUTO_TEST_CASE(put_away_moves_between_locations_and_changes_nothing_else) {
    receive(1, 1, 6, 1000, std::nullopt, 100);  // no location: a shop without a receiving one
    receive(1, 1, 2, 1300, 7);
    book.reserve(1, 1, 3);
    CostState before = book.cost(1);
    book.relocate(ctx("M1"), 1, 1, 4, std::nullopt, 9, std::nullopt);
    const auto& m = book.pending();
    BOOST_TEST_REQUIRE(m.size() == 4u);
    BOOST_TEST((m[2].kind == MovementKind::relocate));
    BOOST_TEST(m[2].qty == -4);
    BOOST_TEST(!m[2].location_id.has_value());
    BOOST_TEST(*m[3].location_id == 9);
    BOOST_TEST(*m[3].batch_id == 100);  // the batch goes with the goods
    BOOST_TEST(m[2].value + m[3].value == 0);
    BOOST_TEST(book.balance(1, 1).on_hand == 8);
    BOOST_TEST(book.balance(1, 1).reserved == 3);
    BOOST_TEST(book.cost(1).unit_cost() == before.unit_cost());
    // More than is there, or to where it is: refused, nothing changed.
    BOOST_CHECK_THROW(book.relocate(ctx("M2"), 1, 1, 3, 7, 9, std::nullopt), StockRuleViolation);
    BOOST_CHECK_THROW(book.relocate(ctx("M3"), 1, 1, 1, 9, 9, std::nullopt), InvalidInput);
    BOOST_TEST(book.pending().size() == 4u);
}

BOOST_AUTO_TEST_SUITE_END()
