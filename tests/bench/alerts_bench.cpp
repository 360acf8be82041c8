// Alert and restock speed goals, printed: `alerts run` and `restock suggest` over 10,000 SKUs ×
// 2 warehouses with 90 days of history each take under 1 s. The shop is written straight into
// the tables in one transaction (a valid ledger with balances, batches and lots that agree with
// it, suppliers, thresholds, open purchase orders), so only the evaluation is measured.
//   dj_alerts_bench [DIR]   (the database is DIR/dj-alerts-bench.db, default the temp folder)

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/base/clock.h"
#include "ops/observers.h"
#include "store/alerts/alert_evaluation.h"
#include "store/base/database.h"
#include "store/purchasing/restock_queries.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

constexpr int kSkus = 10000;
constexpr int kWarehouses = 2;
constexpr int kDays = 90;
constexpr int kSuppliers = 50;
constexpr Timestamp kDay = 86400;

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

struct Counts {
    long movements = 0;
    long lots = 0;
    long po_lines = 0;
};

// Per SKU × warehouse: fast movers ship most days, steady ones every few days, slow ones
// rarely and some never (stagnant). Stock is bought every two weeks; a fifth of the SKUs are
// perishable and come in batches whose expiry passes within the window for some.
Counts fill(Database& db, Timestamp now) {
    Counts n;
    WriteTransaction tx(db);
    testing::SqlProbe probe(db);
    probe.exec(
        "INSERT INTO warehouse(id, code, name) VALUES (1, 'CZ', '常州仓'), (2, 'GZ', '广州仓')");
    testing::SqlStatement sup(
        probe,
        "INSERT INTO supplier(id, code, name, lead_time_days, order_multiple) "
        "VALUES (?, ?, ?, ?, ?)");
    for (int i = 1; i <= kSuppliers; ++i) {
        sup.reset();
        sup.bind(1, i);
        sup.bind(2, "SUP-" + std::to_string(i));
        sup.bind(3, "供应商 " + std::to_string(i));
        sup.bind(4, 3 + i % 12);
        sup.bind(5, i % 3 == 0 ? 12 : i % 3 == 1 ? 6 : 1);
        sup.exec();
    }
    testing::SqlStatement sku(probe,
                              "INSERT INTO sku(id, code, name, shelf_life_days, standard_cost_fen, "
                              "supplier_id) VALUES (?, ?, ?, ?, ?, ?)");
    testing::SqlStatement batch(probe,
                                "INSERT INTO batch(id, sku_id, lot, expiry) VALUES (?, ?, ?, ?)");
    testing::SqlStatement move(
        probe,
        "INSERT INTO movement(at, kind, sku_id, warehouse_id, batch_id, qty, "
        "unit_cost_fen, value_fen, doc, operator, workstation) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', 'bench')");
    testing::SqlStatement balance(
        probe, "INSERT INTO stock_balance(sku_id, warehouse_id, on_hand) VALUES (?, ?, ?)");
    testing::SqlStatement lot(probe,
                              "INSERT INTO stock_lot(sku_id, warehouse_id, batch_id, on_hand) "
                              "VALUES (?, ?, ?, ?)");
    testing::SqlStatement cost(probe,
                               "INSERT INTO sku_cost(sku_id, qty, value_fen, last_unit_cost_fen) "
                               "VALUES (?, ?, ?, ?)");
    auto post = [&](Timestamp at, const char* kind, int s, int w, Id batch_id, Qty qty, Fen unit,
                    const std::string& doc) {
        move.reset();
        move.bind(1, static_cast<int64_t>(at));
        move.bind(2, kind);
        move.bind(3, s);
        move.bind(4, w);
        if (batch_id)
            move.bind(5, static_cast<int64_t>(batch_id));
        else
            move.bind(5);
        move.bind(6, static_cast<int64_t>(qty));
        move.bind(7, static_cast<int64_t>(unit));
        move.bind(8, static_cast<int64_t>(qty * unit));
        move.bind(9, doc);
        move.exec();
        ++n.movements;
    };

    // Per SKU × warehouse as the days pass, so the ledger is in time order like a real one.
    struct Pair {
        int ship_every = 0;  // days between shipments; 0: never shipped
        Qty daily = 0;
        Qty on_hand = 0;
        std::vector<std::pair<Id, Qty>> lots;  // batch, on hand; oldest first
    };
    std::mt19937_64 rng(7);
    std::vector<Fen> unit(kSkus + 1);
    std::vector<Pair> pairs((kSkus + 1) * kWarehouses);
    auto pair_of = [&](int s, int w) -> Pair& { return pairs[s * kWarehouses + (w - 1)]; };
    for (int s = 1; s <= kSkus; ++s) {
        unit[s] = static_cast<Fen>(rng() % 5000 + 100);
        sku.reset();
        sku.bind(1, s);
        sku.bind(2, "SKU-" + std::to_string(s));
        sku.bind(3, "商品 " + std::to_string(s));
        sku.bind(4, s % 5 == 0 ? 120 : 0);
        sku.bind(5, static_cast<int64_t>(unit[s]));
        sku.bind(6, s % kSuppliers + 1);
        sku.exec();
        for (int w = 1; w <= kWarehouses; ++w) {
            int profile = (s * 7 + w) % 10;  // 0-1 fast, 2-6 steady, 7-8 slow, 9 never shipped
            Pair& p = pair_of(s, w);
            p.ship_every = profile < 2 ? 1 : profile < 7 ? 4 : profile < 9 ? 30 : 0;
            p.daily = profile < 2 ? 12 : profile < 7 ? 5 : 2;
        }
    }
    Timestamp start = now - kDays * kDay;
    Id next_batch = 1;
    for (int day = 0; day < kDays; ++day) {
        Timestamp at = start + day * kDay + 10 * 3600;
        for (int s = 1; s <= kSkus; ++s) {
            bool perishable = s % 5 == 0;
            for (int w = 1; w <= kWarehouses; ++w) {
                Pair& p = pair_of(s, w);
                if (day % 14 == 0 && (day == 0 || p.ship_every != 0)) {
                    Qty q = p.daily * 14 + static_cast<Qty>(rng() % 20);
                    Id b = 0;
                    if (perishable) {
                        b = next_batch++;
                        batch.reset();
                        batch.bind(1, static_cast<int64_t>(b));
                        batch.bind(2, s);
                        batch.bind(3, "L" + std::to_string(b));
                        batch.bind(4, shop_date(at + 120 * kDay - (rng() % 100) * kDay));
                        batch.exec();
                        p.lots.emplace_back(b, q);
                    }
                    post(at, "receive", s, w, b, q, unit[s], "PO-BENCH");
                    p.on_hand += q;
                }
                if (p.ship_every == 0 || day % p.ship_every != 0 || p.on_hand == 0) continue;
                Qty want = std::min<Qty>(p.on_hand, 1 + static_cast<Qty>(rng() % (2 * p.daily)));
                std::string doc = "SO-" + std::to_string(day);
                if (!perishable) {
                    post(at + 3600, "ship", s, w, 0, -want, unit[s], doc);
                    p.on_hand -= want;
                    continue;
                }
                for (auto& [b, left] : p.lots) {
                    Qty take = std::min(want, left);
                    if (take == 0) continue;
                    post(at + 3600, "ship", s, w, b, -take, unit[s], doc);
                    left -= take;
                    p.on_hand -= take;
                    want -= take;
                    if (want == 0) break;
                }
            }
        }
    }
    for (int s = 1; s <= kSkus; ++s) {
        Qty shop_qty = 0;
        for (int w = 1; w <= kWarehouses; ++w) {
            Pair& p = pair_of(s, w);
            // A stock count three days ago that lost a fifth, for one SKU in fifty (none
            // perishable, so its stock is one lot without a batch).
            if (s % 50 == 1 && p.on_hand >= 10) {
                Qty loss = p.on_hand / 5;
                post(now - 3 * kDay, "count", s, w, 0, -loss, unit[s], "COUNT-1");
                p.on_hand -= loss;
            }
            balance.reset();
            balance.bind(1, s);
            balance.bind(2, w);
            balance.bind(3, static_cast<int64_t>(p.on_hand));
            balance.exec();
            auto add_lot = [&](Id b, Qty q) {
                lot.reset();
                lot.bind(1, s);
                lot.bind(2, w);
                if (b)
                    lot.bind(3, static_cast<int64_t>(b));
                else
                    lot.bind(3);
                lot.bind(4, static_cast<int64_t>(q));
                lot.exec();
                ++n.lots;
            };
            if (s % 5 == 0) {
                for (const auto& [b, left] : p.lots)
                    if (left > 0) add_lot(b, left);
            } else if (p.on_hand > 0) {
                add_lot(0, p.on_hand);
            }
            shop_qty += p.on_hand;
        }
        cost.reset();
        cost.bind(1, s);
        cost.bind(2, static_cast<int64_t>(shop_qty));
        cost.bind(3, static_cast<int64_t>(shop_qty * unit[s]));
        cost.bind(4, static_cast<int64_t>(unit[s]));
        cost.exec();
    }

    // Thresholds: a shop-wide maximum, tighter for some SKUs, and a few manual reorder points.
    probe.exec("INSERT INTO stock_threshold(name, value) VALUES ('max_stock', 1000)");
    testing::SqlStatement th(probe,
                             "INSERT INTO stock_threshold(name, sku_id, warehouse_id, value) "
                             "VALUES (?, ?, ?, ?)");
    for (int s = 3; s <= kSkus; s += 97) {
        th.reset();
        th.bind(1, s % 2 ? "reorder_point" : "max_stock");
        th.bind(2, s);
        th.bind(3, s % 3 ? 0 : 1);
        th.bind(4, s % 2 ? 40 : 60);
        th.exec();
    }

    // Open purchase orders: one per supplier to CZ with 20 lines, half partly received.
    testing::SqlStatement po(
        probe,
        "INSERT INTO purchase_order(id, no, supplier_id, warehouse_id, status, "
        "created_at, created_by) VALUES (?, ?, ?, 1, ?, ?, 'bench')");
    testing::SqlStatement po_line(probe,
                                  "INSERT INTO purchase_order_line(po_id, line_no, sku_id, qty, "
                                  "received_qty, unit_cost_fen) VALUES (?, ?, ?, ?, ?, 100)");
    for (int p = 1; p <= kSuppliers; ++p) {
        po.reset();
        po.bind(1, p);
        po.bind(2, "PO-BENCH-" + std::to_string(p));
        po.bind(3, p);
        po.bind(4, p % 2 ? "ordered" : "partly_received");
        po.bind(5, static_cast<int64_t>(now - 2 * kDay));
        po.exec();
        for (int l = 1; l <= 20; ++l) {
            po_line.reset();
            po_line.bind(1, p);
            po_line.bind(2, l);
            po_line.bind(3, (p - 1) + kSuppliers * (l - 1) + 1);  // SKUs of supplier p
            po_line.bind(4, 48);
            po_line.bind(5, p % 2 ? 0 : 12);
            po_line.exec();
            ++n.po_lines;
        }
    }
    tx.commit();
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    dj::ops::install_observers();
    std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    std::filesystem::path path = dir / "dj-alerts-bench.db";
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    Database db(path.string(), test::fixed_clock());
    Timestamp now = test::kNow;
    auto t = Stopwatch::now();
    Counts n = fill(db, now);
    std::printf(
        "shop: %d SKUs x %d warehouses, %d days: %ld movements, %ld lots, %ld open PO lines "
        "written in %.2f s\n",
        kSkus, kWarehouses, kDays, n.movements, n.lots, n.po_lines, seconds_since(t));

    bool ok = true;
    t = Stopwatch::now();
    AlertRunSummary first = evaluate_stock_alerts(db, now, {});
    double first_s = seconds_since(t);
    std::printf(
        "alerts run, first (opens every alert): %.3f s, %d pairs, %zu opened  [goal < 1 s]\n",
        first_s, first.evaluated, first.opened.size());
    t = Stopwatch::now();
    AlertRunSummary again = evaluate_stock_alerts(db, now + 60, {});
    double again_s = seconds_since(t);
    std::printf(
        "alerts run, again (nothing new): %.3f s, %zu opened, %d refreshed, %d resolved  "
        "[goal < 1 s]\n",
        again_s, again.opened.size(), again.refreshed, again.resolved);

    std::map<std::string, int> kinds;
    for (const testing::SqlRow& count :
         testing::SqlProbe(db).rows("SELECT kind, count(*) FROM alert GROUP BY kind"))
        kinds[count[0].str()] = count[1].integer;
    std::printf("  open alerts by kind:");
    for (const auto& [kind, c] : kinds)
        std::printf(" %s %d", kind.c_str(), c);
    std::printf("\n");

    t = Stopwatch::now();
    std::vector<RestockLine> lines = restock_lines(db, now, {});
    double restock_s = seconds_since(t);
    std::size_t suggested = 0;
    for (const RestockLine& l : lines)
        suggested += l.suggested > 0;
    std::printf("restock suggest: %.3f s, %zu lines, %zu with a suggestion  [goal < 1 s]\n",
                restock_s, lines.size(), suggested);

    ok = first_s < 1.0 && again_s < 1.0 && restock_s < 1.0 &&
         first.evaluated == kSkus * kWarehouses && !first.opened.empty() && again.opened.empty() &&
         suggested > 0;
    std::printf("%s\n", ok ? "all within the goals" : "NOT within the goals");
    return ok ? 0 : 1;
}
