#pragma once

#include <string>
#include <vector>

#include "core/base/types.h"

namespace dj {

struct SkuComponent {
    Id sku_id = 0;
    Qty qty = 1;
};

// A store's platform SKU (its id or seller code) maps to one local SKU or to a bundle.
struct SkuMapping {
    Id id = 0;
    Id store_id = 0;
    std::string platform_sku;
    std::vector<SkuComponent> components;
};

// A platform listing mapped to local SKUs: "TEA-01×2 + CUP-01×1" for a bundle.
struct MappedListing {
    std::string store;  // code
    std::string platform_sku;
    std::string components;
    bool bundle = false;  // several SKUs
};

// The local units one platform line of `line_qty` needs. Components naming the same SKU are
// merged. Throws InvalidInput for an empty mapping or a non-positive quantity.
std::vector<SkuComponent> expand_mapping(const SkuMapping& mapping, Qty line_qty);

}  // namespace dj
