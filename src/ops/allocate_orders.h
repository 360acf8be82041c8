#pragma once

#include "core/base/actor.h"

namespace dj {
class Database;
class StockPosting;
}  // namespace dj

namespace dj::ops {

// Reserves stock for the orders waiting for it, most urgent then earliest paid first, in one
// transaction, audited; returns how many are now allocated.
int allocate_waiting_orders(Database& db, const Actor& actor);

// Inside a change that brought stock in (a receipt, an arrival, a count gain, a return): the
// orders waiting for those SKUs are served at once, in the same order. Returns how many were.
int serve_waiting_orders(StockPosting& posting);

}  // namespace dj::ops
