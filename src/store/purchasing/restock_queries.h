#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/purchasing/restock_line.h"

namespace dj {

class Database;
class ThresholdsAhead;

struct RestockFilter {
    std::optional<Id> warehouse_id;
    std::vector<Id> sku_ids;  // empty: every SKU
};

// One line per SKU × warehouse that has a stock record, ordered by supplier, SKU, warehouse.
// The window is the 28 shop days ending with the day of `now` (today included).
std::vector<RestockLine> restock_lines(Database& db, Timestamp now, const RestockFilter& filter);
// The same with the shop's thresholds asked for already.
std::vector<RestockLine> restock_lines(Database& db, Timestamp now, const RestockFilter& filter,
                                       ThresholdsAhead& thresholds);

}  // namespace dj
