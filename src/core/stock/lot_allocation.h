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

// The dates that decide whether a SKU's batches may leave for an order: `today` in the shop's
// time zone, and `ship_from`, today plus the SKU's minimum remaining shelf life. A lot expiring
// before `ship_from` (expired, or too close to it) stays on hand but is never available: it is
// not reserved, shipped, transferred or put on a pick list.
struct ShelfDates {
    std::string today;      // "YYYY-MM-DD"
    std::string ship_from;  // "YYYY-MM-DD"
};

// Whether the lot may leave for an order (a lot without a batch always may).
bool lot_ships(const Lot& lot, const ShelfDates& dates);

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

// The same over the lots that may leave for an order.
LotPick pick_fefo_shippable(const std::vector<Lot>& lots, Qty qty, const ShelfDates& dates);

// Same ordering, from exactly `location_id` (none: the lots without a location) and, when given,
// the batch.
LotPick pick_fefo_exact(const std::vector<Lot>& lots, Qty qty, std::optional<Id> location_id,
                        std::optional<Id> batch_id);

// Same ordering, restricted to a location and/or a batch when given.
LotPick pick_fefo_at(const std::vector<Lot>& lots, Qty qty, std::optional<Id> location_id,
                     std::optional<Id> batch_id);

}  // namespace dj
