#include "ops/stock_service.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/translate.h"
#include "core/people/login_guard.h"
#include "ops/access.h"
#include "ops/allocate_orders.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_posting.h"
#include "store/stock/stock_queries.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {

MovementContext StockService::context(const std::string& doc, const std::string& reason,
                                      const char* doc_prefix) const {
    MovementContext ctx;
    ctx.at = at_.value_or(db_.clock().now());
    // Documents the user did not number get one from the kind and the time, e.g.
    // RCV-20261124-130416.
    if (doc.empty()) {
        std::string t = format_shop_time(ctx.at);
        ctx.doc = std::string(doc_prefix) + "-" + t.substr(0, 4) + t.substr(5, 2) + t.substr(8, 2) +
                  "-" + t.substr(11, 2) + t.substr(14, 2) + t.substr(17, 2);
    } else {
        ctx.doc = doc;
    }
    ctx.reason = reason;
    ctx.actor = actor_;
    return ctx;
}

void StockService::require_new_doc(MovementKind kind, const std::string& doc, const Place& place) {
    if (doc.empty() || allow_same_doc_) return;
    std::optional<LedgerRow> first =
        first_movement_under(db_, kind, place.sku, place.warehouse, doc);
    if (!first) return;
    throw SameDocument(
        trf("Document {0} was posted already for SKU {1} in warehouse {2}: {3} units on {4} by "
            "{5}. Nothing was posted: this looks like the same paper entered twice. If it really "
            "is another movement, post it anyway (--allow-same-doc, or confirm in the window).",
            doc, first->sku, first->warehouse,
            std::to_string(first->qty < 0 ? -first->qty : first->qty), format_shop_time(first->at),
            first->actor.user));
}

std::vector<Movement> StockService::receive(const Receive& r) {
    require(actor_, Permission::MoveStock);
    StockPosting posting(db_);
    book_receive(posting, r);
    serve_waiting_orders(posting);
    return posting.commit();
}

std::vector<Movement> StockService::receive_planned(
    const std::function<std::vector<Receive>()>& plan) {
    require(actor_, Permission::MoveStock);
    StockPosting posting(db_);
    for (const Receive& r : plan())
        book_receive(posting, r);
    serve_waiting_orders(posting);
    return posting.commit();
}

void StockService::book_receive(StockPosting& posting, const Receive& r) {
    Place p = resolve(r.sku, r.warehouse, r.location);
    require_new_doc(MovementKind::receive, r.doc, p);
    const Sku& sku = p.item;
    ReceiveArgs args;
    args.sku_id = p.sku;
    args.warehouse_id = p.warehouse;
    args.qty = r.qty;
    args.location_id = p.location;
    args.unit_cost = r.unit_cost;
    args.accept_expired = r.accept_expired;
    if (!r.batch.empty()) {
        require_text(r.batch, kMaxCodeLength, tr("the batch"));
        if (!r.expiry.empty() && (r.expiry < "2000-01-01" || r.expiry > "2099-12-31"))
            throw InvalidInput(
                trf("SKU {0}: the expiry date must be between 2000-01-01 and "
                    "2099-12-31, got {1}",
                    sku.code, r.expiry));
        args.batch_id = WarehouseRepository(db_).ensure_batch(sku.id, r.batch, r.expiry);
    } else if (!r.expiry.empty()) {
        throw InvalidInput(trf("SKU {0}: an expiry date needs a batch (--batch LOT)", sku.code));
    } else if (sku.shelf_life_days > 0) {
        throw InvalidInput(
            trf("SKU {0} has a shelf life of {1} days: receive it with a batch "
                "and expiry (--batch LOT --expiry YYYY-MM-DD)",
                sku.code, std::to_string(sku.shelf_life_days)));
    }
    posting.book().receive(context(r.doc, r.reason, "RCV"), args);
}

std::vector<Movement> StockService::ship(const std::string& sku, Qty qty,
                                         const std::string& warehouse, const std::string& doc) {
    require(actor_, Permission::MoveStock);
    StockPosting posting(db_);
    Place p = resolve(sku, warehouse, {});
    require_new_doc(MovementKind::ship, doc, p);
    posting.book().ship(context(doc, {}, "SHP"), p.sku, p.warehouse, qty);
    return posting.commit();
}

std::vector<Movement> StockService::transfer(const std::string& sku, Qty qty,
                                             const std::string& from, const std::string& to,
                                             const std::string& doc) {
    require(actor_, Permission::MoveStock);
    require_warehouse(actor_, to);
    if (doc.empty())

        throw InvalidInput(
            tr("A transfer needs a document number (--doc), used to book its "
               "arrival"));
    StockPosting posting(db_);
    Place from_place = resolve(sku, from, {});
    require_new_doc(MovementKind::transfer_out, doc, from_place);
    Id to_id = WarehouseRepository(db_).require_warehouse(to).id;
    posting.book().transfer_out(context(doc, {}, "TRF"), from_place.sku, from_place.warehouse,
                                to_id, qty);
    return posting.commit();
}

std::vector<Movement> StockService::arrive(const std::string& doc) {
    require(actor_, Permission::MoveStock);
    StockPosting posting(db_);
    std::vector<InTransit> pending = in_transit_under(db_, doc);
    for (const InTransit& p : pending) {
        std::optional<Warehouse> to = WarehouseRepository(db_).warehouse_by_id(p.to_warehouse_id);
        if (to) require_warehouse(actor_, to->code);
    }
    if (pending.empty())
        throw NotFound(
            trf("Nothing is in transit under document {0}: check the number, or it "
                "has arrived already",
                doc));
    MovementContext ctx = context(doc, {}, "TRF");
    for (const InTransit& p : pending)
        posting.book().transfer_in(ctx, p.sku_id, p.to_warehouse_id, p.from_warehouse_id, p.qty,
                                   p.batch_id, p.value);
    serve_waiting_orders(posting);
    return posting.commit();
}

StockService::Place StockService::resolve(const std::string& sku, const std::string& warehouse,
                                          const std::string& location) {
    WarehouseRepository warehouses(db_);
    Place p;
    require_warehouse(actor_, warehouse);
    p.item = CatalogueRepository(db_).require_sku(sku);
    p.sku = p.item.id;
    p.warehouse = warehouses.require_warehouse(warehouse).id;
    if (!location.empty()) p.location = warehouses.require_location(p.warehouse, location).id;
    return p;
}

std::vector<Movement> StockService::count(const std::string& sku, Qty counted,
                                          const std::string& warehouse, const std::string& location,
                                          const std::string& reason) {
    require(actor_, Permission::CountStock);
    StockPosting posting(db_);
    Place p = resolve(sku, warehouse, location);
    Qty change = posting.book().count(
        context({}, reason.empty() ? std::string("stock count") : reason, "CNT"), p.sku,
        p.warehouse, counted, p.location);
    if (login_guard::count_needs_second_check(counted - change, change, count_check_percent(db_)))
        require_second_check(
            db_, actor_,
            trf("A count that changes SKU {0} in {1} from {2} to {3}", sku, warehouse,
                std::to_string(counted - change), std::to_string(counted)));
    serve_waiting_orders(posting);
    return posting.commit();
}

std::vector<Movement> StockService::customer_return(const std::string& sku, Qty qty,
                                                    const std::string& warehouse,
                                                    const std::string& location,
                                                    const std::string& doc,
                                                    const std::string& reason) {
    require(actor_, Permission::MoveStock);
    StockPosting posting(db_);
    Place p = resolve(sku, warehouse, location);
    require_new_doc(MovementKind::customer_return, doc, p);
    posting.book().customer_return(context(doc, reason, "RTN"), p.sku, p.warehouse, qty, p.location,
                                   std::nullopt);
    serve_waiting_orders(posting);
    return posting.commit();
}

std::vector<Movement> StockService::scrap(const std::string& sku, Qty qty,
                                          const std::string& warehouse, const std::string& location,
                                          const std::string& reason) {
    require(actor_, Permission::MoveStock);
    StockPosting posting(db_);
    Place p = resolve(sku, warehouse, location);
    posting.book().scrap(context({}, reason, "SCR"), p.sku, p.warehouse, qty, p.location,
                         std::nullopt);
    return posting.commit();
}

std::vector<Movement> StockService::put_away(const std::string& sku, Qty qty,
                                             const std::string& warehouse, const std::string& from,
                                             const std::string& to, const std::string& batch) {
    require(actor_, Permission::MoveStock);
    if (to.empty()) throw InvalidInput(tr("Put-away: say which location the goods go to (--to)"));
    StockPosting posting(db_);
    Place p = resolve(sku, warehouse, from);
    Id to_id = WarehouseRepository(db_).require_location(p.warehouse, to).id;
    std::optional<Id> batch_id;
    if (!batch.empty()) {
        std::optional<Id> found = WarehouseRepository(db_).find_batch(p.sku, batch);
        if (!found) throw NotFound(trf("SKU {0} has no batch {1}", sku, batch));
        batch_id = found;
    }
    posting.book().relocate(context({}, "put-away", "MOV"), p.sku, p.warehouse, qty, p.location,
                            to_id, batch_id);
    return posting.commit();
}

}  // namespace dj::ops
