#pragma once

#include <optional>
#include <vector>

#include "core/periods/stock_report.h"

namespace dj {

// A SKU with stock but no sale in the period, or more than this many days of cover, is slow.
constexpr double kSlowMoverDays = 90.0;

// Shop-wide (every warehouse and transit) turnover of one SKU over a report's period.
struct SkuTurnover {
    Id sku_id = 0;
    Amount shipped;  // cost of goods sold
    Amount opening;
    Amount closing;
    // COGS ÷ average stock value ((opening + closing) / 2); none without stock value.
    std::optional<double> turnover;
    // Closing quantity ÷ average daily shipped quantity; none when nothing shipped.
    std::optional<double> days_of_cover;
    bool slow_mover = false;
};

// One entry per SKU that had stock or shipments, by SKU id.
std::vector<SkuTurnover> turnover_by_sku(const StockReport& report);

// ABC class by shipped value: A until 80 % of the shop's shipped value is reached (the SKU that
// crosses the line included), B until 95 %, C the rest (and everything that did not ship).
struct AbcEntry {
    Id sku_id = 0;
    Fen shipped_value = 0;
    Qty shipped_qty = 0;
    double share = 0;       // of the total shipped value
    double cumulative = 0;  // including this SKU
    char abc_class = 'C';
};

// Sorted by shipped value, largest first (ties by SKU id).
std::vector<AbcEntry> abc_classes(const StockReport& report);

}  // namespace dj
