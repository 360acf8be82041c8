#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/orders/order_intercept.h"

namespace dj {

class Database;

std::vector<OrderIntercept> active_intercepts(Database& db);
// What a packer reads on an order the intercept holds.
std::string intercept_hold_reason(const OrderIntercept& intercept);

// Standing stops on orders, stored; placing and lifting them is ops::create_intercept and
// ops::lift_intercept. New orders an intercept covers are held as they arrive (OrderReviewer).
class InterceptRepository {
  public:
    explicit InterceptRepository(Database& db) : db_(db) {}

    // Stores a new intercept (created_at, created_by as given); returns its id.
    Id insert(const OrderIntercept& intercept);
    std::optional<OrderIntercept> find(Id id);
    std::vector<OrderIntercept> list(bool include_lifted);

    // A not-yet-shipped order the intercept covers, in whatever state (new, allocated, in a
    // wave, being packed).
    struct Covered {
        Id order_id = 0;
        bool picking = false;  // allocated or in a wave: the packer may already hold it
    };
    std::vector<Covered> covered_orders(const OrderIntercept& intercept);
    // Drops the holds the intercept placed and marks it lifted; returns the orders it held.
    std::vector<Id> lift(Id id, Timestamp at, const std::string& by);

  private:
    Database& db_;
};

}  // namespace dj
