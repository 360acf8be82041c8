#pragma once

#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/orders/order_intercept.h"

namespace dj {

class Database;

std::vector<OrderIntercept> active_intercepts(Database& db);
// What a packer reads on an order the intercept holds.
std::string intercept_hold_reason(const OrderIntercept& intercept);

// Standing stops on orders. Creating one holds, in one transaction, every not-yet-shipped order
// it covers (in whatever state: new, allocated, in a wave, being packed); new orders it covers
// are held as they arrive (see OrderReviewer) until it is lifted. Lifting releases exactly the
// holds it placed and reviews those orders again.
class InterceptService {
  public:
    InterceptService(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}

    struct Created {
        Id id = 0;
        int caught = 0;
    };
    // Throws InvalidInput for an empty target or reason, NotFound for an unknown SKU or store.
    Created create(OrderIntercept intercept, Timestamp now);
    std::vector<OrderIntercept> list(bool include_lifted);
    // Releases the holds it placed and returns those orders, to be reviewed again by the
    // caller (ops::lift_intercept) in the same transaction; throws NotFound / InvalidInput
    // (already lifted).
    std::vector<Id> lift(Id id, Timestamp now);

  private:
    Database& db_;
    Actor actor_;
};

}  // namespace dj
