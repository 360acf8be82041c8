#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/stock/warehouse.h"

namespace dj {

class Database;
namespace sql {
class Statement;
}

// The query behind WarehouseRepository::receiving_location (its parameter: the warehouse), for
// a statement of it sent ahead, and reading its answer.
extern const char* const kReceivingLocationSql;
std::optional<Id> read_receiving_location(sql::Statement& s);

// Warehouses, their locations (bins) and SKU batches.
// The code of the receiving location every warehouse starts with.
inline constexpr const char* kReceivingLocation = "收货区";

class WarehouseRepository {
  public:
    explicit WarehouseRepository(Database& db) : db_(db) {}

    // Refuses a code that exists already (InvalidInput). The warehouse gets its receiving
    // location, kReceivingLocation, where stock that comes in without a location is put.
    Id add_warehouse(const Warehouse& w);
    // Where stock that comes in without a location is put (see add_warehouse).
    std::optional<Id> receiving_location(Id warehouse_id);
    void set_receiving_location(Id warehouse_id, Id location_id);
    std::optional<Warehouse> find_warehouse(std::string_view code);
    Warehouse require_warehouse(std::string_view code);
    std::optional<Warehouse> warehouse_by_id(Id id);
    std::vector<Warehouse> list_warehouses();

    Id add_location(const Location& l);
    Location require_location(Id warehouse_id, std::string_view code);
    std::vector<Location> list_locations(Id warehouse_id);

    // The batch with this lot number, created when new. A known lot with another expiry date
    // is refused, so one lot never carries two dates.
    Id ensure_batch(Id sku_id, std::string_view lot, std::string_view expiry);
    std::optional<Batch> batch_by_id(Id id);
    std::optional<Id> find_batch(Id sku_id, std::string_view lot);

  private:
    Database& db_;
};

}  // namespace dj
