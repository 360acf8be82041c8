#pragma once

#include <optional>
#include <vector>

#include "core/base/types.h"

namespace dj {

// The demand window of the reorder formulas: the last 28 days of ship movements, a day without
// shipments counting as 0.
constexpr int kDemandWindowDays = 28;
constexpr double kDefaultServiceZ = 1.645;  // 95 % service level
constexpr int kDefaultReviewDays = 7;

// Daily shipped quantities summed once, so every figure below is computed from exact integers
// and only the square root and z are floating point.
struct DemandStats {
    int days = kDemandWindowDays;
    Qty total = 0;         // Σx
    Qty total_sq = 0;      // Σx²
    double mean() const;   // d
    double sigma() const;  // population standard deviation
};

// `daily` holds one entry per day of the window (missing days are zeros).
DemandStats demand_stats(const std::vector<Qty>& daily);

struct ReorderInputs {
    DemandStats demand;
    int lead_days = 7;
    double z = kDefaultServiceZ;
    // Manual figures on the SKU replace the computed ones.
    std::optional<Qty> manual_safety_stock;
    std::optional<Qty> manual_reorder_point;
};

struct ReorderPoint {
    Qty safety_stock = 0;   // SS = ceil(z · σ · √LT)
    Qty reorder_point = 0;  // ROP = ceil(d · LT) + SS
};

ReorderPoint reorder_point(const ReorderInputs& in);

// position = available − backlog + in transit + open purchase-order quantity, where backlog is
// what orders waiting to ship from the warehouse still lack (short of stock, not reserved).
Qty restock_position(Qty available, Qty backlog, Qty in_transit, Qty on_order);

// When position ≤ ROP the suggestion is ROP + ceil(d · R) − position rounded up to the order
// multiple; otherwise 0.
Qty suggested_quantity(const ReorderPoint& rop, const DemandStats& demand, Qty position,
                       int review_days = kDefaultReviewDays, int order_multiple = 1);

}  // namespace dj
