#include "ops/stock_moves.h"

#include "ops/cost_visibility.h"
#include "ops/stock_service.h"
#include "store/base/database.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {

std::string receiving_location_code() {
    return kReceivingLocation;
}

namespace {

std::vector<Movement> post(Database& db, const Actor& actor, const StockMove& m) {
    StockService stock(db, actor);
    if (m.allow_same_doc) stock.allow_same_doc();
    if (m.at) stock.post_at(*m.at);
    switch (m.kind) {
        case StockMoveKind::receive: {
            StockService::Receive r;
            r.sku = m.sku;
            r.qty = m.qty;
            r.warehouse = m.warehouse;
            r.location = m.location;
            r.unit_cost = m.unit_cost;
            r.batch = m.batch;
            r.expiry = m.expiry;
            r.accept_expired = m.accept_expired;
            r.doc = m.doc;
            r.reason = m.reason;
            return stock.receive(r);
        }
        case StockMoveKind::ship:
            return stock.ship(m.sku, m.qty, m.warehouse, m.doc);
        case StockMoveKind::transfer:
            return stock.transfer(
                m.sku, m.qty, m.warehouse, m.to_warehouse,
                m.doc.empty() ? "TRF-" + std::to_string(m.at.value_or(db.clock().now())) : m.doc);
        case StockMoveKind::arrive:
            return stock.arrive(m.doc);
        case StockMoveKind::count:
            return stock.count(m.sku, m.qty, m.warehouse, m.location, m.reason);
        case StockMoveKind::customer_return:
            return stock.customer_return(m.sku, m.qty, m.warehouse, m.location, m.doc, m.reason);
        case StockMoveKind::put_away:
            return stock.put_away(m.sku, m.qty, m.warehouse, m.location, m.to_location, m.batch);
        case StockMoveKind::scrap:
            return stock.scrap(m.sku, m.qty, m.warehouse, m.location, m.reason);
    }
    return {};
}

}  // namespace

std::vector<Movement> move_stock(Database& db, const Actor& actor, const StockMove& m) {
    std::vector<Movement> posted = post(db, actor, m);
    hide_costs(actor, posted);
    return posted;
}

}  // namespace dj::ops
