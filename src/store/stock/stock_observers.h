#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/base/types.h"

namespace dj {

class Database;

// What follows a change of stock, registered once by each program at start (ops/observers.h)
// instead of being wired into posting: queueing the platforms' stock offers (inside the change's
// transaction, so they commit or roll back with it) and checking stock alerts (after it commits).
struct StockChange {
    Timestamp at = 0;
    std::vector<Id> skus;  // whose balances the change wrote, ascending
};

enum class StockPhase { in_transaction, after_commit };

using StockObserver = std::function<void(Database&, const StockChange&)>;

void observe_stock_changes(StockPhase phase, StockObserver observer);

// Called by StockPosting when it commits: the in-transaction observers run now (a failure rolls
// the change back), the others once the outermost transaction has committed.
void stock_changed(Database& db, const StockChange& change);

}  // namespace dj
