#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/orders/order.h"

namespace dj {

// What wave planning needs to know about one order.
struct WaveCandidate {
    Id order_id = 0;
    Id warehouse_id = 0;
    std::string carrier;  // empty until a waybill is assigned
    int priority = 0;     // 1 urgent
    std::optional<Timestamp> promised_ship_at;
    Timestamp paid_at = 0;  // paid time, else created time
    int sku_count = 0;      // distinct local SKUs
    Allocation allocation = Allocation::none;
    OrderStatus status = OrderStatus::to_ship;
    bool held = false;  // on hold or intercepted
    bool in_open_wave = false;
};

struct WaveRules {
    std::optional<Id> warehouse_id;
    std::optional<std::string> carrier;
    int max_orders = 50;
};

// One wave to create: its orders in slot order (slot = position + 1).
struct PlannedWave {
    Id warehouse_id = 0;
    std::string carrier;
    bool single_item = false;  // every order holds one SKU: picked by SKU, packed straight away
    std::vector<Id> order_ids;
};

// Whether an order may go into a new wave: allocated, still waiting to ship, not held or
// intercepted, and not in another open wave.
bool wave_eligible(const WaveCandidate& c);

// Groups eligible orders by warehouse, carrier and single-item versus mixed, urgent first, then
// the earliest promised ship time (orders without one after those with), then the earliest paid,
// and cuts each group into waves of at most rules.max_orders. Groups come out in the order of
// their most urgent order.
// Throws InvalidInput when max_orders is not positive.
std::vector<PlannedWave> plan_waves(std::vector<WaveCandidate> candidates, const WaveRules& rules);

}  // namespace dj
