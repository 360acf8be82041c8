#pragma once

#include <string>
#include <vector>

#include "core/base/actor.h"
#include "store/orders/order_repository.h"

namespace dj {
class Database;
}

namespace dj::ops {

// The orders `filter` names with their buyers' full data, for a file (`orders export`, the orders
// view's Export). Needs buyers.export and a second check; recorded in the audit log with the file
// and how many orders went into it.
std::vector<OrderSummary> export_orders(Database& db, const Actor& actor, const OrderFilter& filter,
                                        const std::string& file);

}  // namespace dj::ops
