#pragma once

#include <optional>
#include <string>

#include "core/base/types.h"

namespace dj {

// Reorder figures of one SKU in one warehouse (formulas in core/purchasing/restock.h): what the
// store computes and the restock sheet, the CLI and the window show.
struct RestockLine {
    Id sku_id = 0;
    Id warehouse_id = 0;
    std::string sku;
    std::string sku_name;
    std::string warehouse;
    std::optional<Id> supplier_id;
    std::string supplier;  // code, empty when the SKU has none
    std::string supplier_name;
    int lead_days = 7;
    int order_multiple = 1;
    double d = 0;
    double sigma = 0;
    Qty shipped = 0;  // over the window
    Qty safety_stock = 0;
    Qty reorder_point = 0;
    bool manual = false;  // a manual SS or ROP was used
    Qty on_hand = 0;
    Qty available = 0;
    Qty in_transit = 0;
    Qty on_order = 0;  // ordered on purchase orders, not received yet
    Qty backlog = 0;   // what waiting orders still lack here (short of stock)
    Qty position = 0;
    Qty suggested = 0;
    Fen unit_cost = 0;  // what a purchase order line is priced at: last cost, else standard
};

}  // namespace dj
