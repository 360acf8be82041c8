#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dj {

class Database;

// Record counts, in a fixed order: skus, suppliers, stores, warehouses, locations, batches,
// movements, orders, order lines, open orders, audit entries.
std::vector<std::pair<std::string, long long>> shop_stats(Database& db);
// One of those counts by name ("skus", "movements", ...).
long long shop_stat(Database& db, const std::string& name);
// Orders whose stock is reserved now.
long long allocated_orders(Database& db);

}  // namespace dj
