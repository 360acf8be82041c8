#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/platform.h"
#include "core/base/types.h"

namespace dj {

enum SkuFlag : unsigned {
    kSkuFragile = 1u << 0,
    kSkuHighValue = 1u << 1,
    kSkuLiquid = 1u << 2,
};

struct Supplier {
    Id id = 0;
    std::string code;
    std::string name;
    int lead_time_days = 7;
    int order_multiple = 1;  // purchase quantities are rounded up to a multiple of this
};

struct Sku {
    Id id = 0;
    std::string code;  // unique, the shop's own seller code
    std::string name;
    std::vector<std::string> barcodes;
    std::string spec;
    std::string unit = "件";
    int weight_g = 0;
    int shelf_life_days = 0;  // 0: not tracked by batch/expiry
    unsigned flags = 0;
    Fen standard_cost = 0;  // purchase cost used when nothing better is known
    std::optional<Id> supplier_id;
};

// One shop on one platform.
struct ShopStore {
    Id id = 0;
    std::string code;
    std::string name;
    Platform platform = Platform::taobao;
    std::optional<Id> default_warehouse_id;
};

}  // namespace dj
