#pragma once

#include <string>

#include "core/base/types.h"

namespace dj {

struct Warehouse {
    Id id = 0;
    std::string code;
    std::string name;
    bool allow_negative = false;  // only when a user explicitly allows selling ahead of stock
};

// A bin such as A-01-02; pickers walk locations in ascending walk_order.
struct Location {
    Id id = 0;
    Id warehouse_id = 0;
    std::string code;
    std::string zone;
    int walk_order = 0;
};

// A lot of one SKU with an expiry date ("YYYY-MM-DD"), for SKUs with a shelf life.
struct Batch {
    Id id = 0;
    Id sku_id = 0;
    std::string lot;
    std::string expiry;
};

}  // namespace dj
