#include "store/stock/stock_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/base/money.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"
#include "store/stock/shippable_stock.h"

namespace dj {

std::vector<StockRow> list_stock(Database& db, const StockFilter& filter) {
    SQLite::Statement s(connection(db),
                        std::string("SELECT k.code, k.name, w.code, b.on_hand, b.reserved, "
                                    "b.in_transit, ifnull(c.qty, 0), ifnull(c.value_fen, 0), "
                                    "ifnull(c.last_unit_cost_fen, k.standard_cost_fen), ") +
                            kUnshippableQty +
                            " FROM stock_balance b JOIN sku k ON k.id = b.sku_id "
                            "JOIN warehouse w ON w.id = b.warehouse_id "
                            "LEFT JOIN sku_cost c ON c.sku_id = b.sku_id "
                            "WHERE (?1 = '' OR w.code = ?1) AND (?2 = '' OR k.code = ?2) "
                            "AND (?3 OR b.on_hand <> 0 OR b.reserved <> 0 OR b.in_transit <> 0) "
                            "ORDER BY k.code, w.code");
    s.bind(1, filter.warehouse);
    s.bind(2, filter.sku);
    s.bind(3, filter.with_empty ? 1 : 0);
    std::vector<StockRow> out;
    while (s.executeStep()) {
        StockRow r;
        r.sku = s.getColumn(0).getString();
        r.sku_name = s.getColumn(1).getString();
        r.warehouse = s.getColumn(2).getString();
        r.on_hand = s.getColumn(3).getInt64();
        r.reserved = s.getColumn(4).getInt64();
        r.in_transit = s.getColumn(5).getInt64();
        r.unshippable = s.getColumn(9).getInt64();
        r.available = r.on_hand - r.reserved - r.unshippable;
        Qty cost_qty = s.getColumn(6).getInt64();
        Fen cost_value = s.getColumn(7).getInt64();
        r.avg_cost =
            cost_qty > 0 ? mul_div_rounded(cost_value, 1, cost_qty) : s.getColumn(8).getInt64();
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<LotRow> list_lots(Database& db, const StockFilter& filter) {
    SQLite::Statement s(
        connection(db),
        "SELECT k.code, w.code, ifnull(l.code, ''), ifnull(b.lot, ''), "
        "ifnull(b.expiry, ''), t.on_hand FROM stock_lot t "
        "JOIN sku k ON k.id = t.sku_id JOIN warehouse w ON w.id = t.warehouse_id "
        "LEFT JOIN location l ON l.id = t.location_id "
        "LEFT JOIN batch b ON b.id = t.batch_id "
        "WHERE t.on_hand <> 0 AND (?1 = '' OR w.code = ?1) AND (?2 = '' OR k.code = ?2) "
        "ORDER BY k.code, w.code, ifnull(l.walk_order, 2147483647), l.code, "
        "b.expiry");
    s.bind(1, filter.warehouse);
    s.bind(2, filter.sku);
    std::vector<LotRow> out;
    while (s.executeStep())
        out.push_back({s.getColumn(0).getString(), s.getColumn(1).getString(),
                       s.getColumn(2).getString(), s.getColumn(3).getString(),
                       s.getColumn(4).getString(), s.getColumn(5).getInt64()});
    return out;
}

namespace {

constexpr const char* kLedgerSelect =
    "SELECT m.id, m.at, m.kind, k.code, w.code, ifnull(l.code, ''), ifnull(b.lot, ''), "
    "ifnull(cw.code, ''), m.qty, m.unit_cost_fen, m.value_fen, m.doc, m.reason, m.operator, "
    "m.role, m.workstation FROM movement m JOIN sku k ON k.id = m.sku_id "
    "JOIN warehouse w ON w.id = m.warehouse_id "
    "LEFT JOIN location l ON l.id = m.location_id LEFT JOIN batch b ON b.id = m.batch_id "
    "LEFT JOIN warehouse cw ON cw.id = m.counterpart_warehouse_id ";

std::vector<LedgerRow> read_ledger(SQLite::Statement& s) {
    std::vector<LedgerRow> out;
    while (s.executeStep()) {
        LedgerRow r;
        r.id = s.getColumn(0).getInt64();
        r.at = s.getColumn(1).getInt64();
        r.kind = s.getColumn(2).getString();
        r.sku = s.getColumn(3).getString();
        r.warehouse = s.getColumn(4).getString();
        r.location = s.getColumn(5).getString();
        r.batch = s.getColumn(6).getString();
        r.counterpart = s.getColumn(7).getString();
        r.qty = s.getColumn(8).getInt64();
        r.unit_cost = s.getColumn(9).getInt64();
        r.value = s.getColumn(10).getInt64();
        r.doc = s.getColumn(11).getString();
        r.reason = s.getColumn(12).getString();
        r.actor = {s.getColumn(13).getString(), s.getColumn(14).getString(),
                   s.getColumn(15).getString()};
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

std::vector<LedgerRow> list_ledger(Database& db, const LedgerFilter& filter) {
    SQLite::Statement s(connection(db), std::string(kLedgerSelect) +
                                            "WHERE (?1 = '' OR k.code = ?1) AND m.at >= ?2 "
                                            "ORDER BY m.id LIMIT ?3");
    s.bind(1, filter.sku);
    s.bind(2, static_cast<int64_t>(filter.since.value_or(INT64_MIN)));
    s.bind(3, filter.limit > 0 ? filter.limit : -1);
    return read_ledger(s);
}

std::vector<LedgerRow> order_movements(Database& db, const std::string& doc) {
    SQLite::Statement s(connection(db),
                        std::string(kLedgerSelect) + "WHERE m.doc = ? ORDER BY m.id");
    s.bind(1, doc);
    return read_ledger(s);
}

std::optional<LedgerRow> first_movement_under(Database& db, MovementKind kind, Id sku_id,
                                              Id warehouse_id, const std::string& doc) {
    SQLite::Statement s(connection(db), std::string(kLedgerSelect) +
                                            "WHERE m.doc = ? AND m.kind = ? AND m.sku_id = ? AND "
                                            "m.warehouse_id = ? ORDER BY m.id LIMIT 1");
    s.bind(1, doc);
    s.bind(2, std::string(movement_kind_code(kind)));
    s.bind(3, static_cast<int64_t>(sku_id));
    s.bind(4, static_cast<int64_t>(warehouse_id));
    std::vector<LedgerRow> rows = read_ledger(s);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<WarehouseSummary> stock_summary(Database& db) {
    std::vector<WarehouseSummary> out;
    SQLite::Statement w(connection(db), "SELECT id, code, name FROM warehouse ORDER BY id");
    std::vector<Id> ids;
    while (w.executeStep()) {
        ids.push_back(w.getColumn(0).getInt64());
        out.push_back({w.getColumn(1).getString(), w.getColumn(2).getString()});
    }
    // Value at the shop-wide average, in exact integer fen per SKU row.
    SQLite::Statement s(connection(db),
                        std::string("SELECT b.warehouse_id, b.on_hand, b.reserved, b.in_transit, "
                                    "ifnull(c.qty, 0), ifnull(c.value_fen, 0), "
                                    "ifnull(c.last_unit_cost_fen, 0), ") +
                            kUnshippableQty +
                            " FROM stock_balance b LEFT JOIN sku_cost c ON c.sku_id = b.sku_id");
    while (s.executeStep()) {
        Id wid = s.getColumn(0).getInt64();
        std::size_t i = 0;
        while (i < ids.size() && ids[i] != wid)
            ++i;
        if (i == ids.size()) continue;
        WarehouseSummary& sum = out[i];
        Qty on_hand = s.getColumn(1).getInt64();
        Qty cost_qty = s.getColumn(4).getInt64();
        Fen cost_value = s.getColumn(5).getInt64();
        if (on_hand > 0) ++sum.skus_in_stock;
        sum.on_hand += on_hand;
        sum.reserved += s.getColumn(2).getInt64();
        sum.in_transit += s.getColumn(3).getInt64();
        sum.unshippable += s.getColumn(7).getInt64();
        sum.value += cost_qty > 0 ? mul_div_rounded(cost_value, on_hand, cost_qty)
                                  : on_hand * s.getColumn(6).getInt64();
    }
    for (WarehouseSummary& sum : out)
        sum.available = sum.on_hand - sum.reserved - sum.unshippable;
    return out;
}

std::vector<InTransit> in_transit_under(Database& db, const std::string& doc) {
    SQLite::Statement s(connection(db),
                        "SELECT sku_id, dest, src, batch_id, sum(sent), sum(sent_value) FROM ("
                        " SELECT sku_id, counterpart_warehouse_id AS dest, warehouse_id AS src,"
                        "  batch_id, -qty AS sent, -value_fen AS sent_value FROM movement"
                        "  WHERE doc = ?1 AND kind = 'transfer_out'"
                        " UNION ALL"
                        " SELECT sku_id, warehouse_id, counterpart_warehouse_id, batch_id, -qty,"
                        "  -value_fen FROM movement WHERE doc = ?1 AND kind = 'transfer_in')"
                        " GROUP BY sku_id, dest, src, batch_id HAVING sum(sent) > 0");
    s.bind(1, doc);
    std::vector<InTransit> out;
    while (s.executeStep()) {
        InTransit t{s.getColumn(0).getInt64(), s.getColumn(1).getInt64(),
                    s.getColumn(2).getInt64(), std::nullopt,
                    s.getColumn(4).getInt64(), s.getColumn(5).getInt64()};
        if (!s.getColumn(3).isNull()) t.batch_id = s.getColumn(3).getInt64();
        out.push_back(t);
    }
    return out;
}

}  // namespace dj
