// Measures the foundation's speed goals on this machine and prints the figures:
//   demo --orders 50000          under 3 s
//   one durable movement         median under 5 ms
//   bulk posting                 at least 100,000 movements/s with balance updates

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_db.h"
#include "core/base/clock.h"
#include "demo/demo_shop.h"
#include "ops/observers.h"
#include "ops/stock_service.h"
#include "store/base/database.h"
#include "store/stock/stock_posting.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    dj::ops::install_observers();
    std::printf("engine: %s\n", bench::engine_name());
    std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    Actor actor{"bench", "system", "bench"};

    // 1. The demo shop with 50,000 open orders.
    {
        Database db(bench::fresh_database(dir, "bench-demo.db"), test::fixed_clock());
        DemoOptions options;
        options.orders = 50000;
        auto start = Stopwatch::now();
        DemoReport r = build_demo_shop(db, options, actor);
        double s = seconds_since(start);
        std::printf(
            "demo --orders 50000: %.2f s (%lld movements, %d orders, %d allocated; goal < 3 s)\n",
            s, r.movements, r.orders, r.allocated);
    }

    // 2. Interactive movements, each its own durable transaction.
    {
        Database db(bench::fresh_database(dir, "bench-single.db"), test::fixed_clock());
        {
            WriteTransaction tx(db);
            testing::SqlProbe(db).exec("INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓')");
            testing::SqlProbe(db).exec(
                "INSERT INTO sku(code, name, standard_cost_fen) VALUES ('A', '测试', 100)");
            tx.commit();
        }
        ops::StockService stock(db, actor);
        std::vector<double> ms;
        ops::StockService::Receive r;
        r.sku = "A";
        r.warehouse = "CZ";
        for (int i = 0; i < 400; ++i) {
            r.qty = 1 + i % 5;
            r.unit_cost = 100 + i % 7;
            auto start = Stopwatch::now();
            if (i % 2)
                stock.ship("A", 1, "CZ", "");
            else
                stock.receive(r);
            ms.push_back(seconds_since(start) * 1000.0);
        }
        std::sort(ms.begin(), ms.end());
        std::printf(
            "single movement, durable commit: median %.2f ms, p95 %.2f ms (goal: median < 5 ms)\n",
            ms[ms.size() / 2], ms[ms.size() * 95 / 100]);
    }

    // 3. Bulk: 500,000 movements over 1,000 SKUs and 2 warehouses in one transaction.
    {
        Database db(bench::fresh_database(dir, "bench-bulk.db"), test::fixed_clock());
        {
            WriteTransaction tx(db);
            testing::SqlProbe probe(db);
            probe.exec(
                "INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓'), ('GZ', '广州仓')");
            testing::SqlStatement s(
                probe, "INSERT INTO sku(code, name, standard_cost_fen) VALUES (?, '测试', 100)");
            for (int i = 0; i < 1000; ++i) {
                s.bind(1, "SKU-" + std::to_string(i));
                s.exec();
                s.reset();
            }
            tx.commit();
        }
        const int n = 500000;
        auto start = Stopwatch::now();
        StockPosting posting(db);
        StockBook& book = posting.book();
        MovementContext ctx;
        ctx.at = test::kNow;
        ctx.doc = "BULK";
        ctx.actor = actor;
        for (int i = 0; i < n; ++i) {
            Id sku = 1 + i % 1000;
            Id wh = 1 + (i / 1000) % 2;
            if ((i / 2000) % 3 == 2 && book.balance(sku, wh).available() >= 2) {
                book.ship(ctx, sku, wh, 2);
            } else {
                ReceiveArgs a;
                a.sku_id = sku;
                a.warehouse_id = wh;
                a.qty = 3;
                a.unit_cost = 100 + i % 13;
                book.receive(ctx, a);
            }
        }
        double in_memory = seconds_since(start);
        posting.commit();
        double s = seconds_since(start);
        std::printf(
            "bulk: %d movements in %.2f s = %.0f movements/s (rules %.2f s, writing %.2f s; "
            "goal >= 100,000/s)\n",
            n, s, n / s, in_memory, s - in_memory);
    }
    return 0;
}
