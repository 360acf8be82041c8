#include "ops/shop_setup.h"

#include "core/base/change_text.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/text.h"
#include "core/base/translate.h"
#include "ops/access.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/base/printer_choice_repository.h"
#include "store/base/shop_profile.h"
#include "store/orders/order_split.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {
namespace {

bool has_credentials(const StoreConnection& c) {
    return !c.app_key.empty() || !c.app_secret.empty() || !c.token.empty() || !c.endpoint.empty();
}

void check_connection(const std::string& store, const StoreConnection& c) {
    if (c.app_key.empty() || c.app_secret.empty())
        throw InvalidInput(trf("Store {0}: the app key and the app secret are both needed", store));
    if (!c.endpoint.empty() && c.endpoint.rfind("http://", 0) != 0 &&
        c.endpoint.rfind("https://", 0) != 0)
        throw InvalidInput(
            trf("Store {0}: the endpoint must start with http:// or https://", store));
}

// A secret typed: the rest of a connection (app key, endpoint, shares) is no secret.
bool changes_secrets(const std::optional<StoreConnection>& c) {
    return c && (!trimmed(c->app_secret).empty() || !trimmed(c->token).empty());
}

// What was left blank keeps what is stored: the window and `store list` never show a secret,
// so an edit that does not retype one keeps it.
void keep_stored_secrets(StoreConnection& c, const std::optional<StoreConnection>& stored) {
    if (!stored) return;
    if (c.app_secret.empty()) c.app_secret = stored->app_secret;
    if (c.token.empty()) c.token = stored->token;
}

StoreConnection without_blanks(StoreConnection c) {
    c.app_key = trimmed(c.app_key);
    c.app_secret = trimmed(c.app_secret);
    c.token = trimmed(c.token);
    c.endpoint = trimmed(c.endpoint);
    return c;
}

void save_split(Database& db, const Actor& actor, const std::string& store, SplitPolicy policy) {
    save_split_policy(db, store, policy);
    audit(db, actor, "store.split_policy", store, std::string(split_policy_code(policy)));
}

}  // namespace

void init_shop(Database& db, const Actor& actor) {
    audit(db, actor, "db.init", db.path(), "schema " + std::to_string(db.schema_version()));
}

void set_shop_name(Database& db, const Actor& actor, const std::string& name) {
    require(actor, Permission::SetUpShop);
    std::string clean(trimmed(name));
    if (clean.empty()) throw InvalidInput(tr("The shop needs a name: the one on its reports"));
    require_text(clean, kMaxCodeLength, tr("the shop name"));
    WriteTransaction tx(db);
    std::string old = stored_shop_name(db).value_or("");
    store_shop_name(db, clean);
    audit(db, actor, "shop.name", "", change_text(old, clean));
    tx.commit();
}

void add_warehouse(Database& db, const Actor& actor, Warehouse warehouse) {
    require(actor, Permission::SetUpShop);
    warehouse.code = trimmed(warehouse.code);
    warehouse.name = trimmed(warehouse.name);
    if (warehouse.name.empty())
        throw InvalidInput(trf("Warehouse {0} needs a name people know it by", warehouse.code));
    require_text(warehouse.code, kMaxCodeLength, tr("the warehouse code"));
    require_text(warehouse.name, kMaxNameLength, tr("the warehouse name"));
    WriteTransaction tx(db);
    WarehouseRepository(db).add_warehouse(warehouse);
    audit(db, actor, "warehouse.add", warehouse.code, warehouse.name);
    tx.commit();
}

Location add_location(Database& db, const Actor& actor, const std::string& warehouse_code,
                      Location location) {
    require(actor, Permission::SetUpShop);
    location.code = trimmed(location.code);
    require_text(location.code, kMaxCodeLength, tr("the location code"));
    require_text(location.zone, kMaxCodeLength, tr("the zone"));
    if (location.walk_order < 0 || location.walk_order > 1000000)
        throw InvalidInput(trf("Location {0}: the walk position must be 0 to 1000000, got {1}",
                               location.code, std::to_string(location.walk_order)));
    WriteTransaction tx(db);
    WarehouseRepository repo(db);
    location.warehouse_id = repo.require_warehouse(warehouse_code).id;
    location.id = repo.add_location(location);
    audit(db, actor, "location.add", warehouse_code + "/" + location.code);
    tx.commit();
    return location;
}

void set_receiving_location(Database& db, const Actor& actor, const std::string& warehouse_code,
                            const std::string& location_code) {
    require(actor, Permission::SetUpShop);
    WriteTransaction tx(db);
    WarehouseRepository repo(db);
    Warehouse w = repo.require_warehouse(warehouse_code);
    Location l = repo.require_location(w.id, location_code);
    repo.set_receiving_location(w.id, l.id);
    audit(db, actor, "warehouse.receiving", w.code, l.code);
    tx.commit();
}

ShopStore save_store(Database& db, const Actor& actor, const StoreRequest& request) {
    require(actor, Permission::ManageStores);
    if (changes_secrets(request.connection))
        require_second_check(db, actor, trf("Changing the secrets of store {0}", request.code));
    WriteTransaction tx(db);
    CatalogueRepository catalogue(db);
    ShopStore s;
    s.platform = request.platform;
    s.name = trimmed(request.name);
    if (s.name.empty()) throw InvalidInput(tr("A store needs the shop name people call it by"));
    s.code = trimmed(request.code);
    if (s.code.empty()) s.code = catalogue.next_store_code(s.platform);
    require_text(s.code, kMaxCodeLength, tr("the store code"));
    require_text(s.name, kMaxNameLength, tr("the store name"));
    if (!request.warehouse.empty())
        s.default_warehouse_id = WarehouseRepository(db).require_warehouse(request.warehouse).id;
    s.id = catalogue.save_store(s);
    std::string connected;
    if (request.connection && has_credentials(*request.connection)) {
        StoreConnection c = without_blanks(*request.connection);
        keep_stored_secrets(c, StoreConnectionRepository(db).find(s.id));
        check_connection(s.code, c);
        c.store_id = s.id;
        c.store_code = s.code;
        c.platform = s.platform;
        StoreConnectionRepository(db).save(c);
        connected = " app_key " + c.app_key;
    }
    // The log names what changed, never the secret or the token.
    audit(db, actor, "store.save", s.code,
          std::string(platform_code(s.platform)) + " " + s.name + connected);
    tx.commit();
    return s;
}

void configure_store(Database& db, const Actor& actor, const ShopStore& store,
                     StoreConnection connection, SplitPolicy policy) {
    require(actor, Permission::ManageStores);
    if (changes_secrets(connection))
        require_second_check(db, actor, trf("Changing the secrets of store {0}", store.code));
    connection = without_blanks(connection);
    connection.store_id = store.id;
    connection.store_code = store.code;
    connection.platform = store.platform;
    WriteTransaction tx(db);
    StoreConnectionRepository connections(db);
    std::optional<StoreConnection> stored = connections.find(store.id);
    if (has_credentials(connection) || stored) {
        keep_stored_secrets(connection, stored);
        check_connection(store.code, connection);
        connections.save(connection);
        audit(db, actor, "store.connect", store.code, connection.endpoint);
    }
    if (policy != store_split_policy(db, store.id)) save_split(db, actor, store.code, policy);
    tx.commit();
}

void set_store_split_policy(Database& db, const Actor& actor, const std::string& store,
                            SplitPolicy policy) {
    require(actor, Permission::ManageStores);
    WriteTransaction tx(db);
    save_split(db, actor, store, policy);
    tx.commit();
}

void choose_document_printer(Database& db, const Actor& actor, PrintDocument document,
                             const std::string& printer) {
    require(actor, Permission::Fulfil);
    WriteTransaction tx(db);
    std::string old = chosen_printer(db, document).value_or("");
    save_printer_choice(db, document, printer);
    audit(db, actor, "printer.choose", std::string(print_document_code(document)),
          change_text(old, printer));
    tx.commit();
}

}  // namespace dj::ops
