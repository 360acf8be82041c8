#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/actor.h"
#include "core/orders/order.h"
#include "ops/order_review.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "sync/order_sink.h"

namespace dj {
class StockPosting;
}

namespace dj::ops {

// Accepting an order from a platform (a sync, an order file, the demo's generator): stored (a
// newer copy updates it, an older one is ignored), put through the order rules and intercepts,
// held when the platform reports the buyer gave up on it while it waited here, and allocated —
// all inside the caller's StockPosting, which commits or rolls back the lot.
class OrderIntake {
  public:
    OrderIntake(StockPosting& posting, Actor actor);
    // The orders about to be taken: which of them are stored, and their buyers' other orders
    // when a rule counts them, are read for all at once.
    void expect(const std::vector<Order>& orders);
    // InvalidInput when the order has no lines.
    TakenOrder take(const Order& order);

  private:
    // The stored order with this number, from what expect() read when it read it.
    std::optional<Id> stored_id(const Order& order);

    StockPosting& posting_;
    Actor actor_;
    OrderRepository orders_;
    OrderHoldRepository holds_;
    OrderReview review_;
    std::map<std::pair<Id, std::string>, std::optional<Id>> expected_;  // store, number -> id
};

}  // namespace dj::ops
