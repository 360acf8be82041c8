#include "ops/order_intake.h"

#include <set>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/order_update.h"
#include "core/orders/platform_hold.h"
#include "store/base/database.h"
#include "store/orders/order_split.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {
OrderIntake::OrderIntake(StockPosting& posting, Actor actor)
    : posting_(posting),
      actor_(std::move(actor)),
      orders_(posting.db()),
      holds_(posting.db()),
      review_(posting) {}

void OrderIntake::expect(const std::vector<Order>& orders) {
    std::map<Id, std::vector<std::string>> numbers;
    for (const Order& o : orders)
        if (expected_.emplace(std::make_pair(o.store_id, o.platform_order_id), std::nullopt).second)
            numbers[o.store_id].push_back(o.platform_order_id);
    for (const auto& [store_id, list] : numbers)
        for (const auto& [number, id] : orders_.find_ids(store_id, list))
            expected_[{store_id, number}] = id;
    review_.expect(orders);
}

std::optional<Id> OrderIntake::stored_id(const Order& order) {
    auto it = expected_.find({order.store_id, order.platform_order_id});
    if (it == expected_.end()) return orders_.find_id(order.store_id, order.platform_order_id);
    return it->second;
}

TakenOrder OrderIntake::take(const Order& order) {
    if (order.lines.empty())
        throw InvalidInput(trf("Order {0} has no lines", order.platform_order_id));
    Order incoming = order;
    std::optional<Order> stored;
    UpsertResult result;
    std::optional<Id> existing = stored_id(order);
    if (existing) stored = orders_.find(*existing);
    // A split order's lines are spread over its parts: the splitter takes the copy apart.
    std::optional<SplitUpdate> split_update;
    if (existing)
        split_update = OrderSplitter(review_.allocator(), posting_, rules_actor())
                           .accept_update(*existing, order);
    if (split_update) {
        result = split_update->result;
        for (Id part : split_update->changed_parts)
            review_.review(part);
    } else {
        if (stored) {
            OrderUpdatePlan plan = plan_order_update(*stored, incoming);
            incoming.status = plan.status;
            if (plan.release_first) review_.allocator().release(*existing);
        }
        // `stored` was read before the release, which changes no field the upsert compares.
        result = orders_.upsert(incoming, stored);
        if (result.outcome == UpsertOutcome::created)
            if (auto it = expected_.find({order.store_id, order.platform_order_id});
                it != expected_.end())
                it->second = result.id;
        if (result.outcome == UpsertOutcome::created)
            review_.review_new(incoming, result);
        else if (result.outcome == UpsertOutcome::updated)
            review_.review(result.id);
    }
    // Stock a cancelled or changed order gave back goes to the orders waiting for it.
    if (std::set<Id> freed = review_.allocator().take_freed(); !freed.empty())
        review_.allocator().allocate_waiting_for(freed);
    TakenOrder taken{result};
    if (result.outcome != UpsertOutcome::updated || !stored) return taken;
    std::optional<PlatformHold> hold = platform_hold(*stored, order.status);
    if (!hold) return taken;
    // The shop's own rules (refund-intercept) answer such a change first; this hold is for what
    // they leave waiting.
    std::optional<OrderHold> held = holds_.find(result.id);
    if (!held) {
        holds_.hold({result.id, hold->reason, hold->intercept, posting_.db().clock().now(),
                     HoldSource::platform, "", actor_.user});
        held = holds_.find(result.id);
    }
    taken.held = true;
    taken.intercept = held && held->intercept;
    return taken;
}

}  // namespace dj::ops
