#include "ops/shop_queries.h"

#include "core/base/translate.h"
#include "ops/access.h"
#include "os/utf8_path.h"
#include "store/base/database.h"
#include "store/base/database_location.h"
#include "store/base/shop_profile.h"
#include "store/base/shop_stats.h"
#include "store/orders/order_split.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {

std::vector<StoreOverview> store_overview(Database& db) {
    ReadTransaction tx(db);
    WarehouseRepository warehouses(db);
    StoreConnectionRepository connections(db);
    SyncStateRepository states(db);
    std::vector<StoreOverview> out;
    for (ShopStore& s : CatalogueRepository(db).list_stores()) {
        StoreOverview o;
        if (s.default_warehouse_id)
            o.warehouse = warehouses.warehouse_by_id(*s.default_warehouse_id);
        o.connection = connections.find(s.id, StoreConnectionRepository::Secrets::leave_out);
        o.sync = states.get(s.id);
        o.split = store_split_policy(db, s.id);
        o.store = std::move(s);
        out.push_back(std::move(o));
    }
    return out;
}

std::optional<StoreConnection> store_connection(Database& db, const Actor& actor,
                                                const std::string& store) {
    require(actor, Permission::ManageStores);
    require_second_check(db, actor, trf("Showing the secrets of store {0}", store));
    ReadTransaction tx(db);
    return StoreConnectionRepository(db).find(CatalogueRepository(db).require_store(store).id);
}

std::vector<ShopStore> list_stores(Database& db) {
    ReadTransaction tx(db);
    return CatalogueRepository(db).list_stores();
}

ShopStore require_store(Database& db, const std::string& store) {
    ReadTransaction tx(db);
    return CatalogueRepository(db).require_store(store);
}

std::vector<WarehouseOverview> warehouse_overview(Database& db) {
    ReadTransaction tx(db);
    WarehouseRepository warehouses(db);
    std::vector<WarehouseOverview> out;
    for (Warehouse& w : warehouses.list_warehouses()) {
        std::vector<Location> locations = warehouses.list_locations(w.id);
        out.push_back({std::move(w), std::move(locations)});
    }
    return out;
}

std::vector<Warehouse> list_warehouses(Database& db) {
    ReadTransaction tx(db);
    return WarehouseRepository(db).list_warehouses();
}

Warehouse require_warehouse(Database& db, const std::string& code) {
    ReadTransaction tx(db);
    return WarehouseRepository(db).require_warehouse(code);
}

std::vector<Location> list_locations(Database& db, const std::string& warehouse_code) {
    ReadTransaction tx(db);
    WarehouseRepository warehouses(db);
    return warehouses.list_locations(warehouses.require_warehouse(warehouse_code).id);
}

DashboardFigures dashboard(Database& db) {
    ReadTransaction tx(db);
    return dashboard_figures(db, db.clock().now());
}

std::vector<std::pair<std::string, long long>> shop_stats(Database& db) {
    ReadTransaction tx(db);
    return dj::shop_stats(db);
}

std::vector<LedgerDifference> check_ledger(Database& db) {
    ReadTransaction tx(db);
    return dj::check_ledger(db);
}

std::vector<AuditEntry> audit_entries(Database& db, const Actor& actor, const AuditFilter& filter) {
    require(actor, Permission::SeeAudit);
    ReadTransaction tx(db);
    return dj::audit_entries(db, filter);
}

std::optional<std::string> chosen_printer(Database& db, PrintDocument document) {
    ReadTransaction tx(db);
    return dj::chosen_printer(db, document);
}

std::string shop_name(Database& db) {
    if (std::optional<std::string> name = stored_shop_name(db)) return *name;
    if (db.on_server()) return sql::url_database_name(db.path());
    return os::utf8_string(os::utf8_path(db.path()).stem());
}

}  // namespace dj::ops
