#include "ops/stock_queries.h"

#include "ops/access.h"
#include "ops/cost_visibility.h"
#include "store/base/dashboard_queries.h"
#include "store/base/database.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_posting.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {

std::vector<StockRow> list_stock(Database& db, const Actor& actor, const StockFilter& filter) {
    ReadTransaction tx(db);
    std::vector<StockRow> rows = dj::list_stock(db, filter);
    hide_costs(actor, rows);
    return rows;
}

std::vector<LotRow> list_lots(Database& db, const StockFilter& filter) {
    ReadTransaction tx(db);
    return dj::list_lots(db, filter);
}

std::vector<LedgerRow> list_ledger(Database& db, const Actor& actor, const LedgerFilter& filter) {
    ReadTransaction tx(db);
    std::vector<LedgerRow> rows = dj::list_ledger(db, filter);
    hide_costs(actor, rows);
    return rows;
}

std::vector<WarehouseSummary> stock_summary(Database& db, const Actor& actor) {
    ReadTransaction tx(db);
    std::vector<WarehouseSummary> rows = dj::stock_summary(db);
    hide_costs(actor, rows);
    return rows;
}

std::map<std::pair<std::string, std::string>, double> recent_daily_demand(Database& db, int days) {
    ReadTransaction tx(db);
    return dj::recent_daily_demand(db, db.clock().now(), days);
}

std::vector<Sku> list_skus(Database& db, const Actor& actor) {
    ReadTransaction tx(db);
    std::vector<Sku> skus = CatalogueRepository(db).list_skus();
    hide_costs(actor, skus);
    return skus;
}

std::vector<Supplier> list_suppliers(Database& db) {
    ReadTransaction tx(db);
    return CatalogueRepository(db).list_suppliers();
}

std::vector<MappedListing> listings_of_sku(Database& db, const std::string& sku) {
    ReadTransaction tx(db);
    CatalogueRepository catalogue(db);
    return catalogue.listings_of_sku(catalogue.require_sku(sku).id);
}

std::optional<std::string> sku_code_by_barcode(Database& db, const std::string& barcode) {
    ReadTransaction tx(db);
    CatalogueRepository catalogue(db);
    if (std::optional<Id> id = catalogue.sku_id_by_barcode(barcode))
        if (std::optional<Sku> sku = catalogue.sku_by_id(*id)) return sku->code;
    return std::nullopt;
}

std::vector<MovementNames> movement_names(Database& db, const std::vector<Movement>& movements) {
    ReadTransaction tx(db);
    SqlStockSource names(db);
    WarehouseRepository warehouses(db);
    std::vector<MovementNames> out;
    for (const Movement& m : movements) {
        MovementNames n{names.sku_label(m.sku_id), names.warehouse_label(m.warehouse_id), {}, {}};
        if (m.location_id) n.location = names.location_label(*m.location_id);
        if (m.batch_id)
            if (std::optional<Batch> b = warehouses.batch_by_id(*m.batch_id)) n.batch = b->lot;
        out.push_back(std::move(n));
    }
    return out;
}

StockReport stock_report(Database& db, const Actor& actor, const Period& period,
                         Progress* progress) {
    require(actor, Permission::SeeReports);
    require_begun(period, db.clock().now());
    ReadTransaction tx(db);
    return dj::stock_report(db, period, progress);
}

ReportNames report_names(Database& db) {
    ReadTransaction tx(db);
    return dj::report_names(db);
}

std::vector<ClosedPeriod> closed_periods(Database& db) {
    ReadTransaction tx(db);
    return dj::closed_periods(db);
}

std::vector<std::string> ledger_months(Database& db) {
    ReadTransaction tx(db);
    return dj::ledger_months(db);
}

}  // namespace dj::ops
