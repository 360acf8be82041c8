// Month-end speed goals, printed: over 1,000,000 movements and 10,000 SKUs the month-end report
// takes under 3 s from the ledger and under 0.3 s for a closed month (read from its snapshot).
// The ledger is written straight into the movement table (valid signed rows, transfers in
// pairs): only the report's reading is measured.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "bench_db.h"
#include "core/base/clock.h"
#include "ops/observers.h"
#include "ops/periods.h"
#include "store/base/database.h"
#include "store/periods/stock_report_query.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

void fill(Database& db, int skus, int movements) {
    WriteTransaction tx(db);
    tx.check_foreign_keys_at_commit();
    testing::SqlProbe probe(db);
    probe.exec(
        "INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓'), ('GZ', '广州仓'), "
        "('SH', '上海仓')");
    testing::SqlStatement sku(probe, "INSERT INTO sku(id, code, name) VALUES (?, ?, ?)");
    for (int i = 1; i <= skus; ++i) {
        sku.reset();
        sku.bind(1, i);
        sku.bind(2, "SKU-" + std::to_string(i));
        sku.bind(3, "商品 " + std::to_string(i));
        sku.exec();
    }
    testing::SqlStatement m(probe,
                            "INSERT INTO movement(at, kind, sku_id, warehouse_id, "
                            "counterpart_warehouse_id, qty, unit_cost_fen, value_fen, operator, "
                            "workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', 'bench')");
    auto insert = [&](Timestamp at, const char* kind, int s, int w, int other, Qty qty, Fen unit) {
        m.reset();
        m.bind(1, static_cast<int64_t>(at));
        m.bind(2, kind);
        m.bind(3, s);
        m.bind(4, w);
        if (other)
            m.bind(5, other);
        else
            m.bind(5);
        m.bind(6, static_cast<int64_t>(qty));
        m.bind(7, static_cast<int64_t>(unit));
        m.bind(8, static_cast<int64_t>(qty * unit));
        m.exec_deferred();
    };
    std::mt19937_64 rng(1);
    // July to October 2026, in time order.
    Timestamp start = parse_time("2026-07-01", "bench"), end = parse_time("2026-11-01", "bench");
    const char* outs[] = {"ship", "ship", "ship", "ship", "scrap", "count"};
    for (int i = 0; i < movements; ++i) {
        Timestamp at = start + (end - start) * i / movements;
        int s = static_cast<int>(rng() % skus) + 1, w = static_cast<int>(rng() % 3) + 1;
        Fen unit = static_cast<Fen>(rng() % 5000 + 100);
        Qty q = static_cast<Qty>(rng() % 20 + 1);
        switch (rng() % 10) {
            case 0:
            case 1:
            case 2:
                insert(at, "receive", s, w, 0, q * 3, unit);
                break;
            case 3:
                insert(at, "return", s, w, 0, 1, unit);
                break;
            case 4: {
                int to = w % 3 + 1;
                insert(at, "transfer_out", s, w, to, -q, unit);
                insert(at + 3600, "transfer_in", s, to, w, q, unit);
                ++i;
                break;
            }
            default:
                insert(at, outs[rng() % 6], s, w, 0, -q, unit);
                break;
        }
    }
    tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
    dj::ops::install_observers();
    std::printf("engine: %s\n", bench::engine_name());
    std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    Database db(bench::fresh_database(dir, "dj-report-bench.db"), test::fixed_clock());
    auto t = Stopwatch::now();
    fill(db, 10000, 1000000);
    std::printf("ledger: 1,000,000 movements, 10,000 SKUs, 3 warehouses written in %.2f s\n",
                seconds_since(t));

    Period oct = month_period("2026-10", "bench");
    t = Stopwatch::now();
    StockReport from_ledger = stock_report(db, oct);
    std::printf("month-end 2026-10 from the ledger: %.3f s (%zu rows)  [goal < 3 s]\n",
                seconds_since(t), from_ledger.rows.size());

    Actor bench{"bench", "system", "bench"};
    t = Stopwatch::now();
    for (const char* m : {"2026-07", "2026-08", "2026-09"})
        ops::close_period(db, bench, m);
    std::printf("closing 2026-07..09: %.3f s\n", seconds_since(t));
    t = Stopwatch::now();
    StockReport after_close = stock_report(db, oct);
    std::printf("month-end 2026-10 opening from the 2026-09 snapshot: %.3f s\n", seconds_since(t));
    ops::close_period(db, bench, "2026-10");
    t = Stopwatch::now();
    StockReport closed = stock_report(db, oct);
    double closed_s = seconds_since(t);
    std::printf("month-end 2026-10 closed (snapshot): %.3f s (%zu rows)  [goal < 0.3 s]\n",
                closed_s, closed.rows.size());
    bool same = closed.shop_total().closing == from_ledger.shop_total().closing &&
                after_close.shop_total().closing == from_ledger.shop_total().closing;
    std::printf("closing value ties out across the three: %s\n", same ? "yes" : "NO");
    return same ? 0 : 1;
}
