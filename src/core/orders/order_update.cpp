#include "core/orders/order_update.h"

namespace dj {

OrderUpdatePlan plan_order_update(const Order& stored, const Order& incoming) {
    OrderUpdatePlan plan;
    plan.status = incoming.status;
    const bool shipped_here = stored.allocation == Allocation::shipped;
    if (shipped_here && (incoming.status == OrderStatus::to_ship ||
                         incoming.status == OrderStatus::pending_payment))
        plan.status = OrderStatus::shipped;
    plan.release_first = !shipped_here && incoming.modified_at >= stored.modified_at &&
                         !same_lines(stored.lines, incoming.lines);
    return plan;
}

}  // namespace dj
