#include "core/fulfilment/wave_plan.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {

// The order in which orders are picked: smaller goes first.
auto urgency(const WaveCandidate& c) {
    return std::make_tuple(-c.priority, !c.promised_ship_at.has_value(),
                           c.promised_ship_at.value_or(0), c.paid_at, c.order_id);
}

}  // namespace

bool wave_eligible(const WaveCandidate& c) {
    return c.allocation == Allocation::allocated && c.status == OrderStatus::to_ship && !c.held &&
           !c.in_open_wave;
}

std::vector<PlannedWave> plan_waves(std::vector<WaveCandidate> candidates, const WaveRules& rules) {
    if (rules.max_orders <= 0)
        throw InvalidInput(
            trf("Wave size --max must be at least 1, got {0}", std::to_string(rules.max_orders)));
    std::erase_if(candidates, [&](const WaveCandidate& c) {
        return !wave_eligible(c) || (rules.warehouse_id && c.warehouse_id != *rules.warehouse_id) ||
               (rules.carrier && c.carrier != *rules.carrier);
    });
    std::sort(
        candidates.begin(), candidates.end(),
        [](const WaveCandidate& a, const WaveCandidate& b) { return urgency(a) < urgency(b); });

    using Key = std::tuple<Id, std::string, bool>;
    std::map<Key, std::vector<const WaveCandidate*>> groups;
    std::vector<Key> first_seen;  // groups by their most urgent order
    for (const WaveCandidate& c : candidates) {
        Key key{c.warehouse_id, c.carrier, c.sku_count == 1};
        auto [it, added] = groups.try_emplace(key);
        if (added) first_seen.push_back(key);
        it->second.push_back(&c);
    }

    std::vector<PlannedWave> waves;
    for (const Key& key : first_seen) {
        const auto& orders = groups[key];
        for (std::size_t i = 0; i < orders.size();
             i += static_cast<std::size_t>(rules.max_orders)) {
            PlannedWave w{std::get<0>(key), std::get<1>(key), std::get<2>(key), {}};
            std::size_t end =
                std::min(orders.size(), i + static_cast<std::size_t>(rules.max_orders));
            for (std::size_t j = i; j < end; ++j)
                w.order_ids.push_back(orders[j]->order_id);
            waves.push_back(std::move(w));
        }
    }
    return waves;
}

}  // namespace dj
