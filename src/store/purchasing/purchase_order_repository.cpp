#include "store/purchasing/purchase_order_repository.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

const char* kHeaderSelect =
    "SELECT o.id, o.no, o.supplier_id, p.code, p.name, o.warehouse_id, w.code, o.status, "
    "o.expected_at, o.created_at, o.created_by FROM purchase_order o "
    "JOIN supplier p ON p.id = o.supplier_id JOIN warehouse w ON w.id = o.warehouse_id ";

PurchaseOrder read_header(sql::Statement& s) {
    PurchaseOrder o;
    o.id = s.column(0).int64();
    o.no = s.column(1).text();
    o.supplier_id = s.column(2).int64();
    o.supplier = s.column(3).text();
    o.supplier_name = s.column(4).text();
    o.warehouse_id = s.column(5).int64();
    o.warehouse = s.column(6).text();
    // The table's CHECK allows only the five codes.
    o.status = parse_po_status(s.column(7).text()).value_or(PoStatus::ordered);
    if (!s.column(8).is_null()) o.expected_at = s.column(8).int64();
    o.created_at = s.column(9).int64();
    o.created_by = s.column(10).text();
    return o;
}

void load_lines(Database& db, PurchaseOrder& o) {
    sql::Statement s(connection(db),
                     "SELECT l.line_no, l.sku_id, k.code, k.name, l.qty, l.received_qty, "
                     "l.unit_cost_fen FROM purchase_order_line l JOIN sku k ON k.id = l.sku_id "
                     "WHERE l.po_id = ? ORDER BY l.line_no");
    s.bind(1, static_cast<int64_t>(o.id));
    while (s.step()) {
        PurchaseOrderLine l;
        l.line_no = s.column(0).int32();
        l.sku_id = s.column(1).int64();
        l.sku = s.column(2).text();
        l.sku_name = s.column(3).text();
        l.qty = s.column(4).int64();
        l.received = s.column(5).int64();
        l.unit_cost = s.column(6).int64();
        o.lines.push_back(std::move(l));
    }
}

}  // namespace

std::optional<PurchaseOrder> find_purchase_order(Database& db, std::string_view no) {
    try {
        sql::Statement s(connection(db), std::string(kHeaderSelect) + "WHERE o.no = ?");
        s.bind(1, std::string(no));
        if (!s.step()) return std::nullopt;
        PurchaseOrder o = read_header(s);
        load_lines(db, o);
        return o;
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("reading a purchase order"));
    }
}

std::string next_po_number(Database& db, Timestamp now) {
    std::string date = shop_date(now);
    std::string prefix = "PO-" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "-";
    sql::Statement s(connection(db), "SELECT count(*) FROM purchase_order WHERE no LIKE ?");
    s.bind(1, prefix + "%");
    s.step();
    std::string n = std::to_string(s.column(0).int64() + 1);
    return prefix + std::string(n.size() < 3 ? 3 - n.size() : 0, '0') + n;
}

Fen default_unit_cost(Database& db, Id sku_id) {
    sql::Statement s(connection(db),
                     "SELECT ifnull(c.last_unit_cost_fen, k.standard_cost_fen) FROM sku k "
                     "LEFT JOIN sku_cost c ON c.sku_id = k.id WHERE k.id = ?");
    s.bind(1, static_cast<int64_t>(sku_id));
    return s.step() ? s.column(0).int64() : 0;
}

PurchaseOrder insert_purchase_order(Database& db, const std::string& no, Id supplier_id,
                                    Id warehouse_id, const std::vector<NewPoLine>& lines,
                                    std::optional<Timestamp> expected_at, Timestamp now,
                                    const std::string& created_by) {
    try {
        sql::Statement head(
            connection(db),
            "INSERT INTO purchase_order(no, supplier_id, warehouse_id, status, "
            "expected_at, created_at, created_by) VALUES (?, ?, ?, 'ordered', ?, ?, ?)");
        head.bind(1, no);
        head.bind(2, static_cast<int64_t>(supplier_id));
        head.bind(3, static_cast<int64_t>(warehouse_id));
        if (expected_at) head.bind(4, static_cast<int64_t>(*expected_at));
        head.bind(5, static_cast<int64_t>(now));
        head.bind(6, created_by);
        head.exec();
        Id po_id = connection(db).last_insert_id();
        sql::Statement s(connection(db),
                         "INSERT INTO purchase_order_line(po_id, line_no, sku_id, qty, "
                         "unit_cost_fen) VALUES (?, ?, ?, ?, ?)");
        int line_no = 0;
        for (const NewPoLine& l : lines) {
            s.reset();
            s.bind(1, static_cast<int64_t>(po_id));
            s.bind(2, ++line_no);
            s.bind(3, static_cast<int64_t>(l.sku_id));
            s.bind(4, static_cast<int64_t>(l.qty));
            s.bind(5, static_cast<int64_t>(l.unit_cost));
            s.exec();
        }
        return *find_purchase_order(db, no);
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("creating a purchase order"));
    }
}

void set_line_received(Database& db, Id po_id, int line_no, Qty received) {
    sql::Statement& s = db.statement(
        "UPDATE purchase_order_line SET received_qty = ? WHERE po_id = ? AND line_no = ?");
    s.bind(1, static_cast<int64_t>(received));
    s.bind(2, static_cast<int64_t>(po_id));
    s.bind(3, line_no);
    s.exec();
}

void set_po_status(Database& db, Id po_id, PoStatus status) {
    sql::Statement& s = db.statement("UPDATE purchase_order SET status = ? WHERE id = ?");
    s.bind(1, po_status_code(status));
    s.bind(2, static_cast<int64_t>(po_id));
    s.exec();
}

std::vector<PurchaseOrder> list_purchase_orders(Database& db, const PoFilter& filter) {
    try {
        std::string sql = std::string(kHeaderSelect) + "WHERE 1 = 1";
        if (filter.status) sql += " AND o.status = :status";
        if (!filter.supplier.empty()) sql += " AND p.code = :supplier";
        sql::Statement s(connection(db), sql + " ORDER BY o.created_at DESC, o.id DESC");
        if (filter.status) s.bind(":status", po_status_code(*filter.status));
        if (!filter.supplier.empty()) s.bind(":supplier", filter.supplier);
        std::vector<PurchaseOrder> out;
        while (s.step())
            out.push_back(read_header(s));
        for (PurchaseOrder& o : out)
            load_lines(db, o);
        return out;
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("listing purchase orders"));
    }
}

PurchaseOrder require_purchase_order(Database& db, std::string_view no) {
    try {
        std::optional<PurchaseOrder> o = find_purchase_order(db, no);
        if (!o)
            throw NotFound(trf("Purchase order {0} does not exist: po list shows the numbers",
                               std::string(no)));
        return *o;
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("reading a purchase order"));
    }
}

}  // namespace dj
