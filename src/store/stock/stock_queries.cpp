#include "store/stock/stock_queries.h"

#include "core/base/money.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/stock/shippable_stock.h"

namespace dj {

std::vector<StockRow> list_stock(Database& db, const StockFilter& filter) {
    sql::Statement s(connection(db),
                     std::string("SELECT k.code, k.name, w.code, b.on_hand, b.reserved, "
                                 "b.in_transit, ifnull(c.qty, 0), ifnull(c.value_fen, 0), "
                                 "ifnull(c.last_unit_cost_fen, k.standard_cost_fen), ") +
                         kUnshippableQty +
                         " FROM stock_balance b JOIN sku k ON k.id = b.sku_id "
                         "JOIN warehouse w ON w.id = b.warehouse_id "
                         "LEFT JOIN sku_cost c ON c.sku_id = b.sku_id "
                         "WHERE (?1 = '' OR w.code = ?1) AND (?2 = '' OR k.code = ?2) "
                         "AND (?3 <> 0 OR b.on_hand <> 0 OR b.reserved <> 0 OR b.in_transit <> 0) "
                         "ORDER BY k.code, w.code");
    s.bind(1, filter.warehouse);
    s.bind(2, filter.sku);
    s.bind(3, filter.with_empty ? 1 : 0);
    std::vector<StockRow> out;
    while (s.step()) {
        StockRow r;
        r.sku = s.column(0).text();
        r.sku_name = s.column(1).text();
        r.warehouse = s.column(2).text();
        r.on_hand = s.column(3).int64();
        r.reserved = s.column(4).int64();
        r.in_transit = s.column(5).int64();
        r.unshippable = s.column(9).int64();
        r.available = r.on_hand - r.reserved - r.unshippable;
        Qty cost_qty = s.column(6).int64();
        Fen cost_value = s.column(7).int64();
        r.avg_cost = cost_qty > 0 ? mul_div_rounded(cost_value, 1, cost_qty) : s.column(8).int64();
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<LotRow> list_lots(Database& db, const StockFilter& filter) {
    sql::Statement s(
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
    while (s.step())
        out.push_back({s.column(0).text(), s.column(1).text(), s.column(2).text(),
                       s.column(3).text(), s.column(4).text(), s.column(5).int64()});
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

std::vector<LedgerRow> read_ledger(sql::Statement& s) {
    std::vector<LedgerRow> out;
    while (s.step()) {
        LedgerRow r;
        r.id = s.column(0).int64();
        r.at = s.column(1).int64();
        r.kind = s.column(2).text();
        r.sku = s.column(3).text();
        r.warehouse = s.column(4).text();
        r.location = s.column(5).text();
        r.batch = s.column(6).text();
        r.counterpart = s.column(7).text();
        r.qty = s.column(8).int64();
        r.unit_cost = s.column(9).int64();
        r.value = s.column(10).int64();
        r.doc = s.column(11).text();
        r.reason = s.column(12).text();
        r.actor = {s.column(13).text(), s.column(14).text(), s.column(15).text()};
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

std::vector<LedgerRow> list_ledger(Database& db, const LedgerFilter& filter) {
    sql::Statement s(connection(db), std::string(kLedgerSelect) +
                                         "WHERE (?1 = '' OR k.code = ?1) AND m.at >= ?2 "
                                         "ORDER BY m.id LIMIT ?3");
    s.bind(1, filter.sku);
    s.bind(2, static_cast<int64_t>(filter.since.value_or(INT64_MIN)));
    s.bind(3, filter.limit > 0 ? filter.limit : INT64_MAX);
    return read_ledger(s);
}

std::vector<LedgerRow> order_movements(Database& db, const std::string& doc) {
    sql::Statement s(connection(db), std::string(kLedgerSelect) + "WHERE m.doc = ? ORDER BY m.id");
    s.bind(1, doc);
    return read_ledger(s);
}

std::optional<LedgerRow> first_movement_under(Database& db, MovementKind kind, Id sku_id,
                                              Id warehouse_id, const std::string& doc) {
    sql::Statement s(connection(db), std::string(kLedgerSelect) +
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
    sql::Statement w(connection(db), "SELECT id, code, name FROM warehouse ORDER BY id");
    std::vector<Id> ids;
    while (w.step()) {
        ids.push_back(w.column(0).int64());
        out.push_back({w.column(1).text(), w.column(2).text()});
    }
    // Value at the shop-wide average, in exact integer fen per SKU row.
    sql::Statement s(connection(db),
                     std::string("SELECT b.warehouse_id, b.on_hand, b.reserved, b.in_transit, "
                                 "ifnull(c.qty, 0), ifnull(c.value_fen, 0), "
                                 "ifnull(c.last_unit_cost_fen, 0), ") +
                         kUnshippableQty +
                         " FROM stock_balance b LEFT JOIN sku_cost c ON c.sku_id = b.sku_id");
    while (s.step()) {
        Id wid = s.column(0).int64();
        std::size_t i = 0;
        while (i < ids.size() && ids[i] != wid)
            ++i;
        if (i == ids.size()) continue;
        WarehouseSummary& sum = out[i];
        Qty on_hand = s.column(1).int64();
        Qty cost_qty = s.column(4).int64();
        Fen cost_value = s.column(5).int64();
        if (on_hand > 0) ++sum.skus_in_stock;
        sum.on_hand += on_hand;
        sum.reserved += s.column(2).int64();
        sum.in_transit += s.column(3).int64();
        sum.unshippable += s.column(7).int64();
        sum.value += cost_qty > 0 ? mul_div_rounded(cost_value, on_hand, cost_qty)
                                  : on_hand * s.column(6).int64();
    }
    for (WarehouseSummary& sum : out)
        sum.available = sum.on_hand - sum.reserved - sum.unshippable;
    return out;
}

std::vector<InTransit> in_transit_under(Database& db, const std::string& doc) {
    sql::Statement s(connection(db),
                     "SELECT sku_id, dest, src, batch_id, sum(sent), sum(sent_value) FROM ("
                     " SELECT sku_id, counterpart_warehouse_id AS dest, warehouse_id AS src,"
                     "  batch_id, -qty AS sent, -value_fen AS sent_value FROM movement"
                     "  WHERE doc = ?1 AND kind = 'transfer_out'"
                     " UNION ALL"
                     " SELECT sku_id, warehouse_id, counterpart_warehouse_id, batch_id, -qty,"
                     "  -value_fen FROM movement WHERE doc = ?1 AND kind = 'transfer_in') t"
                     " GROUP BY sku_id, dest, src, batch_id HAVING sum(sent) > 0");
    s.bind(1, doc);
    std::vector<InTransit> out;
    while (s.step()) {
        InTransit t{s.column(0).int64(), s.column(1).int64(), s.column(2).int64(),
                    std::nullopt,        s.column(4).int64(), s.column(5).int64()};
        if (!s.column(3).is_null()) t.batch_id = s.column(3).int64();
        out.push_back(t);
    }
    return out;
}

}  // namespace dj
