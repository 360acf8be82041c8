#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/types.h"

namespace dj {

// Stock of one SKU in one warehouse at one location (or none) and of one batch (or none).
struct Lot {
    Id id = 0;  // 0 until stored
    Id sku_id = 0;
    Id warehouse_id = 0;
    std::optional<Id> location_id;
    std::optional<Id> batch_id;
    std::string expiry;  // batch expiry "YYYY-MM-DD", empty without a batch
    int walk_order = 0;  // location walk order, 0 without a location
    Qty on_hand = 0;
    bool dirty = false;  // changed since loaded
};

struct LotTake {
    std::size_t lot_index = 0;
    Qty qty = 0;
};

struct LotPick {
    std::vector<LotTake> takes;
    Qty shortfall = 0;  // what the lots could not cover
};

// First expired, first out: lots with stock by expiry (batches without expiry last), then by
// location walk order, then by age (id).
LotPick pick_fefo(const std::vector<Lot>& lots, Qty qty);

// Same ordering, restricted to a location and/or a batch when given.
LotPick pick_fefo_at(const std::vector<Lot>& lots, Qty qty, std::optional<Id> location_id,
                     std::optional<Id> batch_id);

}  // namespace dj
