#include "ops/purchasing.h"

#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/access.h"
#include "ops/stock_service.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {
namespace {

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

PurchaseOrder insert(Database& db, const Actor& actor, Id supplier_id, Id warehouse_id,
                     const std::vector<PoLineRequest>& lines,
                     std::optional<Timestamp> expected_at) {
    if (lines.empty())
        throw InvalidInput(tr("Purchase order: it has no lines: give at least one --line SKU:QTY"));
    if (expected_at && shop_date(*expected_at) < shop_date(db.clock().now()))
        throw InvalidInput(
            trf("Purchase order: the expected date {0} is in the past (today is "
                "{1}): give the day the goods are due",
                shop_date(*expected_at), shop_date(db.clock().now())));
    CatalogueRepository catalogue(db);
    std::set<Id> seen;
    std::vector<NewPoLine> rows;
    for (const PoLineRequest& l : lines) {
        Sku sku = catalogue.require_sku(l.sku);
        // One line per SKU keeps receiving by SKU unambiguous.
        if (!seen.insert(sku.id).second)
            throw InvalidInput(
                trf("Purchase order: SKU {0} is on two lines: put its whole "
                    "quantity on one line",
                    sku.code));
        if (l.qty <= 0 || l.qty > kMaxPoQty)
            throw InvalidInput(trf("Purchase order: SKU {0}: the quantity must be 1 to {1}",
                                   sku.code, std::to_string(kMaxPoQty)));
        if (l.unit_cost && (*l.unit_cost < 0 || *l.unit_cost > kMaxUnitPrice))
            throw InvalidInput(trf("Purchase order: SKU {0}: the unit cost must be 0 to {1} yuan",
                                   sku.code, format_yuan(kMaxUnitPrice)));
        rows.push_back({sku.id, l.qty, l.unit_cost.value_or(default_unit_cost(db, sku.id))});
    }
    Timestamp now = db.clock().now();
    PurchaseOrder o = insert_purchase_order(db, next_po_number(db, now), supplier_id, warehouse_id,
                                            rows, expected_at, now, actor.user);
    audit(
        db, actor, "po.create", o.no,
        trf("supplier {0}, warehouse {1}, {2} lines, {3} units, total {4}", o.supplier, o.warehouse,
            std::to_string(o.lines.size()), std::to_string(o.open_qty()), format_yuan(o.total())));
    return o;
}

PurchaseOrder end(Database& db, const Actor& actor, const std::string& no,
                  const std::string& reason, PoStatus from, PoStatus to, const char* action) {
    WriteTransaction tx(db);
    PurchaseOrder o = require_purchase_order(db, no);
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
    set_po_status(db, o.id, to);
    audit(db, actor, action, o.no,
          trf("{0} open units no longer on order: {1}", std::to_string(o.open_qty()), reason));
    tx.commit();
    o.status = to;
    return o;
}

}  // namespace

PurchaseOrder create_purchase_order(Database& db, const Actor& actor, const PoRequest& request) {
    require(actor, Permission::Purchase);
    WriteTransaction tx(db);
    PurchaseOrder o =
        insert(db, actor, require_supplier_id(db, request.supplier),
               resolve_warehouse(db, request.warehouse), request.lines, request.expected_at);
    tx.commit();
    return o;
}

RestockApproval approve_restock(Database& db, const Actor& actor, const RestockFilter& filter) {
    require(actor, Permission::Purchase);
    WriteTransaction tx(db);
    RestockApproval result;
    std::map<std::pair<Id, Id>, std::vector<PoLineRequest>> by_supplier;  // supplier, wh
    for (const RestockLine& l : restock_lines(db, db.clock().now(), filter)) {
        if (l.suggested <= 0) continue;
        if (!l.supplier_id) {
            result.without_supplier.push_back(l);
            continue;
        }
        by_supplier[{*l.supplier_id, l.warehouse_id}].push_back({l.sku, l.suggested, l.unit_cost});
    }
    for (const auto& [key, lines] : by_supplier)
        result.orders.push_back(insert(db, actor, key.first, key.second, lines, std::nullopt));
    tx.commit();
    return result;
}

PoReceipt receive_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                 const PoReceiveRequest& request, std::optional<Timestamp> at) {
    require(actor, Permission::Purchase);
    StockService stock(db, actor);
    stock.allow_same_doc();
    if (at) stock.post_at(*at);
    std::vector<Movement> movements = stock.receive_planned([&] {
        PurchaseOrder o = require_purchase_order(db, no);
        if (!po_accepts_receipts(o.status))
            throw InvalidInput(
                trf("Purchase order {0} is {1}: nothing can be received against it. "
                    "Receive the goods on a new purchase order (po create) or with "
                    "stock receive",
                    o.no, status_text(o.status)));
        std::vector<PoReceiptLine> wanted = request.lines;
        if (wanted.empty()) {
            for (const PurchaseOrderLine& l : o.lines)
                if (l.open() > 0) wanted.push_back({l.sku, l.open(), {}, {}, {}});
        }
        auto line_of = [&](const std::string& sku) {
            for (PurchaseOrderLine& l : o.lines)
                if (l.sku == sku) return &l;
            throw InvalidInput(
                trf("Purchase order {0} has no line for SKU {1}: "
                    "receive it with stock receive, or check the code",
                    o.no, sku));
        };
        std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
        std::map<std::string, Qty> total;
        for (const PoReceiptLine& w : wanted) {
            if (w.qty <= 0)
                throw InvalidInput(
                    trf("Purchase order {0}: SKU {1}: the quantity "
                        "received must be at least 1",
                        o.no, w.sku));
            if (!seen.emplace(w.sku, w.location.empty() ? request.location : w.location,
                              w.batch.empty() ? request.batch : w.batch,
                              w.expiry.empty() ? request.expiry : w.expiry)
                     .second)
                throw InvalidInput(
                    trf("Purchase order {0}: SKU {1} is given twice: "
                        "give its whole quantity once",
                        o.no, w.sku));
            line_of(w.sku);
            total[w.sku] = add_checked(total[w.sku], w.qty, w.sku);
        }
        for (const auto& [sku, qty] : total) {
            const PurchaseOrderLine& line = *line_of(sku);
            if (qty > line.open())
                throw InvalidInput(
                    trf("Purchase order {0}: SKU {1} was ordered {2} and {3} received, so "
                        "{4} are open; {5} cannot be received. Receive at most {4}, and "
                        "the surplus on a new purchase order",
                        o.no, sku, std::to_string(line.qty), std::to_string(line.received),
                        std::to_string(line.open()), std::to_string(qty)));
        }
        std::vector<StockService::Receive> receipts;
        std::string detail;
        for (const PoReceiptLine& w : wanted) {
            PurchaseOrderLine& line = *line_of(w.sku);
            line.received += w.qty;
            set_line_received(db, o.id, line.line_no, line.received);
            StockService::Receive r;
            r.sku = w.sku;
            r.qty = w.qty;
            r.warehouse = o.warehouse;
            r.location = w.location.empty() ? request.location : w.location;
            r.unit_cost = line.unit_cost;
            r.batch = w.batch.empty() ? request.batch : w.batch;
            r.expiry = w.expiry.empty() ? request.expiry : w.expiry;
            r.accept_expired = request.accept_expired;
            r.doc = o.no;
            r.reason = "purchase order";  // stored: the same in every language
            receipts.push_back(std::move(r));
            detail += (detail.empty() ? "" : ", ") + w.sku + " x" + std::to_string(w.qty);
        }
        PoStatus status = po_status_from_receipts(o.lines);
        set_po_status(db, o.id, status);
        audit(db, actor, "po.receive", o.no, detail + " -> " + po_status_code(status));
        return receipts;
    });
    return {require_purchase_order(db, no), std::move(movements)};
}

PurchaseOrder cancel_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                    const std::string& reason) {
    require(actor, Permission::Purchase);
    return end(db, actor, no, reason, PoStatus::ordered, PoStatus::cancelled, "po.cancel");
}

PurchaseOrder close_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                   const std::string& reason) {
    require(actor, Permission::Purchase);
    return end(db, actor, no, reason, PoStatus::partly_received, PoStatus::received, "po.close");
}

}  // namespace dj::ops
