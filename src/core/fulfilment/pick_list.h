#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/stock/lot_allocation.h"

namespace dj {

// What one order of a wave needs of one SKU; the slot is the order's place on the put wall.
struct PickDemand {
    int slot = 0;
    Id sku_id = 0;
    Qty qty = 0;
};

struct SlotQty {
    int slot = 0;
    Qty qty = 0;
};

// One stop of the picker's walk: take `qty` of a SKU from one location and batch, and put it
// into the slots listed. Codes and names are filled in by whoever loaded the lots.
struct PickStop {
    Id sku_id = 0;
    std::optional<Id> location_id;  // none: the stock has no location (or was not found)
    std::optional<Id> batch_id;
    std::string expiry;
    int walk_order = 0;
    Qty qty = 0;
    std::vector<SlotQty> slots;
    std::string location_code;
    std::string sku_code;
    std::vector<std::string> barcodes;
    std::string sku_name;
    std::string spec;
    std::string lot;
};

// Aggregates a wave's demands per SKU × location × batch. Each SKU's units are taken from its
// lots first expired first out (then walk order), filling slots in slot order, so one stop is
// one shelf visit; what the lots cannot cover becomes a stop without a location. Stops are in
// walk order (stock without a location last), then by SKU and expiry.
std::vector<PickStop> build_pick_list(const std::vector<PickDemand>& demands,
                                      const std::map<Id, std::vector<Lot>>& lots_by_sku);

}  // namespace dj
