#include "core/orders/platform_hold.h"

#include "core/base/deferred_text.h"

namespace dj {

std::optional<PlatformHold> platform_hold(const Order& before, OrderStatus reported) {
    if (before.status != OrderStatus::to_ship || before.allocation == Allocation::shipped)
        return std::nullopt;
    PlatformHold hold;
    switch (reported) {
        case OrderStatus::cancelled:
            hold.reason =
                deferred("Cancelled on the platform before shipping; its stock was released");
            break;
        case OrderStatus::refunded:
            hold.reason =
                deferred("Refunded on the platform before shipping; its stock was released");
            break;
        case OrderStatus::refund_requested:
            hold.reason =
                deferred("The buyer asked for a refund before shipping; its stock was released");
            break;
        default:
            return std::nullopt;
    }
    hold.intercept = before.allocation == Allocation::allocated;
    return hold;
}

}  // namespace dj
