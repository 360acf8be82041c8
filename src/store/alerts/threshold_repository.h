#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/alerts/stock_thresholds.h"
#include "core/base/actor.h"

namespace dj {

class Database;

// Every threshold set in the shop, read at once (the table is small).
ThresholdBook load_thresholds(Database& db);

// Sets (value) or clears (nullopt) a threshold for the shop, a warehouse, a SKU or a SKU in
// one warehouse (empty codes mean "every"). NotFound names a wrong code.
void save_threshold(Database& db, Threshold t, const std::string& sku, const std::string& warehouse,
                    std::optional<std::int64_t> value);

}  // namespace dj
