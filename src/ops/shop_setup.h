#pragma once

#include <optional>
#include <string>

#include "core/base/actor.h"
#include "core/orders/store_connection.h"
#include "core/stock/catalogue.h"
#include "core/stock/warehouse.h"

namespace dj {
class Database;
enum class SplitPolicy;
enum class PrintDocument;
}  // namespace dj

namespace dj::ops {

// Setting the shop up (settings view, store dialog, `warehouse`/`location`/`store` commands);
// each is one audited transaction. Codes are trimmed; an empty or taken one is refused.
// Records that the shop database was created (or upgraded) here, with its schema version.
void init_shop(Database& db, const Actor& actor);
// Names the shop (1 to 64 characters), audited.
void set_shop_name(Database& db, const Actor& actor, const std::string& name);
void add_warehouse(Database& db, const Actor& actor, Warehouse warehouse);
Location add_location(Database& db, const Actor& actor, const std::string& warehouse_code,
                      Location location);
// Where stock that comes in without a location is put from now on (every warehouse starts with
// its 收货区); NotFound for an unknown warehouse or location.
void set_receiving_location(Database& db, const Actor& actor, const std::string& warehouse_code,
                            const std::string& location_code);

struct StoreRequest {
    std::string code;  // empty: the next free code of the platform (tb-2, …)
    std::string name;
    Platform platform = Platform::taobao;
    std::string warehouse;  // code of the warehouse that ships its orders; empty: none
    // Saved when any credential is given: app key and secret are then both needed, and an
    // endpoint must start with http:// or https://.
    std::optional<StoreConnection> connection;
};
// Adds the store, or updates the one with that code.
ShopStore save_store(Database& db, const Actor& actor, const StoreRequest& request);

// The store's connection and split policy as the store dialog edits them. A store without any
// credential (none given, none stored) only changes its policy. The audit never names secrets.
void configure_store(Database& db, const Actor& actor, const ShopStore& store,
                     StoreConnection connection, SplitPolicy policy);

// Whether an order its store's warehouse cannot fill alone is held or split (store by code or
// name).
void set_store_split_policy(Database& db, const Actor& actor, const std::string& store,
                            SplitPolicy policy);

// The printer this workstation sends a kind of document to; empty forgets the choice.
void choose_document_printer(Database& db, const Actor& actor, PrintDocument document,
                             const std::string& printer);

}  // namespace dj::ops
