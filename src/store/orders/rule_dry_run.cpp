#include "store/orders/rule_dry_run.h"

#include "core/base/deferred_text.h"
#include "core/orders/rule_evaluation.h"
#include "core/orders/rule_text.h"
#include "store/base/database.h"
#include "store/orders/intercept_service.h"
#include "store/orders/order_facts.h"

namespace dj {
namespace {

std::string describe(const RuleAction& a) {
    std::string out(rule_action_code(a.kind));
    switch (a.kind) {
        case RuleActionKind::priority:
            return out + " " + std::to_string(a.priority);
        case RuleActionKind::gift:
            return out + " " + a.value + " x" + std::to_string(a.qty);
        case RuleActionKind::hold:
        case RuleActionKind::intercept:
        case RuleActionKind::merge:
            return out;
        default:
            return out + " " + a.value;
    }
}

DryRunSummary try_rules(const std::vector<OrderRule>& rules,
                        const std::vector<ReviewSubject>& subjects) {
    DryRunSummary summary;
    summary.orders = static_cast<int>(subjects.size());
    for (const ReviewSubject& s : subjects) {
        ReviewOutcome out = evaluate_rules(rules, s.facts);
        for (const std::string& rule : out.matched_rules) {
            DryRunRow row{s.order_id, s.platform_order_id, s.facts.store, rule, {}, {}, ""};
            for (const RuleDecision& d : out.decisions) {
                if (d.rule != rule) continue;
                row.why = readable(d.why);
                row.actions.push_back(d.applied
                                          ? describe(d.action)
                                          : describe(d.action) + " (" + readable(d.note) + ")");
                row.action_texts.push_back(d.applied ? describe_action(d.action)
                                                     : describe_action(d.action) + " (" +
                                                           readable(d.note) + ")");
            }
            summary.rows.push_back(std::move(row));
        }
    }
    return summary;
}

}  // namespace

DryRunSummary dry_run_rules(Database& db, const std::vector<OrderRule>& rules, Timestamp since,
                            Timestamp now) {
    std::vector<OrderIntercept> intercepts = active_intercepts(db);
    OrderFactsLoader loader(db, rules, intercepts);
    return try_rules(rules, loader.created_between(since, now + 1, now));
}

DryRunSummary dry_run_on_waiting(Database& db, const std::vector<OrderRule>& rules, Timestamp now) {
    std::vector<OrderIntercept> intercepts = active_intercepts(db);
    OrderFactsLoader loader(db, rules, intercepts);
    return try_rules(rules, loader.open_orders(now));
}

}  // namespace dj
