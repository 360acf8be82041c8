#pragma once

#include "core/orders/order.h"

namespace dj {

// Refuses (InvalidInput naming the field, e.g. "lines[2].quantity", and the limit) an order no
// platform or file could mean: negative or huge amounts and quantities, times outside
// 2000–2099, text that is not UTF-8 or too long, too many lines. The caller names the order.
void check_order_limits(const Order& order);

}  // namespace dj
