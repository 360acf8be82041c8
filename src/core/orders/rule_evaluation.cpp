#include "core/orders/rule_evaluation.h"

#include <algorithm>

#include "core/base/deferred_text.h"
#include "core/base/joined.h"
#include "core/base/money.h"
#include "core/base/platform.h"
#include "core/base/translate.h"
#include "core/orders/region.h"

namespace dj {
namespace {

bool listed(const std::vector<std::string>& values, std::string_view v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

// in / not_in over one observed value.
std::optional<std::string> membership(const RuleCondition& c, const char* what,
                                      const std::string& seen, bool found) {
    bool want = c.op == RuleOp::in;
    if (found != want) return std::nullopt;
    return want ? deferred("{0} is {1}", {deferred(what), seen})
                : deferred("{0} {1} is not {2}", {deferred(what), seen, joined(c.values)});
}

bool compare(const RuleCondition& c, long long seen) {
    bool ok = c.op == RuleOp::at_least  ? seen >= c.number
              : c.op == RuleOp::at_most ? seen <= c.number
                                        : seen < c.number;
    return ok;
}

std::optional<std::string> keywords(const RuleCondition& c, const char* what,
                                    const std::string& text) {
    std::optional<std::string> hit;
    for (const std::string& k : c.values)
        if (!k.empty() && text.find(k) != std::string::npos) {
            hit = k;
            break;
        }
    if (c.op == RuleOp::contains)
        return hit ? std::optional(deferred("{0} mentions {1}", {deferred(what), *hit}))
                   : std::nullopt;
    return hit ? std::nullopt
               : std::optional(
                     deferred("{0} mentions none of {1}", {deferred(what), joined(c.values)}));
}

std::optional<std::string> flag(const RuleCondition& c, bool seen, const char* what) {
    if (seen != (c.op == RuleOp::is_true)) return std::nullopt;
    return seen ? deferred(what) : deferred("not: {0}", {deferred(what)});
}

}  // namespace

std::optional<std::string> condition_matches(const RuleCondition& c, const OrderFacts& f) {
    switch (c.field) {
        case RuleField::platform: {
            std::optional<Platform> p = platform_from_code(f.platform);
            return membership(c, tr_noop("platform"), p ? deferred(platform_msgid(*p)) : f.platform,
                              listed(c.values, f.platform));
        }
        case RuleField::store:
            return membership(c, tr_noop("store"), f.store, listed(c.values, f.store));
        case RuleField::status: {
            std::string code(order_status_code(f.status));
            return membership(c, tr_noop("status"), deferred(order_status_msgid(f.status)),
                              listed(c.values, code));
        }
        case RuleField::province: {
            bool found = std::any_of(c.values.begin(), c.values.end(),
                                     [&](const auto& v) { return same_region(v, f.province); });
            return membership(c, tr_noop("province"), f.province, found);
        }
        case RuleField::city: {
            bool found = std::any_of(c.values.begin(), c.values.end(),
                                     [&](const auto& v) { return same_region(v, f.city); });
            return membership(c, tr_noop("city"), f.city, found);
        }
        case RuleField::paid_amount:
            if (!compare(c, f.paid_amount)) return std::nullopt;
            return deferred("paid {0}", {format_yuan(f.paid_amount)});
        case RuleField::item_count: {
            Qty units = 0;
            for (const RuleLine& l : f.lines)
                units += l.quantity;
            if (!compare(c, units)) return std::nullopt;
            return deferred("{0} items", {std::to_string(units)});
        }
        case RuleField::sku: {
            std::string hit;
            for (const RuleLine& l : f.lines)
                for (const std::string& s : l.skus)
                    if (hit.empty() && listed(c.values, s)) hit = s;
            return membership(c, tr_noop("SKU"), hit.empty() ? joined(c.values) : hit,
                              !hit.empty());
        }
        case RuleField::seller_flag: {
            std::string seen = std::to_string(f.seller_flag);
            return membership(c, tr_noop("seller flag"), seen, listed(c.values, seen));
        }
        case RuleField::seller_memo:
            return keywords(c, tr_noop("seller memo"), f.seller_memo);
        case RuleField::buyer_note:
            return keywords(c, tr_noop("buyer note"), f.buyer_note);
        case RuleField::presale:
            return flag(c, f.presale, tr_noop("presale"));
        case RuleField::promised_within: {
            if (!f.promised_ship_at) return std::nullopt;
            long long hours = (*f.promised_ship_at - f.now) / 3600;
            if (!compare(c, std::max(hours, 0LL))) return std::nullopt;
            return deferred("promised to ship within {0} h", {std::to_string(hours)});
        }
        case RuleField::buyer_orders: {
            Timestamp since = f.created_at - static_cast<Timestamp>(c.hours) * 3600;
            long long n =
                std::count_if(f.buyer_order_times.begin(), f.buyer_order_times.end(),
                              [&](Timestamp t) { return t > since && t <= f.created_at; });
            if (!compare(c, n)) return std::nullopt;
            return deferred("the buyer placed {0} orders in {1} h",
                            {std::to_string(n), std::to_string(c.hours)});
        }
        case RuleField::price_percent: {
            std::optional<long long> lowest;
            const RuleLine* worst = nullptr;
            for (const RuleLine& l : f.lines) {
                if (!l.reference_price || *l.reference_price <= 0) continue;
                long long pct = l.unit_price * 100 / *l.reference_price;
                if (!lowest || pct < *lowest) {
                    lowest = pct;
                    worst = &l;
                }
            }
            if (!lowest || !compare(c, *lowest)) return std::nullopt;
            return deferred("{0} sells at {1}, {2} percent of its reference price {3}",
                            {worst->skus.empty() ? std::string() : joined(worst->skus),
                             format_yuan(worst->unit_price), std::to_string(*lowest),
                             format_yuan(*worst->reference_price)});
        }
        case RuleField::stock_short:
            return flag(c, f.stock_short, tr_noop("some item is short of stock"));
        case RuleField::region_paused:
            return flag(c, f.region_paused, tr_noop("the address is in a paused region"));
    }
    return std::nullopt;
}

ReviewOutcome evaluate_rules(const std::vector<OrderRule>& rules, const OrderFacts& facts) {
    ReviewOutcome out;
    std::string warehouse_by, carrier_by;
    int priority_by_value = -1;
    for (const OrderRule& rule : rules) {
        if (!rule.enabled) continue;
        std::string why;
        bool matched = true;
        for (const RuleCondition& c : rule.conditions) {
            std::optional<std::string> seen = condition_matches(c, facts);
            if (!seen) {
                matched = false;
                break;
            }
            if (!why.empty()) why += deferred("; ");
            why += *seen;
        }
        if (!matched) continue;
        out.matched_rules.push_back(rule.name);
        for (const RuleAction& a : rule.actions) {
            RuleDecision d{rule.name, a, why, true, ""};
            switch (a.kind) {
                case RuleActionKind::tag:
                    if (!listed(out.tags, a.value)) out.tags.push_back(a.value);
                    break;
                case RuleActionKind::priority:
                    if (a.priority > priority_by_value) {
                        priority_by_value = a.priority;
                        out.priority = a.priority;
                    } else {
                        d.applied = false;
                        d.note = deferred("a higher priority ({0}) was already set",
                                          {std::to_string(priority_by_value)});
                    }
                    break;
                case RuleActionKind::warehouse:
                    if (out.warehouse) {
                        d.applied = false;
                        d.note = deferred("rule {0} already chose warehouse {1}",
                                          {warehouse_by, *out.warehouse});
                    } else {
                        out.warehouse = a.value;
                        warehouse_by = rule.name;
                    }
                    break;
                case RuleActionKind::carrier:
                    if (out.carrier) {
                        d.applied = false;
                        d.note = deferred("rule {0} already chose carrier {1}",
                                          {carrier_by, *out.carrier});
                    } else {
                        out.carrier = a.value;
                        carrier_by = rule.name;
                    }
                    break;
                case RuleActionKind::merge:
                    out.merge = true;
                    break;
                case RuleActionKind::hold:
                case RuleActionKind::intercept:
                case RuleActionKind::gift:
                    break;
            }
            out.decisions.push_back(std::move(d));
        }
        if (rule.stop) break;
    }
    return out;
}

}  // namespace dj
