#pragma once

#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/orders/order_rule.h"

namespace dj {

class Database;

// The shop's order rules, in evaluation order. Writes are audited and run in their own
// transaction.
class RuleRepository {
  public:
    explicit RuleRepository(Database& db) : db_(db) {}
    std::vector<OrderRule> list();
    // Adds the rules, replacing any of the same name in place; new ones go last.
    void import(const std::vector<OrderRule>& rules);
    // Throws NotFound naming the rule and how to see the names.
    void set_enabled(const std::string& name, bool enabled);
    // Removes the rule; throws NotFound naming it. The orders' decision history keeps its name.
    void remove(const std::string& name);

  private:
    Database& db_;
};

}  // namespace dj
