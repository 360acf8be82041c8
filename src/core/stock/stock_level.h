#pragma once

#include <string_view>

#include "core/base/types.h"

namespace dj {

// How a stock figure should look to the owner: green enough, yellow low, red out.
enum class StockLevel { enough, low, out };

// Until per-SKU reorder points exist, "low" means fewer days of cover than `cover_days` at the
// recent daily demand; a SKU that has not sold recently is never low.
StockLevel classify_stock(Qty available, double daily_demand, int cover_days = 7);

std::string_view stock_level_code(StockLevel level);

}  // namespace dj
