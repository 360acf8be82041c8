#pragma once

#include <optional>
#include <string>

#include "core/orders/order.h"

namespace dj {

// What the shop does when the platform reports that a buyer gave up on an order still waiting
// here (cancelled, refunded or a refund asked for): the order is held with a reason the packer
// reads, and when its stock was already reserved (it may be on a pick sheet) the hold is an
// intercept that stops the pack station. None when the change needs no hold: the order was
// not waiting to ship, has left already, or the new status still ships.
struct PlatformHold {
    std::string reason;
    bool intercept = false;
};

std::optional<PlatformHold> platform_hold(const Order& before, OrderStatus reported);

}  // namespace dj
