#pragma once

#include "core/base/types.h"

namespace dj {

// Shop-wide moving weighted average cost of one SKU. qty counts every unit the shop owns
// (on hand in any warehouse plus in transit); value is their exact total in fen.
struct CostState {
    Qty qty = 0;
    Fen value = 0;
    // Average used when no stock is left to average over (last known, else the standard cost).
    Fen last_unit_cost = 0;

    // Current average in fen, rounded to the nearest fen.
    Fen unit_cost() const;
    bool operator==(const CostState&) const = default;
};

// Each function throws Overflow (limits.h) and leaves s as it was when a figure would not fit.

// Adds q units at unit cost c; returns the value added (q * c).
Fen cost_receive(CostState& s, Qty q, Fen c);

// Value of q units leaving stock at the current average, without changing s. Taking every unit
// takes exactly the remaining value, so rounding never leaves value behind an empty stock.
Fen cost_issue_value(const CostState& s, Qty q);

// Removes q units and their value (cost_issue_value); returns the value removed (positive).
Fen cost_issue(CostState& s, Qty q);

}  // namespace dj
