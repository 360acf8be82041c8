#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/platform.h"
#include "core/orders/order_allocation_decision.h"
#include "core/orders/store_connection.h"
#include "core/stock/catalogue.h"
#include "core/stock/warehouse.h"
#include "store/base/audit_log.h"
#include "store/base/dashboard_queries.h"
#include "store/base/printer_choice_repository.h"
#include "store/orders/sync_state_repository.h"
#include "store/stock/ledger_check.h"

namespace dj {
class Database;
}

namespace dj::ops {

// What the front ends read about the shop itself. Each read sees one consistent state of the
// shop (one read transaction), whatever other programs write meanwhile.

// A store as the settings, the status bar and `store list` show it.
struct StoreOverview {
    ShopStore store;
    std::optional<Warehouse> warehouse;  // its default warehouse
    // Without its app secret and token: no front end shows them (store_connection does).
    std::optional<StoreConnection> connection;
    SyncState sync;
    SplitPolicy split = SplitPolicy::hold;
};
std::vector<StoreOverview> store_overview(Database& db);
// The store's connection with its secrets: needs stores.manage and a second check.
std::optional<StoreConnection> store_connection(Database& db, const Actor& actor,
                                                const std::string& store);
std::vector<ShopStore> list_stores(Database& db);
// By code or name; NotFound names it and how to list the stores.
ShopStore require_store(Database& db, const std::string& store);

struct WarehouseOverview {
    Warehouse warehouse;
    std::vector<Location> locations;
};
std::vector<WarehouseOverview> warehouse_overview(Database& db);
std::vector<Warehouse> list_warehouses(Database& db);
// By code; NotFound names it and how to list the warehouses.
Warehouse require_warehouse(Database& db, const std::string& code);
// A warehouse's locations in walk order; NotFound when there is no such warehouse.
std::vector<Location> list_locations(Database& db, const std::string& warehouse_code);

// The dashboard's figures, dated by the database's clock.
DashboardFigures dashboard(Database& db);
std::vector<std::pair<std::string, long long>> shop_stats(Database& db);
// The name reports and sheets carry: the one the owner gave (shop set --name, Settings), else
// the database file's name without its folder and extension.
std::string shop_name(Database& db);
// Balances recomputed from the ledger that differ from the stored ones; empty when they agree.
std::vector<LedgerDifference> check_ledger(Database& db);
// Needs audit.see.
std::vector<AuditEntry> audit_entries(Database& db, const Actor& actor, const AuditFilter& filter);
std::optional<std::string> chosen_printer(Database& db, PrintDocument document);

}  // namespace dj::ops
