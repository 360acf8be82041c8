#include "store/purchasing/restock_queries.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "core/base/clock.h"
#include "core/base/translate.h"
#include "core/purchasing/restock.h"
#include "store/alerts/threshold_repository.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/stock/shippable_stock.h"
#include "store/stock/sku_scope.h"

namespace dj {
namespace {

constexpr Timestamp kShopOffsetSeconds = kShopUtcOffsetMinutes * 60;

long shop_day(Timestamp t) {
    Timestamp s = t + kShopOffsetSeconds;
    return static_cast<long>(s >= 0 ? s / 86400 : (s - 86399) / 86400);
}

using PairKey = std::pair<Id, Id>;  // sku, warehouse

// The line of a SKU the warehouse holds no stock of (orders wait for it there).
RestockLine unstocked_line(Database& db, Id sku_id, Id warehouse_id) {
    sql::Statement s(connection(db),
                     "SELECT k.code, k.name, w.code, k.supplier_id, ifnull(p.code, ''), "
                     "ifnull(p.name, ''), ifnull(p.lead_time_days, 7), "
                     "ifnull(p.order_multiple, 1), ifnull(c.last_unit_cost_fen, "
                     "k.standard_cost_fen) FROM sku k JOIN warehouse w ON w.id = ?2 "
                     "LEFT JOIN supplier p ON p.id = k.supplier_id "
                     "LEFT JOIN sku_cost c ON c.sku_id = k.id WHERE k.id = ?1");
    s.bind(1, static_cast<int64_t>(sku_id));
    s.bind(2, static_cast<int64_t>(warehouse_id));
    RestockLine l;
    l.sku_id = sku_id;
    l.warehouse_id = warehouse_id;
    if (!s.step()) return l;
    l.sku = s.column(0).text();
    l.sku_name = s.column(1).text();
    l.warehouse = s.column(2).text();
    if (!s.column(3).is_null()) l.supplier_id = s.column(3).int64();
    l.supplier = s.column(4).text();
    l.supplier_name = s.column(5).text();
    l.lead_days = s.column(6).int32();
    l.order_multiple = s.column(7).int32();
    l.unit_cost = s.column(8).int64();
    return l;
}

}  // namespace

std::vector<RestockLine> restock_lines(Database& db, Timestamp now, const RestockFilter& filter) {
    ThresholdsAhead thresholds(db);
    return restock_lines(db, now, filter, thresholds);
}

std::vector<RestockLine> restock_lines(Database& db, Timestamp now, const RestockFilter& filter,
                                       ThresholdsAhead& ahead) {
    try {
        std::map<PairKey, RestockLine> lines;
        std::string wh_clause = filter.warehouse_id ? " AND b.warehouse_id = :wh" : "";
        auto bind_wh = [&](sql::Statement& s) {
            if (filter.warehouse_id) s.bind(":wh", static_cast<int64_t>(*filter.warehouse_id));
        };
        // Sent together (a shop server answers them in one round trip), then read.
        SkuScan balances(db, filter.sku_ids,
                         "SELECT b.sku_id, b.warehouse_id, k.code, k.name, w.code, k.supplier_id, "
                         "ifnull(p.code, ''), ifnull(p.name, ''), ifnull(p.lead_time_days, 7), "
                         "ifnull(p.order_multiple, 1), b.on_hand, b.on_hand - b.reserved - " +
                             std::string(kUnshippableQty) +
                             ", b.in_transit, ifnull(c.last_unit_cost_fen, k.standard_cost_fen) "
                             "FROM stock_balance b JOIN sku k ON k.id = b.sku_id "
                             "JOIN warehouse w ON w.id = b.warehouse_id "
                             "LEFT JOIN supplier p ON p.id = k.supplier_id "
                             "LEFT JOIN sku_cost c ON c.sku_id = k.id WHERE 1 = 1 {sku}" +
                             wh_clause,
                         "b.sku_id", bind_wh);
        // Daily shipped quantities over the window, by shop day. The rows are summed here rather
        // than grouped in SQL, which sorted every shipment of the window first.
        long today = shop_day(now);
        long first_day = today - kDemandWindowDays + 1;
        Timestamp since = static_cast<Timestamp>(first_day) * 86400 - kShopOffsetSeconds;
        SkuScan shipments(db, filter.sku_ids,
                          "SELECT m.sku_id, m.warehouse_id, m.at, -m.qty FROM movement m "
                          "WHERE m.kind = 'ship' AND m.at >= :since AND m.at < :until {sku}" +
                              (filter.warehouse_id ? std::string(" AND m.warehouse_id = :wh") : ""),
                          "m.sku_id", [&](sql::Statement& s) {
                              s.bind(":since", static_cast<int64_t>(since));
                              s.bind(":until",
                                     static_cast<int64_t>(since + kDemandWindowDays * 86400));
                              bind_wh(s);
                          });
        SkuScan ordered(
            db, filter.sku_ids,
            "SELECT l.sku_id, o.warehouse_id, sum(l.qty - l.received_qty) "
            "FROM purchase_order_line l JOIN purchase_order o ON o.id = l.po_id "
            "WHERE o.status IN ('ordered', 'partly_received') AND l.qty > l.received_qty {sku}" +
                (filter.warehouse_id ? std::string(" AND o.warehouse_id = :wh") : "") +
                " GROUP BY l.sku_id, o.warehouse_id",
            "l.sku_id", bind_wh);
        // What orders waiting to ship from a warehouse still lack: they are owed before anyone
        // new is served. A SKU the warehouse never had gets a line of its own.
        SkuScan owed(
            db, filter.sku_ids,
            "SELECT i.sku_id, o.warehouse_id, sum(i.qty - i.reserved_qty) FROM shop_order o "
            "JOIN order_line ol ON ol.order_id = o.id "
            "JOIN order_line_item i ON i.order_line_id = ol.id "
            "WHERE o.status = 'to_ship' AND o.allocation = 'short' "
            "AND o.warehouse_id IS NOT NULL AND i.qty > i.reserved_qty {sku}" +
                (filter.warehouse_id ? std::string(" AND o.warehouse_id = :wh") : "") +
                " GROUP BY i.sku_id, o.warehouse_id",
            "i.sku_id", bind_wh);

        balances.rows([&](sql::Statement& s) {
            RestockLine l;
            l.sku_id = s.column(0).int64();
            l.warehouse_id = s.column(1).int64();
            l.sku = s.column(2).text();
            l.sku_name = s.column(3).text();
            l.warehouse = s.column(4).text();
            if (!s.column(5).is_null()) l.supplier_id = s.column(5).int64();
            l.supplier = s.column(6).text();
            l.supplier_name = s.column(7).text();
            l.lead_days = s.column(8).int32();
            l.order_multiple = s.column(9).int32();
            l.on_hand = s.column(10).int64();
            l.available = s.column(11).int64();
            l.in_transit = s.column(12).int64();
            l.unit_cost = s.column(13).int64();
            lines.emplace(PairKey{l.sku_id, l.warehouse_id}, std::move(l));
        });
        std::map<PairKey, std::array<Qty, kDemandWindowDays>> daily;
        shipments.rows([&](sql::Statement& s) {
            auto [it, added] = daily.try_emplace({s.column(0).int64(), s.column(1).int64()});
            if (added) it->second.fill(0);
            it->second[shop_day(s.column(2).int64()) - first_day] += s.column(3).int64();
        });
        std::map<PairKey, DemandStats> demand;
        for (const auto& [key, days] : daily) {
            DemandStats& d = demand[key];
            for (Qty x : days) {
                d.total += x;
                d.total_sq += x * x;
            }
        }
        std::map<PairKey, Qty> on_order;
        ordered.rows([&](sql::Statement& s) {
            on_order[{s.column(0).int64(), s.column(1).int64()}] = s.column(2).int64();
        });
        std::map<PairKey, Qty> backlog;
        owed.rows([&](sql::Statement& s) {
            backlog[{s.column(0).int64(), s.column(1).int64()}] = s.column(2).int64();
        });
        for (const auto& [key, qty] : backlog)
            if (!lines.count(key)) lines.emplace(key, unstocked_line(db, key.first, key.second));

        const ThresholdBook& thresholds = ahead.book();
        std::vector<RestockLine> out;
        out.reserve(lines.size());
        for (auto& [key, l] : lines) {
            auto d = demand.find(key);
            DemandStats stats = d == demand.end() ? DemandStats{} : d->second;
            stats.days = kDemandWindowDays;
            ReorderInputs in;
            in.demand = stats;
            in.lead_days = l.lead_days;
            in.z = static_cast<double>(
                       thresholds.value(Threshold::service_z_milli, l.sku_id, l.warehouse_id)) /
                   1000.0;
            in.manual_safety_stock =
                thresholds.get(Threshold::safety_stock, l.sku_id, l.warehouse_id);
            in.manual_reorder_point =
                thresholds.get(Threshold::reorder_point, l.sku_id, l.warehouse_id);
            ReorderPoint rop = reorder_point(in);
            auto o = on_order.find(key);
            l.on_order = o == on_order.end() ? 0 : o->second;
            l.shipped = stats.total;
            l.d = stats.mean();
            l.sigma = stats.sigma();
            l.safety_stock = rop.safety_stock;
            l.reorder_point = rop.reorder_point;
            l.manual = in.manual_safety_stock || in.manual_reorder_point;
            auto b = backlog.find(key);
            l.backlog = b == backlog.end() ? 0 : b->second;
            l.position = restock_position(l.available, l.backlog, l.in_transit, l.on_order);
            int review = static_cast<int>(
                thresholds.value(Threshold::review_days, l.sku_id, l.warehouse_id));
            l.suggested = suggested_quantity(rop, stats, l.position, review, l.order_multiple);
            out.push_back(std::move(l));
        }
        std::sort(out.begin(), out.end(), [](const RestockLine& a, const RestockLine& b) {
            return std::tie(a.supplier, a.sku, a.warehouse) <
                   std::tie(b.supplier, b.sku, b.warehouse);
        });
        return out;
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("computing restock suggestions"));
    }
}

}  // namespace dj
