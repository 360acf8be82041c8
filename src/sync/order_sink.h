#pragma once

#include <memory>

#include "core/base/types.h"
#include "core/orders/order.h"
#include "store/orders/order_repository.h"

namespace dj {

// What became of one pulled order.
struct TakenOrder {
    UpsertResult stored;
    bool held = false;       // the platform's change (a cancel, a refund) held it here
    bool intercept = false;  // ... and stops it at the pack station
};

// Some windows' orders stored in one transaction; the engine's cursor moves join it, so the
// cursor passes an order only when it is stored. Destroyed uncommitted, it stores nothing.
class OrderBatch {
  public:
    virtual ~OrderBatch() = default;
    // The orders about to be taken, so that what is known of them is read for all at once.
    virtual void expect(const std::vector<Order>& orders) = 0;
    virtual TakenOrder take(const Order& order) = 0;
    virtual void commit() = 0;
};

// Where pulled orders go: the use case that decides what an order means to the shop
// (ops::OrderIntake). The engine only fetches pages and moves cursors.
class OrderSink {
  public:
    virtual ~OrderSink() = default;
    virtual std::unique_ptr<OrderBatch> begin() = 0;
};

}  // namespace dj
