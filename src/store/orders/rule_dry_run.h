#pragma once

#include <string>
#include <vector>

#include "core/orders/order_rule.h"

namespace dj {

class Database;

// What one rule would do to one order.
struct DryRunRow {
    Id order = 0;
    std::string order_id;  // the platform's
    std::string store;
    std::string rule;
    std::vector<std::string> actions;       // "hold", "tag 加急", "gift GIFT-01 x1", ... (codes)
    std::vector<std::string> action_texts;  // the same in the interface language
    std::string why;
};

struct DryRunSummary {
    int orders = 0;  // looked at
    std::vector<DryRunRow> rows;
};

// Applies `rules` to the orders created in [since, now) whatever their state, and changes
// nothing: the rule set is tried on the past before it goes live. Reads only.
DryRunSummary dry_run_rules(Database& db, const std::vector<OrderRule>& rules, Timestamp since,
                            Timestamp now);
// The same over the orders waiting to ship now (the rule editor's preview). Reads only.
DryRunSummary dry_run_on_waiting(Database& db, const std::vector<OrderRule>& rules, Timestamp now);

}  // namespace dj
