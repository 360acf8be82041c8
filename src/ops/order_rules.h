#pragma once

#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/orders/order_intercept.h"
#include "core/orders/order_rule.h"
#include "store/orders/intercept_service.h"

namespace dj {
class Database;
}

namespace dj::ops {

// The shop's order rules and standing intercepts (rules view, `rules …`, `intercept …`); each
// is one audited transaction dated by the database's clock.
// Adds or replaces rules by name; orders already stored are not reviewed again.
void import_rules(Database& db, const Actor& actor, const std::vector<OrderRule>& rules);
void set_rule_enabled(Database& db, const Actor& actor, const std::string& name, bool enabled);
// Holds every unshipped order the intercept covers; returns its id and how many it caught.
InterceptService::Created create_intercept(Database& db, const Actor& actor,
                                           const OrderIntercept& intercept);
// Releases exactly the holds it placed; returns how many orders it released.
int lift_intercept(Database& db, const Actor& actor, Id intercept_id);

}  // namespace dj::ops
