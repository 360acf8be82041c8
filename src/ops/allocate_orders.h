#pragma once

#include "core/base/actor.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Reserves stock for the orders waiting for it, earliest paid first, in one transaction,
// audited; returns how many are now allocated.
int allocate_waiting_orders(Database& db, const Actor& actor);

}  // namespace dj::ops
