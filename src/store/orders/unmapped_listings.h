#pragma once

#include <string>
#include <vector>

#include "core/base/types.h"

namespace dj {

class Database;

// A platform listing that waiting orders sell but no mapping or SKU code names (商品对应): what
// keeps those orders from being allocated.
struct UnmappedListing {
    std::string store;  // code
    std::string platform_sku_id;
    std::string seller_code;
    std::string title;
    long long orders = 0;  // waiting orders it holds up
    Qty units = 0;
    std::string first_order;  // the earliest of them, to look at
    // What a mapping is saved under: the platform's id, or the seller code without one.
    const std::string& key() const {
        return platform_sku_id.empty() ? seller_code : platform_sku_id;
    }
};

// Most orders first.
std::vector<UnmappedListing> unmapped_listings(Database& db);

}  // namespace dj
