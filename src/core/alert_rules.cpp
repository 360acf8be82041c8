#include "core/alert_rules.h"

#include <algorithm>

#include "core/clock.h"
#include "core/translate.h"

namespace dj {
namespace {

std::string n(long long v) {
    return std::to_string(v);
}

}  // namespace

std::vector<AlertCondition> evaluate_alerts(const AlertFacts& f, const AlertThresholds& t,
                                            long today_day) {
    std::vector<AlertCondition> out;
    bool demand = f.short_units > 0 || f.recent_shipped > 0;
    // A SKU nobody buys has no reorder point worth warning about.
    if (f.reorder_point > 0 && f.available <= f.reorder_point)
        out.push_back({AlertKind::low_stock, trf("available {0} at or below reorder point {1}",
                                                 n(f.available), n(f.reorder_point))});
    if (f.available <= 0 && demand)
        out.push_back({AlertKind::out_of_stock,
                       trf("available {0}; {1} units waiting, {2} shipped in 28 days",
                           n(f.available), n(f.short_units), n(f.recent_shipped))});
    if (t.max_stock > 0 && f.on_hand > t.max_stock)
        out.push_back({AlertKind::overstock,
                       trf("on hand {0} above maximum {1}", n(f.on_hand), n(t.max_stock))});

    Qty expiring = 0, expired = 0;
    long first_expiring = 0, first_expired = 0;
    for (const AlertFacts::LotFact& lot : f.lots) {
        if (lot.on_hand <= 0) continue;
        if (lot.expiry_day < today_day) {
            if (expired == 0 || lot.expiry_day < first_expired) first_expired = lot.expiry_day;
            expired += lot.on_hand;
        } else if (lot.expiry_day - today_day <= t.expiry_days) {
            if (expiring == 0 || lot.expiry_day < first_expiring) first_expiring = lot.expiry_day;
            expiring += lot.on_hand;
        }
    }
    if (expiring > 0)
        out.push_back(
            {AlertKind::expiring, trf("{0} units expire by {1} (within {2} days)", n(expiring),
                                      date_from_days(first_expiring), n(t.expiry_days))});
    if (expired > 0)
        out.push_back({AlertKind::expired, trf("{0} units past expiry (earliest {1}) in stock",
                                               n(expired), date_from_days(first_expired))});

    if (f.on_hand > 0 && f.days_without_outbound && *f.days_without_outbound >= t.stagnant_days)
        out.push_back({AlertKind::stagnant, trf("nothing shipped for {0} days, {1} on hand",
                                                n(*f.days_without_outbound), n(f.on_hand))});

    // The largest loss in the window names the count; percent in integers: loss·100 > X·before.
    const AlertFacts::CountLoss* worst = nullptr;
    for (const AlertFacts::CountLoss& c : f.recent_count_losses) {
        bool large = c.loss > 0 && (c.on_hand_before <= 0 ||
                                    c.loss * 100 > Qty{t.count_loss_percent} * c.on_hand_before);
        if (large && (!worst || c.loss > worst->loss)) worst = &c;
    }
    if (worst)
        out.push_back({AlertKind::count_loss,
                       trf("a count took {0} of {1} on hand (over {2} %)", n(worst->loss),
                           n(worst->on_hand_before), n(t.count_loss_percent))});

    if (f.short_units > 0)
        out.push_back({AlertKind::oversold,
                       trf("{0} orders short of {1} units", n(f.short_orders), n(f.short_units))});
    return out;
}

AlertChanges reconcile_alerts(const std::vector<ActiveAlert>& active,
                              const std::vector<AlertCondition>& conditions) {
    AlertChanges changes;
    for (const AlertCondition& c : conditions) {
        auto it = std::find_if(active.begin(), active.end(),
                               [&](const ActiveAlert& a) { return a.kind == c.kind; });
        if (it == active.end())
            changes.open.push_back(c);
        else if (it->detail != c.detail)
            changes.refresh.emplace_back(it->id, c.detail);
    }
    for (const ActiveAlert& a : active) {
        bool holds = std::any_of(conditions.begin(), conditions.end(),
                                 [&](const AlertCondition& c) { return c.kind == a.kind; });
        if (!holds) changes.resolve.push_back(a.id);
    }
    return changes;
}

}  // namespace dj
