#include "store/alerts/alert_evaluation.h"

#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/alerts/alert_rules.h"
#include "core/base/clock.h"
#include "core/base/translate.h"
#include "store/alerts/notify_repository.h"
#include "store/alerts/threshold_repository.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/purchasing/restock_queries.h"
#include "store/stock/sku_scope.h"

namespace dj {
namespace {

using PairKey = std::pair<Id, Id>;  // sku, warehouse
struct PairHash {
    std::size_t operator()(const PairKey& k) const {
        return std::hash<Id>()(k.first * 1000003 + k.second);
    }
};
constexpr int kCountLossWindowDays = 7;  // a large count loss stays an alert this long
constexpr Timestamp kDay = 86400;

long shop_today(Timestamp now) {
    return static_cast<long>((now + kShopUtcOffsetMinutes * 60) / kDay);
}

void no_bind(sql::Statement&) {}

// Its queries are sent when it is made, with the active alerts', the thresholds and
// restock_lines' (a shop server answers them all in one round trip), and read by the calls
// below.
struct Loader {
    Loader(Database& db, Timestamp now, const std::vector<Id>& skus)
        : db(db),
          now(now),
          skus(skus),
          lot_rows(db, skus,
                   "SELECT l.sku_id, l.warehouse_id, b.expiry, sum(l.on_hand), b.lot FROM "
                   "stock_lot l JOIN batch b ON b.id = l.batch_id WHERE l.on_hand > 0 AND "
                   "b.expiry <> '' {sku} GROUP BY l.sku_id, l.warehouse_id, b.id",
                   "l.sku_id", no_bind),
          // Units of waiting orders that stock could not cover, in the warehouse they ship from.
          short_rows(db, skus,
                     "SELECT i.sku_id, o.warehouse_id, count(DISTINCT o.id), "
                     "sum(i.qty - i.reserved_qty) FROM shop_order o "
                     "JOIN order_line ol ON ol.order_id = o.id "
                     "JOIN order_line_item i ON i.order_line_id = ol.id "
                     "WHERE o.status = 'to_ship' AND o.allocation = 'short' "
                     "AND o.warehouse_id IS NOT NULL AND i.qty > i.reserved_qty {sku} "
                     "GROUP BY i.sku_id, o.warehouse_id",
                     "i.sku_id", no_bind),
          // Plain rows folded in outbound() rather than grouped in SQL: a full run then reads
          // the ledger once in storage order, where grouping made SQLite walk an index with a
          // table lookup per row (three times slower over 700,000 movements).
          movement_rows(
              db, skus,
              "SELECT sku_id, warehouse_id, kind = 'ship', at FROM movement WHERE 1 = 1 {sku}",
              "sku_id", no_bind),
          count_rows(db, skus,
                     "SELECT sku_id, warehouse_id, min(id), sum(qty) FROM movement "
                     "WHERE kind = 'count' AND at >= :since {sku} GROUP BY sku_id, "
                     "warehouse_id, doc, at",
                     "sku_id", [&](sql::Statement& s) {
                         s.bind(":since", static_cast<int64_t>(now - kCountLossWindowDays * kDay));
                     }) {}

    Database& db;
    Timestamp now;
    const std::vector<Id>& skus;
    std::map<PairKey, AlertFacts> facts;
    SkuScan lot_rows;
    SkuScan short_rows;
    SkuScan movement_rows;
    SkuScan count_rows;

    void stock(ThresholdsAhead& thresholds) {
        for (const RestockLine& l : restock_lines(db, now, {std::nullopt, skus}, thresholds)) {
            AlertFacts& f = facts[{l.sku_id, l.warehouse_id}];
            f.on_hand = l.on_hand;
            f.available = l.available;
            f.reorder_point = l.reorder_point;
            f.recent_shipped = l.shipped;
        }
    }

    void lots() {
        lot_rows.rows([&](sql::Statement& s) {
            AlertFacts& f = facts[{s.column(0).int64(), s.column(1).int64()}];
            f.lots.push_back(
                {days_from_date(s.column(2).text()), s.column(3).int64(), s.column(4).text()});
        });
    }

    void short_orders() {
        short_rows.rows([&](sql::Statement& s) {
            AlertFacts& f = facts[{s.column(0).int64(), s.column(1).int64()}];
            f.short_orders = s.column(2).int32();
            f.short_units = s.column(3).int64();
        });
    }

    // Days since the last shipment, or since the first movement when nothing ever shipped.
    void outbound() {
        struct Seen {
            std::optional<Timestamp> last_ship;
            Timestamp first = 0;
            bool any = false;
        };
        std::unordered_map<PairKey, Seen, PairHash> seen;
        movement_rows.rows([&](sql::Statement& s) {
            Seen& x = seen[{s.column(0).int64(), s.column(1).int64()}];
            Timestamp at = s.column(3).int64();
            if (s.column(2).int32() && (!x.last_ship || at > *x.last_ship)) x.last_ship = at;
            if (!x.any || at < x.first) x.first = at;
            x.any = true;
        });
        for (const auto& [key, x] : seen) {
            auto it = facts.find(key);
            if (it == facts.end()) continue;
            Timestamp since = x.last_ship.value_or(x.first);
            it->second.days_without_outbound = static_cast<long>((now - since) / kDay);
        }
    }

    // Count adjustments of the last days, one per count (document and time), with the
    // warehouse's on hand just before it, read from the ledger.
    void count_losses() {
        struct Count {
            Id sku, wh, first_id;
            Qty qty;
        };
        std::vector<Count> counts;
        count_rows.rows([&](sql::Statement& s) {
            if (s.column(3).int64() < 0)
                counts.push_back({s.column(0).int64(), s.column(1).int64(), s.column(2).int64(),
                                  s.column(3).int64()});
        });
        sql::Statement before(connection(db),
                              "SELECT ifnull(sum(qty), 0) FROM movement "
                              "WHERE sku_id = ? AND warehouse_id = ? AND id < ?");
        for (const Count& c : counts) {
            before.bind(1, static_cast<int64_t>(c.sku));
            before.bind(2, static_cast<int64_t>(c.wh));
            before.bind(3, static_cast<int64_t>(c.first_id));
            Qty on_hand = before.step() ? before.column(0).int64() : 0;
            before.reset();
            facts[{c.sku, c.wh}].recent_count_losses.push_back({-c.qty, on_hand});
        }
    }
};

AlertThresholds thresholds_for(const ThresholdBook& book, Id sku, Id wh) {
    AlertThresholds t;
    t.expiry_days = static_cast<int>(book.value(Threshold::expiry_days, sku, wh));
    t.stagnant_days = static_cast<int>(book.value(Threshold::stagnant_days, sku, wh));
    t.count_loss_percent = static_cast<int>(book.value(Threshold::count_loss_percent, sku, wh));
    t.max_stock = book.value(Threshold::max_stock, sku, wh);
    return t;
}

}  // namespace

AlertRunSummary evaluate_stock_alerts(Database& db, Timestamp now, const std::vector<Id>& sku_ids) {
    AlertRunSummary summary;
    try {
        WriteTransaction tx(db);
        Loader loader(db, now, sku_ids);
        SkuScan active_rows(db, sku_ids,
                            "SELECT sku_id, id, kind, warehouse_id, detail FROM alert "
                            "WHERE status <> 'resolved' {sku}",
                            "sku_id", no_bind);
        ThresholdsAhead thresholds(db);
        loader.stock(thresholds);
        const ThresholdBook& book = thresholds.book();
        loader.lots();
        loader.short_orders();
        loader.outbound();
        loader.count_losses();

        std::map<PairKey, std::vector<ActiveAlert>> active;
        active_rows.rows([&](sql::Statement& s) {
            if (auto kind = parse_alert_kind(s.column(2).text()))
                active[{s.column(0).int64(), s.column(3).int64()}].push_back(
                    {s.column(1).int64(), *kind, s.column(4).text()});
        });
        // A pair with an active alert but no facts any more (no stock record) clears too.
        for (const auto& [key, alerts] : active)
            loader.facts.try_emplace(key);

        long today = shop_today(now);
        sql::Statement insert(connection(db),
                              "INSERT INTO alert(kind, sku_id, warehouse_id, status, detail, "
                              "opened_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?)");
        sql::Statement refresh(connection(db),
                               "UPDATE alert SET detail = ?, updated_at = ? WHERE id = ?");
        sql::Statement resolve(connection(db),
                               "UPDATE alert SET status = 'resolved', resolved_at = ?, "
                               "updated_at = ? WHERE id = ?");
        static const std::vector<ActiveAlert> kNone;
        for (const auto& [key, facts] : loader.facts) {
            ++summary.evaluated;
            auto a = active.find(key);
            AlertChanges changes = reconcile_alerts(
                a == active.end() ? kNone : a->second,
                evaluate_alerts(facts, thresholds_for(book, key.first, key.second), today));
            for (const AlertCondition& c : changes.open) {
                insert.bind(1, std::string(alert_kind_code(c.kind)));
                insert.bind(2, static_cast<int64_t>(key.first));
                insert.bind(3, static_cast<int64_t>(key.second));
                insert.bind(4, c.figures);
                insert.bind(5, static_cast<int64_t>(now));
                insert.bind(6, static_cast<int64_t>(now));
                insert.exec();
                insert.reset();
                summary.opened.push_back(connection(db).last_insert_id());
            }
            for (const auto& [id, figures] : changes.refresh) {
                refresh.bind(1, figures);
                refresh.bind(2, static_cast<int64_t>(now));
                refresh.bind(3, static_cast<int64_t>(id));
                refresh.exec_deferred();
                refresh.reset();
                ++summary.refreshed;
            }
            for (Id id : changes.resolve) {
                resolve.bind(1, static_cast<int64_t>(now));
                resolve.bind(2, static_cast<int64_t>(now));
                resolve.bind(3, static_cast<int64_t>(id));
                resolve.exec_deferred();
                resolve.reset();
                ++summary.resolved;
            }
        }
        // In the same transaction: an alert opened while offline still reaches its channels.
        queue_alert_notifications(db, summary.opened, now);
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("evaluating stock alerts"));
    }
    return summary;
}

}  // namespace dj
