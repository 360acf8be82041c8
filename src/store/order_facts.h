#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/order_intercept.h"
#include "core/order_rule.h"
#include "core/rule_evaluation.h"

namespace dj {

class Database;

// One order as rules and intercepts see it.
struct ReviewSubject {
    Id order_id = 0;
    std::string platform_order_id;
    OrderFacts facts;
    InterceptSubject intercept;
    Allocation allocation = Allocation::none;
    std::optional<Id> warehouse_id;  // where it is (or would be) served from
    bool in_open_wave = false;
    int priority = 0;
};

// Whether rules still decide anything for an order in this state: not once it is shipped or
// given up.
bool reviewable(OrderStatus status, Allocation allocation);

// Gathers facts with a few set-based queries, so a dry run over 50,000 orders stays fast.
class OrderFactsLoader {
  public:
    OrderFactsLoader(Database& db, const std::vector<OrderRule>& rules,
                     const std::vector<OrderIntercept>& active_intercepts);
    std::optional<ReviewSubject> one(Id order_id, Timestamp now);
    // Orders created in [since, until), oldest first.
    std::vector<ReviewSubject> created_between(Timestamp since, Timestamp until, Timestamp now);
    // Every order that is not yet shipped (for intercepts).
    std::vector<ReviewSubject> open_orders(Timestamp now);

  private:
    std::vector<ReviewSubject> load(const std::string& where, Timestamp a, Timestamp b,
                                    Timestamp now);
    Database& db_;
    const std::vector<OrderIntercept>& intercepts_;
    int buyer_hours_ = 24;  // the longest look-back any buyer_orders condition needs
};

}  // namespace dj
