#pragma once

#include "core/orders/order.h"

namespace dj {

// How a stored order takes a copy the platform sent again, decided before anything is written.
struct OrderUpdatePlan {
    OrderStatus status = OrderStatus::to_ship;  // what to store
    // The lines change on an order still holding stock: what they hold is given back first,
    // and the new lines are allocated afresh.
    bool release_first = false;
};

// Shipped here, the platform still says "to ship" (or "unpaid") until it hears of it: the
// shop's "shipped" stands. An older copy than the stored one changes nothing (the upsert
// ignores it), so its lines release nothing.
OrderUpdatePlan plan_order_update(const Order& stored, const Order& incoming);

}  // namespace dj
