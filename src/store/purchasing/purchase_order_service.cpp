#include "store/purchasing/purchase_order_service.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>
#include <utility>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_service.h"
#include "store/stock/warehouse_repository.h"

namespace dj {
namespace {

const char* kHeaderSelect =
    "SELECT o.id, o.no, o.supplier_id, p.code, p.name, o.warehouse_id, w.code, o.status, "
    "o.expected_at, o.created_at, o.created_by FROM purchase_order o "
    "JOIN supplier p ON p.id = o.supplier_id JOIN warehouse w ON w.id = o.warehouse_id ";

PurchaseOrder read_header(SQLite::Statement& s) {
    PurchaseOrder o;
    o.id = s.getColumn(0).getInt64();
    o.no = s.getColumn(1).getString();
    o.supplier_id = s.getColumn(2).getInt64();
    o.supplier = s.getColumn(3).getString();
    o.supplier_name = s.getColumn(4).getString();
    o.warehouse_id = s.getColumn(5).getInt64();
    o.warehouse = s.getColumn(6).getString();
    // The table's CHECK allows only the five codes.
    o.status = parse_po_status(s.getColumn(7).getString()).value_or(PoStatus::ordered);
    if (!s.getColumn(8).isNull()) o.expected_at = s.getColumn(8).getInt64();
    o.created_at = s.getColumn(9).getInt64();
    o.created_by = s.getColumn(10).getString();
    return o;
}

void load_lines(Database& db, PurchaseOrder& o) {
    SQLite::Statement s(db.sql(),
                        "SELECT l.line_no, l.sku_id, k.code, k.name, l.qty, l.received_qty, "
                        "l.unit_cost_fen FROM purchase_order_line l JOIN sku k ON k.id = l.sku_id "
                        "WHERE l.po_id = ? ORDER BY l.line_no");
    s.bind(1, static_cast<int64_t>(o.id));
    while (s.executeStep()) {
        PurchaseOrderLine l;
        l.line_no = s.getColumn(0).getInt();
        l.sku_id = s.getColumn(1).getInt64();
        l.sku = s.getColumn(2).getString();
        l.sku_name = s.getColumn(3).getString();
        l.qty = s.getColumn(4).getInt64();
        l.received = s.getColumn(5).getInt64();
        l.unit_cost = s.getColumn(6).getInt64();
        o.lines.push_back(std::move(l));
    }
}

std::optional<PurchaseOrder> find_purchase_order(Database& db, std::string_view no) {
    SQLite::Statement s(db.sql(), std::string(kHeaderSelect) + "WHERE o.no = ?");
    s.bind(1, std::string(no));
    if (!s.executeStep()) return std::nullopt;
    PurchaseOrder o = read_header(s);
    load_lines(db, o);
    return o;
}

// PO-<shop date>-<nnn>, numbered within the day; called inside the write transaction, so two
// workstations never draw the same number.
std::string next_po_number(Database& db, Timestamp now) {
    std::string date = shop_date(now);
    std::string prefix = "PO-" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "-";
    SQLite::Statement s(db.sql(), "SELECT count(*) FROM purchase_order WHERE no LIKE ?");
    s.bind(1, prefix + "%");
    s.executeStep();
    std::string n = std::to_string(s.getColumn(0).getInt64() + 1);
    return prefix + std::string(n.size() < 3 ? 3 - n.size() : 0, '0') + n;
}

Fen default_unit_cost(Database& db, Id sku_id) {
    SQLite::Statement s(db.sql(),
                        "SELECT ifnull(c.last_unit_cost_fen, k.standard_cost_fen) FROM sku k "
                        "LEFT JOIN sku_cost c ON c.sku_id = k.id WHERE k.id = ?");
    s.bind(1, static_cast<int64_t>(sku_id));
    return s.executeStep() ? s.getColumn(0).getInt64() : 0;
}

Id require_supplier_id(Database& db, const std::string& code) {
    std::optional<Supplier> s = CatalogueRepository(db).find_supplier(code);
    if (!s)
        throw NotFound(
            trf("Supplier {0} does not exist: add it with supplier add, or check the "
                "code",
                code));
    return s->id;
}

Id resolve_warehouse(Database& db, const std::string& code) {
    WarehouseRepository warehouses(db);
    if (!code.empty()) return warehouses.require_warehouse(code).id;
    std::vector<Warehouse> all = warehouses.list_warehouses();
    if (all.size() != 1)
        throw InvalidInput(
            tr("Purchase order: the warehouse the goods go to is missing: name it with "
               "--warehouse"));
    return all.front().id;
}

std::string status_text(PoStatus s) {
    switch (s) {
        case PoStatus::draft:
            return tr("draft");
        case PoStatus::ordered:
            return tr("ordered");
        case PoStatus::partly_received:
            return tr("partly received");
        case PoStatus::received:
            return tr("received");
        case PoStatus::cancelled:
            return tr("cancelled");
    }
    return {};
}

}  // namespace

PurchaseOrder PurchaseOrderService::insert(Id supplier_id, Id warehouse_id,
                                           const std::vector<PoLineRequest>& lines,
                                           std::optional<Timestamp> expected_at, Timestamp now) {
    if (lines.empty())
        throw InvalidInput(tr("Purchase order: it has no lines: give at least one --line SKU:QTY"));
    CatalogueRepository catalogue(db_);
    std::string no = next_po_number(db_, now);
    SQLite::Statement head(
        db_.sql(),
        "INSERT INTO purchase_order(no, supplier_id, warehouse_id, status, "
        "expected_at, created_at, created_by) VALUES (?, ?, ?, 'ordered', ?, ?, ?)");
    head.bind(1, no);
    head.bind(2, static_cast<int64_t>(supplier_id));
    head.bind(3, static_cast<int64_t>(warehouse_id));
    if (expected_at) head.bind(4, static_cast<int64_t>(*expected_at));
    head.bind(5, static_cast<int64_t>(now));
    head.bind(6, actor_.user);
    head.exec();
    Id po_id = db_.sql().getLastInsertRowid();
    std::set<Id> seen;
    int line_no = 0;
    for (const PoLineRequest& l : lines) {
        Sku sku = catalogue.require_sku(l.sku);
        // One line per SKU keeps receiving by SKU unambiguous.
        if (!seen.insert(sku.id).second)
            throw InvalidInput(
                trf("Purchase order: SKU {0} is on two lines: put its whole "
                    "quantity on one line",
                    sku.code));
        if (l.qty <= 0)
            throw InvalidInput(
                trf("Purchase order: SKU {0}: the quantity must be at least 1", sku.code));
        if (l.unit_cost && *l.unit_cost < 0)
            throw InvalidInput(
                trf("Purchase order: SKU {0}: the unit cost must not be negative", sku.code));
        SQLite::Statement s(db_.sql(),
                            "INSERT INTO purchase_order_line(po_id, line_no, sku_id, qty, "
                            "unit_cost_fen) VALUES (?, ?, ?, ?, ?)");
        s.bind(1, static_cast<int64_t>(po_id));
        s.bind(2, ++line_no);
        s.bind(3, static_cast<int64_t>(sku.id));
        s.bind(4, static_cast<int64_t>(l.qty));
        s.bind(5, static_cast<int64_t>(l.unit_cost.value_or(default_unit_cost(db_, sku.id))));
        s.exec();
    }
    PurchaseOrder o = *find_purchase_order(db_, no);
    audit(
        db_, actor_, "po.create", o.no,
        trf("supplier {0}, warehouse {1}, {2} lines, {3} units, total {4}", o.supplier, o.warehouse,
            std::to_string(o.lines.size()), std::to_string(o.open_qty()), format_yuan(o.total())));
    return o;
}

PurchaseOrder PurchaseOrderService::create(const PoRequest& request) {
    try {
        WriteTransaction tx(db_);
        PurchaseOrder o = insert(require_supplier_id(db_, request.supplier),
                                 resolve_warehouse(db_, request.warehouse), request.lines,
                                 request.expected_at, db_.clock().now());
        tx.commit();
        return o;
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("creating a purchase order"));
    }
}

RestockApproval PurchaseOrderService::approve_restock(Timestamp now, const RestockFilter& filter) {
    try {
        // The suggestions are read under the write lock: two approvals at once cannot both
        // order what only one position lacks.
        WriteTransaction tx(db_);
        RestockApproval result;
        std::map<std::pair<Id, Id>, std::vector<PoLineRequest>> by_supplier;  // supplier, wh
        for (const RestockLine& l : restock_lines(db_, now, filter)) {
            if (l.suggested <= 0) continue;
            if (!l.supplier_id) {
                result.without_supplier.push_back(l);
                continue;
            }
            by_supplier[{*l.supplier_id, l.warehouse_id}].push_back(
                {l.sku, l.suggested, l.unit_cost});
        }
        for (const auto& [key, lines] : by_supplier)
            result.orders.push_back(insert(key.first, key.second, lines, std::nullopt, now));
        tx.commit();
        return result;
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("approving restock suggestions"));
    }
}

PoReceipt PurchaseOrderService::receive(std::string_view no, const PoReceiveRequest& request) {
    try {
        StockService stock(db_, actor_);
        if (at_) stock.post_at(*at_);
        std::vector<Movement> movements = stock.receive_planned([&] {
            PurchaseOrder o = require_purchase_order(db_, no);
            if (!po_accepts_receipts(o.status))
                throw InvalidInput(
                    trf("Purchase order {0} is {1}: nothing can be received against it. "
                        "Receive the goods on a new purchase order (po create) or with "
                        "stock receive",
                        o.no, status_text(o.status)));
            std::map<std::string, Qty> wanted;
            if (request.lines.empty()) {
                for (const PurchaseOrderLine& l : o.lines)
                    if (l.open() > 0) wanted[l.sku] = l.open();
            }
            for (const PoReceiptLine& r : request.lines) {
                if (r.qty <= 0)
                    throw InvalidInput(
                        trf("Purchase order {0}: SKU {1}: the quantity "
                            "received must be at least 1",
                            o.no, r.sku));
                if (!wanted.emplace(r.sku, r.qty).second)
                    throw InvalidInput(
                        trf("Purchase order {0}: SKU {1} is given twice: "
                            "give its whole quantity once",
                            o.no, r.sku));
            }
            std::vector<StockService::Receive> receipts;
            std::string detail;
            for (auto& [sku, qty] : wanted) {
                PurchaseOrderLine* line = nullptr;
                for (PurchaseOrderLine& l : o.lines)
                    if (l.sku == sku) line = &l;
                if (!line)
                    throw InvalidInput(
                        trf("Purchase order {0} has no line for SKU {1}: "
                            "receive it with stock receive, or check the code",
                            o.no, sku));
                if (qty > line->open())
                    throw InvalidInput(
                        trf("Purchase order {0}: SKU {1} was ordered {2} and {3} received, so "
                            "{4} are open; {5} cannot be received. Receive at most {4}, and "
                            "the surplus on a new purchase order",
                            o.no, sku, std::to_string(line->qty), std::to_string(line->received),
                            std::to_string(line->open()), std::to_string(qty)));
                line->received += qty;
                SQLite::Statement s(db_.sql(),
                                    "UPDATE purchase_order_line SET received_qty = ? "
                                    "WHERE po_id = ? AND line_no = ?");
                s.bind(1, static_cast<int64_t>(line->received));
                s.bind(2, static_cast<int64_t>(o.id));
                s.bind(3, line->line_no);
                s.exec();
                StockService::Receive r;
                r.sku = sku;
                r.qty = qty;
                r.warehouse = o.warehouse;
                r.location = request.location;
                r.unit_cost = line->unit_cost;
                r.batch = request.batch;
                r.expiry = request.expiry;
                r.doc = o.no;
                r.reason = "purchase order";  // stored: the same in every language
                receipts.push_back(std::move(r));
                detail += (detail.empty() ? "" : ", ") + sku + " x" + std::to_string(qty);
            }
            PoStatus status = po_status_from_receipts(o.lines);
            SQLite::Statement s(db_.sql(), "UPDATE purchase_order SET status = ? WHERE id = ?");
            s.bind(1, po_status_code(status));
            s.bind(2, static_cast<int64_t>(o.id));
            s.exec();
            audit(db_, actor_, "po.receive", o.no, detail + " -> " + po_status_code(status));
            return receipts;
        });
        return {require_purchase_order(db_, no), std::move(movements)};
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("receiving against a purchase order"));
    }
}

PurchaseOrder PurchaseOrderService::end(std::string_view no, const std::string& reason,
                                        PoStatus from, PoStatus to, const char* action) {
    try {
        WriteTransaction tx(db_);
        PurchaseOrder o = require_purchase_order(db_, no);
        if (o.status != from) {
            if (to == PoStatus::cancelled && o.status == PoStatus::partly_received)
                throw InvalidInput(
                    trf("Purchase order {0} has received goods and cannot be "
                        "cancelled: close it (po close) to stop waiting for "
                        "the rest",
                        o.no));
            if (to == PoStatus::received && po_accepts_receipts(o.status))
                throw InvalidInput(
                    trf("Purchase order {0} has received nothing yet: cancel "
                        "it (po cancel) instead of closing it",
                        o.no));
            throw InvalidInput(trf("Purchase order {0} is {1} already: nothing to change", o.no,
                                   status_text(o.status)));
        }
        SQLite::Statement s(db_.sql(), "UPDATE purchase_order SET status = ? WHERE id = ?");
        s.bind(1, po_status_code(to));
        s.bind(2, static_cast<int64_t>(o.id));
        s.exec();
        audit(db_, actor_, action, o.no,
              trf("{0} open units no longer on order: {1}", std::to_string(o.open_qty()), reason));
        tx.commit();
        o.status = to;
        return o;
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("ending a purchase order"));
    }
}

PurchaseOrder PurchaseOrderService::cancel(std::string_view no, const std::string& reason) {
    return end(no, reason, PoStatus::ordered, PoStatus::cancelled, "po.cancel");
}

PurchaseOrder PurchaseOrderService::close(std::string_view no, const std::string& reason) {
    return end(no, reason, PoStatus::partly_received, PoStatus::received, "po.close");
}

std::vector<PurchaseOrder> list_purchase_orders(Database& db, const PoFilter& filter) {
    try {
        std::string sql = std::string(kHeaderSelect) + "WHERE 1";
        if (filter.status) sql += " AND o.status = :status";
        if (!filter.supplier.empty()) sql += " AND p.code = :supplier";
        SQLite::Statement s(db.sql(), sql + " ORDER BY o.created_at DESC, o.id DESC");
        if (filter.status) s.bind(":status", po_status_code(*filter.status));
        if (!filter.supplier.empty()) s.bind(":supplier", filter.supplier);
        std::vector<PurchaseOrder> out;
        while (s.executeStep())
            out.push_back(read_header(s));
        for (PurchaseOrder& o : out)
            load_lines(db, o);
        return out;
    } catch (const SQLite::Exception& e) {
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
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("reading a purchase order"));
    }
}

}  // namespace dj
