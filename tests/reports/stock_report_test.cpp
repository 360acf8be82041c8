// The report computation on plain ledger rows: hand-computed figures and the tie-out identity.
#include "core/periods/stock_report.h"

#include <boost/test/unit_test.hpp>
#include <map>
#include <random>

#include "amount_print.h"
#include "core/alerts/stock_analysis.h"

using namespace dj;

namespace {

LedgerEntry entry(Id sku, Id wh, MovementKind kind, Qty qty, Fen value) {
    return {sku, wh, kind, qty, value};
}

const StockReportRow* find_row(const StockReport& r, Id sku, Id wh) {
    for (const StockReportRow& row : r.rows)
        if (row.sku_id == sku && row.warehouse_id == wh) return &row;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stock_report)

BOOST_AUTO_TEST_CASE(month_periods_follow_shop_time) {
    Period oct = month_period("2026-10", "--period");
    // 2026-10-01 00:00 shop time is 2026-09-30 16:00 UTC.
    BOOST_TEST(oct.start == 1790784000);
    BOOST_TEST(oct.end - oct.start == 31 * 86400);
    BOOST_TEST(oct.last_day == "2026-10-31");
    BOOST_TEST(month_period("2026-12", "p").end == month_period("2027-01", "p").start);
    BOOST_TEST(previous_month("2026-01") == "2025-12");
    BOOST_CHECK_THROW(month_period("2026-13", "--period"), InvalidInput);
    BOOST_CHECK_THROW(month_period("26-10", "--period"), InvalidInput);
    Period range = date_range_period("2026-10-05", "2026-10-05");
    BOOST_TEST(range.end - range.start == 86400);
    BOOST_CHECK_THROW(date_range_period("2026-10-05", "2026-10-04"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(hand_computed_month_with_every_flow_and_transit) {
    StockReportBuilder b(month_period("2026-09", "p"));
    b.add_before(entry(1, 1, MovementKind::receive, 10, 8000));
    b.add_within(entry(1, 1, MovementKind::receive, 10, 10000));
    b.add_within(entry(1, 1, MovementKind::ship, -4, -3600));
    b.add_within(entry(1, 1, MovementKind::transfer_out, -6, -5400));
    b.add_within(entry(1, 2, MovementKind::transfer_in, 6, 5400));
    b.add_within(entry(1, 2, MovementKind::customer_return, 1, 900));
    b.add_within(entry(1, 1, MovementKind::count_adjust, 2, 1800));
    b.add_within(entry(1, 2, MovementKind::count_adjust, -2, -1800));
    b.add_within(entry(1, 1, MovementKind::scrap, -1, -900));
    b.add_within(entry(2, 2, MovementKind::receive, 4, 8000));  // starts mid-month
    StockReport r = b.finish();

    const StockReportRow* cz = find_row(r, 1, 1);
    BOOST_REQUIRE(cz);
    BOOST_TEST(cz->opening.qty == 10);
    BOOST_TEST(cz->opening.value == 8000);
    BOOST_TEST(cz->flow(Flow::receipt).value == 10000);
    BOOST_TEST(cz->flow(Flow::shipment).qty == 4);
    BOOST_TEST(cz->flow(Flow::shipment).value == 3600);
    BOOST_TEST(cz->flow(Flow::transfer_out).value == 5400);
    BOOST_TEST(cz->flow(Flow::count_gain).qty == 2);
    BOOST_TEST(cz->flow(Flow::scrap).value == 900);
    BOOST_TEST(cz->in().value == 11800);
    BOOST_TEST(cz->out().value == 9900);
    BOOST_TEST(cz->closing.qty == 11);
    BOOST_TEST(cz->closing.value == 9900);
    BOOST_TEST(cz->rounding().value == 0);

    const StockReportRow* gz = find_row(r, 1, 2);
    BOOST_REQUIRE(gz);
    BOOST_TEST(gz->flow(Flow::transfer_in).qty == 6);
    BOOST_TEST(gz->flow(Flow::customer_return).value == 900);
    BOOST_TEST(gz->flow(Flow::count_loss).qty == 2);
    BOOST_TEST(gz->closing.qty == 5);
    BOOST_TEST(gz->closing.value == 4500);

    // Sent and arrived in the month: transit moved 6 in and 6 out and holds nothing.
    const StockReportRow* transit = find_row(r, 1, kInTransit);
    BOOST_REQUIRE(transit);
    BOOST_TEST(transit->flow(Flow::transfer_in).qty == 6);
    BOOST_TEST(transit->flow(Flow::transfer_out).value == 5400);
    BOOST_TEST(transit->closing.qty == 0);
    BOOST_TEST(r.rows.back().warehouse_id == kInTransit);

    const StockReportRow* tea = find_row(r, 2, 2);
    BOOST_REQUIRE(tea);
    BOOST_TEST(tea->opening.qty == 0);
    BOOST_TEST(tea->closing.value == 8000);

    // Shop-wide transfers net to zero; what the shop owns ties out.
    StockReportRow shop = r.shop_total();
    BOOST_TEST(shop.flow(Flow::transfer_in).value == shop.flow(Flow::transfer_out).value);
    BOOST_TEST(shop.closing.value == 9900 + 4500 + 8000);
    BOOST_TEST(r.warehouse_total(2).closing.qty == 9);
}

BOOST_AUTO_TEST_CASE(empty_month_carries_opening_to_closing) {
    StockReportBuilder b(month_period("2026-11", "p"));
    b.add_opening(1, 1, {9, 8323});
    b.add_before(entry(1, 1, MovementKind::transfer_out, -2, -1832));  // still in transit
    StockReport r = b.finish();
    BOOST_REQUIRE_EQUAL(r.rows.size(), 2u);
    BOOST_TEST(r.rows[0].opening.qty == 7);
    BOOST_TEST(r.rows[0].closing.value == 8323 - 1832);
    BOOST_TEST(r.rows[1].warehouse_id == kInTransit);
    BOOST_TEST(r.rows[1].closing.value == 1832);
    BOOST_TEST(r.rows[1].in().qty == 0);
    BOOST_TEST(StockReportBuilder(month_period("2026-11", "p")).finish().rows.empty());
}

BOOST_AUTO_TEST_CASE(rounding_line_shows_a_closing_that_does_not_tie) {
    StockReportRow r;
    r.opening = {3, 1000};
    r.flow(Flow::shipment) = {1, 333};
    r.closing = {2, 666};  // e.g. 2 × an average of 333 instead of the exact 667
    BOOST_TEST(r.rounding().qty == 0);
    BOOST_TEST(r.rounding().value == -1);
}

BOOST_AUTO_TEST_CASE(tie_out_over_thousands_of_random_movements) {
    std::mt19937_64 rng(42);
    const MovementKind kinds[] = {MovementKind::receive,      MovementKind::ship,
                                  MovementKind::transfer_out, MovementKind::transfer_in,
                                  MovementKind::count_adjust, MovementKind::customer_return,
                                  MovementKind::scrap};
    Period period = month_period("2026-10", "p");
    StockReportBuilder b(period);
    std::map<std::pair<Id, Id>, Amount> ledger;  // (sku, warehouse incl. transit) → running sum
    for (int i = 0; i < 5000; ++i) {
        LedgerEntry e;
        e.sku_id = static_cast<Id>(rng() % 40 + 1);
        e.warehouse_id = static_cast<Id>(rng() % 3 + 1);
        e.kind = kinds[rng() % 7];
        Qty q = static_cast<Qty>(rng() % 50 + 1);
        Fen unit = static_cast<Fen>(rng() % 5000 + 1);
        bool in = e.kind == MovementKind::receive || e.kind == MovementKind::transfer_in ||
                  e.kind == MovementKind::customer_return ||
                  (e.kind == MovementKind::count_adjust && rng() % 2);
        e.qty = in ? q : -q;
        e.value = e.qty * unit + static_cast<Fen>(rng() % 7) - 3;  // odd fen, as averages leave
        ledger[{e.sku_id, e.warehouse_id}] += {e.qty, e.value};
        if (e.kind == MovementKind::transfer_out || e.kind == MovementKind::transfer_in)
            ledger[{e.sku_id, kInTransit}] += {-e.qty, -e.value};
        if (i % 3 == 0)
            b.add_before(e);
        else
            b.add_within(e);
    }
    StockReport r = b.finish();
    StockReportRow shop;
    for (const StockReportRow& row : r.rows) {
        BOOST_TEST(row.rounding() == Amount{});
        BOOST_TEST(row.closing == (ledger[{row.sku_id, row.warehouse_id}]));
        shop.add(row);
    }
    BOOST_TEST(shop.rounding() == Amount{});
    Amount all;
    for (const auto& [key, a] : ledger)
        all += a;
    BOOST_TEST(shop.closing == all);
}

BOOST_AUTO_TEST_CASE(turnover_days_of_cover_and_slow_movers) {
    StockReportBuilder b(date_range_period("2026-10-01", "2026-10-30"));  // 30 days
    b.add_opening(1, 1, {100, 10000});
    b.add_within(entry(1, 1, MovementKind::ship, -60, -6000));
    b.add_opening(2, 1, {10, 5000});  // never sold
    StockReport r = b.finish();
    std::vector<SkuTurnover> t = turnover_by_sku(r);
    BOOST_REQUIRE_EQUAL(t.size(), 2u);
    BOOST_TEST(*t[0].turnover == 6000.0 / 7000.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(*t[0].days_of_cover == 20.0, boost::test_tools::tolerance(1e-9));  // 40 / 2 a day
    BOOST_TEST(!t[0].slow_mover);
    BOOST_TEST(!t[1].days_of_cover.has_value());
    BOOST_TEST(t[1].slow_mover);
}

BOOST_AUTO_TEST_CASE(abc_classes_by_shipped_value) {
    StockReportBuilder b(month_period("2026-10", "p"));
    const Fen values[] = {7000, 1500, 800, 400, 300, 0};
    for (Id sku = 1; sku <= 6; ++sku) {
        b.add_opening(sku, 1, {100, 100000});
        if (values[sku - 1] > 0)
            b.add_within(entry(sku, 1, MovementKind::ship, -1, -values[sku - 1]));
    }
    std::vector<AbcEntry> abc = abc_classes(b.finish());
    BOOST_REQUIRE_EQUAL(abc.size(), 6u);
    // 70 % → A; 85 % crosses 80 → A; 93 % → B; 97 % crosses 95 → B; then C.
    std::string classes;
    for (const AbcEntry& e : abc)
        classes += e.abc_class;
    BOOST_TEST(classes == "AABBCC");
    BOOST_TEST(abc[0].sku_id == 1);
    BOOST_TEST(abc[0].share == 0.7, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(abc[4].cumulative == 1.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_SUITE_END()
