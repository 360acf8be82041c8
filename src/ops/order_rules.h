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

// What a change of rules did to the orders it applies to.
struct RulesApplied {
    int reviewed = 0;  // waiting orders not yet in a wave, put through the rules again
    int changed = 0;   // of them, those whose holds, tags, gifts, priority or stock changed
};
// "12 waiting orders were reviewed again, 3 changed", for the window and the CLI.
std::string rules_applied_text(const RulesApplied& applied);
// Adds or replaces rules by name (import, the editor), then reviews again every waiting order
// not yet in a wave or packed, in the same transaction.
RulesApplied import_rules(Database& db, const Actor& actor, const std::vector<OrderRule>& rules);
RulesApplied set_rule_enabled(Database& db, const Actor& actor, const std::string& name,
                              bool enabled);
// Deletes the rule (its definition goes to the audit log, so it can be imported back) and
// reviews the waiting orders again: what it held or tagged is released.
RulesApplied delete_rule(Database& db, const Actor& actor, const std::string& name);
struct InterceptCreated {
    Id id = 0;
    int caught = 0;
};
// Holds every not-yet-shipped order the intercept covers (in whatever state: new, allocated, in
// a wave, being packed); new orders it covers are held as they arrive until it is lifted.
// InvalidInput for an empty target or reason, NotFound for an unknown SKU or store.
InterceptCreated create_intercept(Database& db, const Actor& actor, OrderIntercept intercept);
// Releases exactly the holds it placed and reviews those orders again; returns how many it
// released. NotFound for an unknown intercept, InvalidInput for one already lifted.
int lift_intercept(Database& db, const Actor& actor, Id intercept_id);

}  // namespace dj::ops
