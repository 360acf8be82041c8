#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/actor.h"
#include "core/base/progress.h"
#include "core/periods/period.h"
#include "core/periods/stock_report.h"
#include "core/stock/catalogue.h"
#include "core/stock/movement.h"
#include "core/stock/sku_mapping.h"
#include "store/periods/period_repository.h"
#include "store/periods/stock_report_query.h"
#include "store/stock/stock_queries.h"

namespace dj {
class Database;
}

namespace dj::ops {

// What the stock views, the reports and `stock …`/`report …` read, each in one consistent state
// of the shop (one read transaction).
std::vector<StockRow> list_stock(Database& db, const Actor& actor, const StockFilter& filter);
std::vector<LotRow> list_lots(Database& db, const StockFilter& filter);
std::vector<LedgerRow> list_ledger(Database& db, const Actor& actor, const LedgerFilter& filter);
std::vector<WarehouseSummary> stock_summary(Database& db, const Actor& actor);
// Units shipped a day over the last `days` before the database clock's now, per SKU code and
// warehouse code.
std::map<std::pair<std::string, std::string>, double> recent_daily_demand(Database& db,
                                                                          int days = 28);

// Costs, values and standard costs come as zero to those without costs.see
// (ops/cost_visibility.h).
std::vector<Sku> list_skus(Database& db, const Actor& actor);
std::vector<Supplier> list_suppliers(Database& db);  // by code
// The platform listings that sell a SKU (its code), alone or in bundles; NotFound for no SKU.
std::vector<MappedListing> listings_of_sku(Database& db, const std::string& sku);
// The SKU a scanned barcode belongs to, by code; none when no SKU carries it.
std::optional<std::string> sku_code_by_barcode(Database& db, const std::string& barcode);

// How movements just posted are shown: their SKU, warehouse, location and batch by name.
struct MovementNames {
    std::string sku, warehouse, location, batch;  // location, batch: empty when none
};
std::vector<MovementNames> movement_names(Database& db, const std::vector<Movement>& movements);

// The accountant's reports: opening / in / out / closing over a period, and the names in them.
// `progress` (optional) counts the movements read; Cancel stops it with Cancelled. Needs
// reports.see.
StockReport stock_report(Database& db, const Actor& actor, const Period& period,
                         Progress* progress = nullptr);
ReportNames report_names(Database& db);
std::vector<ClosedPeriod> closed_periods(Database& db);  // oldest first
std::vector<std::string> ledger_months(Database& db);

}  // namespace dj::ops
