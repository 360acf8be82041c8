// Reports from the real ledger, closing and reopening months.

#include <boost/test/unit_test.hpp>
#include <random>

#include "amount_print.h"
#include "core/base/error.h"
#include "ops/periods.h"
#include "report_shop.h"
#include "store/base/audit_log.h"
#include "store/periods/period_repository.h"
#include "store/periods/stock_report_query.h"
#include "store/stock/stock_posting.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;

namespace {

struct Shop {
    test::TempDir dir;
    Database db{test::test_database(dir, "shop.db"), test::fixed_clock()};
    Shop() { test::build_report_shop(db); }
    Id sku(const char* code) {
        return testing::SqlProbe(db).integer(std::string("SELECT id FROM sku WHERE code = '") +
                                             code + "'");
    }
    Id wh(const char* code) {
        return testing::SqlProbe(db).integer(
            std::string("SELECT id FROM warehouse WHERE code = '") + code + "'");
    }
    const StockReportRow& row(const StockReport& r, const char* s, Id w) {
        for (const StockReportRow& x : r.rows)
            if (x.sku_id == sku(s) && x.warehouse_id == w) return x;
        BOOST_FAIL("no row for " << s << " in " << w);
        return r.rows.front();
    }
};

bool same(const StockReport& a, const StockReport& b) {
    if (a.rows.size() != b.rows.size()) return false;
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        const StockReportRow &x = a.rows[i], &y = b.rows[i];
        if (x.sku_id != y.sku_id || x.warehouse_id != y.warehouse_id || x.opening != y.opening ||
            x.flows != y.flows || x.closing != y.closing)
            return false;
    }
    return true;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(period_close, Shop)

BOOST_AUTO_TEST_CASE(hand_computed_september_from_the_ledger) {
    StockReport r = stock_report(db, month_period("2026-09", "p"));
    const StockReportRow& cz = row(r, "CUP-1", wh("CZ"));
    BOOST_TEST(cz.opening == (Amount{10, 8000}));
    BOOST_TEST(cz.flow(Flow::receipt) == (Amount{13, 13003}));
    BOOST_TEST(cz.flow(Flow::shipment) == (Amount{9, 8180}));
    BOOST_TEST(cz.flow(Flow::transfer_out) == (Amount{8, 5400 + 1832}));
    BOOST_TEST(cz.flow(Flow::count_gain) == (Amount{2, 1800}));
    BOOST_TEST(cz.flow(Flow::scrap) == (Amount{1, 900}));
    BOOST_TEST(cz.closing == (Amount{7, 8323 - 1832}));
    const StockReportRow& gz = row(r, "CUP-1", wh("GZ"));
    BOOST_TEST(gz.flow(Flow::transfer_in) == (Amount{6, 5400}));
    BOOST_TEST(gz.flow(Flow::customer_return) == (Amount{1, 900}));
    BOOST_TEST(gz.flow(Flow::count_loss) == (Amount{2, 1800}));
    BOOST_TEST(gz.closing == (Amount{5, 4500}));
    const StockReportRow& transit = row(r, "CUP-1", kInTransit);
    BOOST_TEST(transit.closing == (Amount{2, 1832}));
    const StockReportRow& tea = row(r, "TEA-1", wh("GZ"));
    BOOST_TEST(tea.opening == Amount{});
    BOOST_TEST(tea.closing == (Amount{4, 8000}));
    // What the shop owns equals the moving average's books.
    BOOST_TEST(r.shop_total().closing.value == 12823 + 8000);
    BOOST_TEST(r.shop_total().rounding() == Amount{});
}

BOOST_AUTO_TEST_CASE(october_arrival_and_empty_november) {
    StockReport oct = stock_report(db, month_period("2026-10", "p"));
    BOOST_TEST(row(oct, "CUP-1", kInTransit).flow(Flow::transfer_out) == (Amount{2, 1832}));
    BOOST_TEST(row(oct, "CUP-1", wh("GZ")).closing == (Amount{7, 4500 + 1832}));
    StockReport nov = stock_report(db, month_period("2026-11", "p"));
    for (const StockReportRow& r : nov.rows) {
        BOOST_TEST(r.in() == Amount{});
        BOOST_TEST(r.out() == Amount{});
        BOOST_TEST(r.opening == r.closing);
    }
    // Closing equals the stored balances and the moving average's value.
    for (const StockReportRow& r : nov.rows) {
        if (r.warehouse_id == kInTransit) continue;
        testing::SqlValue on_hand = testing::SqlProbe(db).value(
            "SELECT on_hand FROM stock_balance WHERE sku_id = ? AND warehouse_id = ?",
            {r.sku_id, r.warehouse_id});
        BOOST_TEST(on_hand.integer == r.closing.qty);
    }
    BOOST_TEST(nov.shop_total().closing.value ==
               testing::SqlProbe(db).integer("SELECT sum(value_fen) FROM sku_cost"));
}

BOOST_AUTO_TEST_CASE(closed_month_refuses_movements_and_reopens_with_audit) {
    StockReport before = stock_report(db, month_period("2026-09", "p"));
    ops::close_period(db, test::test_actor(), "2026-09");
    BOOST_TEST(closed_through(db).month == "2026-09");
    BOOST_TEST(same(stock_report(db, month_period("2026-09", "p")), before));

    ops::StockService late(db, test::test_actor());
    late.post_at(test::shop_at("2026-09-30 18:00:00"));
    std::string dump = test::dump_content(db);
    try {
        late.ship("CUP-1", 1, "CZ", "LATE");
        BOOST_FAIL("a movement in a closed month was accepted");
    } catch (const PeriodClosed& e) {
        std::string m = e.what();
        BOOST_TEST(m.find("2026-09") != std::string::npos);
        BOOST_TEST(m.find("period reopen 2026-09 --reason") != std::string::npos);
        BOOST_TEST(m.find("CUP-1") != std::string::npos);
    }
    BOOST_TEST(test::dump_content(db) == dump);  // nothing written

    // October opens from the snapshot; closing it too, then reopening September reopens both.
    StockReport oct = stock_report(db, month_period("2026-10", "p"));
    ops::close_period(db, test::test_actor(), "2026-10");
    BOOST_TEST(same(stock_report(db, month_period("2026-10", "p")), oct));
    BOOST_CHECK_THROW(ops::close_period(db, test::test_actor(), "2026-10"), InvalidInput);
    BOOST_CHECK_THROW(ops::close_period(db, test::test_actor(), "2026-11"),
                      InvalidInput);  // not over
    BOOST_CHECK_THROW(ops::reopen_period(db, test::test_actor(), "2026-09", ""), InvalidInput);
    BOOST_CHECK_THROW(ops::reopen_period(db, test::test_actor(), "2026-08", "x"), NotFound);

    std::vector<std::string> reopened =
        ops::reopen_period(db, test::test_actor(), "2026-09", "supplier invoice late");
    BOOST_TEST(reopened == (std::vector<std::string>{"2026-09", "2026-10"}),
               boost::test_tools::per_element());
    BOOST_TEST(closed_periods(db).empty());
    std::vector<AuditEntry> log = audit_entries(db, {.limit = 1});
    BOOST_TEST(log[0].action == "period.reopen");
    BOOST_TEST(log[0].subject == "2026-09");
    BOOST_TEST(log[0].detail.find("supplier invoice late") != std::string::npos);
    BOOST_TEST(log[0].detail.find("2026-10") != std::string::npos);
    BOOST_TEST(log[0].actor.user == "tester");

    // Now the late shipment goes in, and closing again rebuilds the snapshots with it.
    late.ship("CUP-1", 1, "CZ", "LATE");
    ops::close_period(db, test::test_actor(), "2026-09");
    StockReport sep = stock_report(db, month_period("2026-09", "p"));
    BOOST_TEST(row(sep, "CUP-1", wh("CZ")).flow(Flow::shipment).qty == 10);
    StockReport oct_after = stock_report(db, month_period("2026-10", "p"));
    BOOST_TEST(row(oct_after, "CUP-1", wh("CZ")).opening.qty == 6);
}

BOOST_AUTO_TEST_CASE(ledger_ties_out_month_by_month_over_random_postings) {
    // Thousands of random movements over three months in one transaction, dated in order.
    std::mt19937_64 rng(7);
    Timestamp t = test::shop_at("2026-06-01 08:00:00");
    StockPosting posting(db);
    StockBook& book = posting.book();
    Id cup = sku("CUP-1"), cz = wh("CZ"), gz = wh("GZ");
    int posted = 0;
    for (int i = 0; i < 3000; ++i, t += 2500) {
        MovementContext ctx{t, "D" + std::to_string(i), "random", test::test_actor()};
        Id w = rng() % 2 ? cz : gz;
        Qty q = static_cast<Qty>(rng() % 9 + 1);
        try {
            switch (rng() % 6) {
                case 0:
                    book.receive(ctx, {cup, w, q * 3, {}, {}, Fen(rng() % 3000 + 1)});
                    break;
                case 1:
                    book.ship(ctx, cup, w, q);
                    break;
                case 2:
                    book.customer_return(ctx, cup, w, 1, {}, {});
                    break;
                case 3:
                    book.count(ctx, cup, w, static_cast<Qty>(rng() % 40), {});
                    break;
                case 4:
                    book.scrap(ctx, cup, w, 1, {}, {});
                    break;
                case 5:
                    book.transfer_out(ctx, cup, w, w == cz ? gz : cz, q);
                    break;
            }
            ++posted;
        } catch (const StockRuleViolation&) {
        }
    }
    posting.commit();
    BOOST_TEST(posted > 2000);
    Amount carried;
    bool first = true;
    for (const char* m : {"2026-06", "2026-07", "2026-08", "2026-09"}) {
        StockReport r = stock_report(db, month_period(m, "p"));
        StockReportRow shop = r.shop_total();
        for (const StockReportRow& x : r.rows)
            BOOST_TEST(x.rounding() == Amount{});
        if (!first) BOOST_TEST(shop.opening == carried);
        carried = shop.closing;
        first = false;
    }
    BOOST_TEST(stock_report(db, month_period("2026-11", "p")).shop_total().closing.value ==
               testing::SqlProbe(db).integer("SELECT sum(value_fen) FROM sku_cost"));
}

// A report counts the movements it reads (the window's gauge), and a cancel (the window closing)
// stops it with Cancelled instead of a partial report.
BOOST_AUTO_TEST_CASE(a_report_counts_its_movements_and_a_cancel_stops_it) {
    Progress progress;
    StockReport counted = stock_report(db, month_period("2026-09", "p"), &progress);
    BOOST_TEST(same(counted, stock_report(db, month_period("2026-09", "p"))));
    BOOST_TEST(progress.total > 0);
    BOOST_TEST(progress.done == progress.total);
    Progress stopped;
    stopped.cancel = true;
    BOOST_CHECK_THROW(stock_report(db, month_period("2026-09", "p"), &stopped), Cancelled);
}

BOOST_AUTO_TEST_SUITE_END()
