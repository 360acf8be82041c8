#include "core/alerts/alert_rules.h"

#include <algorithm>
#include <tuple>

#include "core/base/clock.h"

namespace dj {
namespace {

std::string n(long long v) {
    return std::to_string(v);
}

// "B1202 2026-11-01 ×5, …", earliest first; the figure separators cannot occur in it.
std::string batch_list(std::vector<const AlertFacts::LotFact*> lots) {
    constexpr std::size_t kShown = 5;
    std::sort(lots.begin(), lots.end(), [](const auto* a, const auto* b) {
        return std::tie(a->expiry_day, a->lot) < std::tie(b->expiry_day, b->lot);
    });
    std::string out;
    for (std::size_t i = 0; i < lots.size() && i < kShown; ++i) {
        std::string lot = lots[i]->lot;
        std::replace_if(
            lot.begin(), lot.end(), [](char c) { return c == ';' || c == '='; }, ' ');
        out += (out.empty() ? "" : ", ") + lot + " " + date_from_days(lots[i]->expiry_day) + " x" +
               n(lots[i]->on_hand);
    }
    if (lots.size() > kShown) out += ", ...";
    return out;
}

}  // namespace

std::vector<AlertCondition> evaluate_alerts(const AlertFacts& f, const AlertThresholds& t,
                                            long today_day) {
    std::vector<AlertCondition> out;
    // One stock-level alert at a time, the gravest: orders waiting that the stock cannot serve
    // (only the units missing beyond what is available: a short order may lack other SKUs),
    // else nothing left that is wanted, else under the reorder point. A SKU nobody buys has no
    // reorder point worth warning about.
    Qty missing = f.short_units - std::max<Qty>(f.available, 0);
    bool demand = missing > 0 || f.recent_shipped > 0;
    if (missing > 0)
        out.push_back({AlertKind::oversold, format_alert_figures({{"orders", n(f.short_orders)},
                                                                  {"units", n(missing)}})});
    else if (f.available <= 0 && demand)
        out.push_back(
            {AlertKind::out_of_stock, format_alert_figures({{"available", n(f.available)},
                                                            {"short_units", n(missing)},
                                                            {"shipped", n(f.recent_shipped)}})});
    else if (f.reorder_point > 0 && f.available <= f.reorder_point)
        out.push_back(
            {AlertKind::low_stock, format_alert_figures({{"available", n(f.available)},
                                                         {"reorder_point", n(f.reorder_point)}})});
    if (t.max_stock > 0 && f.on_hand > t.max_stock)
        out.push_back({AlertKind::overstock,
                       format_alert_figures({{"on_hand", n(f.on_hand)}, {"max", n(t.max_stock)}})});

    Qty expiring = 0, expired = 0;
    long first_expiring = 0, first_expired = 0;
    std::vector<const AlertFacts::LotFact*> expired_lots;
    for (const AlertFacts::LotFact& lot : f.lots) {
        if (lot.on_hand <= 0) continue;
        if (lot.expiry_day < today_day) {
            if (expired == 0 || lot.expiry_day < first_expired) first_expired = lot.expiry_day;
            expired += lot.on_hand;
            expired_lots.push_back(&lot);
        } else if (lot.expiry_day - today_day <= t.expiry_days) {
            if (expiring == 0 || lot.expiry_day < first_expiring) first_expiring = lot.expiry_day;
            expiring += lot.on_hand;
        }
    }
    if (expiring > 0)
        out.push_back({AlertKind::expiring,
                       format_alert_figures({{"units", n(expiring)},
                                             {"first_expiry", date_from_days(first_expiring)},
                                             {"within_days", n(t.expiry_days)}})});
    if (expired > 0)
        out.push_back({AlertKind::expired,
                       format_alert_figures({{"units", n(expired)},
                                             {"first_expiry", date_from_days(first_expired)},
                                             {"batches", batch_list(expired_lots)}})});

    if (f.on_hand > 0 && f.days_without_outbound && *f.days_without_outbound >= t.stagnant_days)
        out.push_back(
            {AlertKind::stagnant, format_alert_figures({{"days", n(*f.days_without_outbound)},
                                                        {"on_hand", n(f.on_hand)}})});

    // The largest loss in the window names the count; percent in integers: loss·100 > X·before.
    const AlertFacts::CountLoss* worst = nullptr;
    for (const AlertFacts::CountLoss& c : f.recent_count_losses) {
        bool large = c.loss > 0 && (c.on_hand_before <= 0 ||
                                    c.loss * 100 > Qty{t.count_loss_percent} * c.on_hand_before);
        if (large && (!worst || c.loss > worst->loss)) worst = &c;
    }
    if (worst)
        out.push_back({AlertKind::count_loss,
                       format_alert_figures({{"loss", n(worst->loss)},
                                             {"on_hand_before", n(worst->on_hand_before)},
                                             {"percent", n(t.count_loss_percent)}})});
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
        else if (it->figures != c.figures)
            changes.refresh.emplace_back(it->id, c.figures);
    }
    for (const ActiveAlert& a : active) {
        bool holds = std::any_of(conditions.begin(), conditions.end(),
                                 [&](const AlertCondition& c) { return c.kind == a.kind; });
        if (!holds) changes.resolve.push_back(a.id);
    }
    return changes;
}

}  // namespace dj
