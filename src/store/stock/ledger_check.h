#pragma once

#include <string>
#include <vector>

#include "core/base/types.h"

namespace dj {

class Database;

// A stored figure that disagrees with what the ledger (and reservations) say it must be.
struct LedgerDifference {
    std::string what;  // on_hand, reserved, in_transit, lot_on_hand, cost_qty, cost_value
    std::string sku;
    std::string warehouse;
    std::string detail;  // location/batch for lots
    std::int64_t stored = 0;
    std::int64_t expected = 0;
};

// Recomputes balances, lots and average-cost totals from the ledger and compares them with
// what is stored. Empty means everything agrees.
std::vector<LedgerDifference> check_ledger(Database& db);

}  // namespace dj
