#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dj {

class Database;

// Record counts, in a fixed order: skus, suppliers, stores, warehouses, locations, batches,
// movements, orders, order lines, open orders, audit entries.
std::vector<std::pair<std::string, long long>> shop_stats(Database& db);

}  // namespace dj
