#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/base/progress.h"
#include "core/base/types.h"

namespace dj {

class Database;

// One order as the orders view shows it; loaded once, never copied by sorting or filtering.
struct OrderRow {
    Id id = 0;
    std::string store;
    std::string platform;
    std::string order_id;
    std::string status;
    std::string allocation;
    std::string warehouse;
    std::string receiver;
    std::string region;  // province city
    std::string items;   // "TEA-0001×2 CUP-0003×1"
    Qty units = 0;
    Fen amount = 0;
    Timestamp created = 0;
    Timestamp promised = 0;         // 0: none
    int priority = 0;               // 1: urgent
    std::string hold;               // the hold's reason; empty when not held
    std::vector<std::string> tags;  // from rules and people
    std::string seller_codes;       // the lines' seller codes other than their SKUs
    std::string haystack;           // what the text filter searches (the view fills it)
    bool operator==(const OrderRow&) const = default;
};

// Every order of the shop, in id order, counting in `progress`; returns early (with what it
// has) when `progress.cancel` becomes true.
std::vector<OrderRow> read_order_rows(Database& db, Progress& progress);

}  // namespace dj
