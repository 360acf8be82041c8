#pragma once

#include <map>
#include <utility>
#include <vector>

#include "core/base/types.h"

namespace dj {

// One local SKU an order line needs (a bundle line needs several).
struct SplitItem {
    Id sku_id = 0;
    Qty qty = 0;
};

// One order line as splitting sees it: it moves whole, with every component of its bundle.
struct SplitLine {
    Id line_id = 0;
    std::vector<SplitItem> items;
    bool presale = false;  // ships later, when the goods are in
};

// One part of a split order: the lines one warehouse ships.
struct SplitPart {
    Id warehouse_id = 0;
    std::vector<Id> line_ids;  // in the order the lines were given
    bool presale = false;      // the presale lines split off to ship later
};

// Units available per (warehouse, SKU); a missing entry means none.
using SplitStock = std::map<std::pair<Id, Id>, Qty>;

// Plans how to ship an order's lines from `warehouses` (the preferred one first, then the rest
// in the order to try them) with what `stock` has available. Each line goes whole to one
// warehouse; the plan uses as few parts as possible and, among plans of that size, the earlier
// warehouses first; parts come out in warehouse preference order. When the order mixes presale
// and other lines, the presale lines form a part of their own, last, in the first warehouse
// that can serve them from what the other parts leave (else the preferred one: they wait for
// their goods anyway). Returns nothing when some other line cannot be served by any warehouse.
// A single part means one warehouse can serve the whole order: nothing to split.
std::vector<SplitPart> plan_split(const std::vector<SplitLine>& lines,
                                  const std::vector<Id>& warehouses, const SplitStock& stock);

// The paid amount shared out over parts by the value of their lines: each part after the first
// gets total × its value / all values (rounded down), the first part the rest, so the parts add
// up to the total exactly. With no value at all the first part keeps everything.
std::vector<Fen> share_paid(Fen total, const std::vector<Fen>& part_values);

}  // namespace dj
