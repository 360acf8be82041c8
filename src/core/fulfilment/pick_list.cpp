#include "core/fulfilment/pick_list.h"

#include <algorithm>
#include <tuple>

namespace dj {
namespace {

void add_to_slot(PickStop& stop, int slot, Qty qty) {
    stop.qty += qty;
    if (!stop.slots.empty() && stop.slots.back().slot == slot)
        stop.slots.back().qty += qty;
    else
        stop.slots.push_back({slot, qty});
}

}  // namespace

std::vector<PickStop> build_pick_list(const std::vector<PickDemand>& demands,
                                      const std::map<Id, std::vector<Lot>>& lots_by_sku) {
    std::map<Id, std::vector<PickDemand>> by_sku;
    for (const PickDemand& d : demands)
        if (d.qty > 0) by_sku[d.sku_id].push_back(d);

    std::vector<PickStop> stops;
    for (auto& [sku_id, wanted] : by_sku) {
        std::stable_sort(wanted.begin(), wanted.end(),
                         [](const PickDemand& a, const PickDemand& b) { return a.slot < b.slot; });
        // A working copy: units given to one slot are gone for the next.
        auto found = lots_by_sku.find(sku_id);
        std::vector<Lot> lots = found == lots_by_sku.end() ? std::vector<Lot>{} : found->second;
        std::map<std::size_t, std::size_t> stop_of_lot;
        std::optional<std::size_t> unlocated;
        for (const PickDemand& d : wanted) {
            LotPick pick = pick_fefo(lots, d.qty);
            for (const LotTake& take : pick.takes) {
                Lot& lot = lots[take.lot_index];
                lot.on_hand -= take.qty;
                auto [it, added] = stop_of_lot.try_emplace(take.lot_index, stops.size());
                if (added)
                    stops.push_back({sku_id,
                                     lot.location_id,
                                     lot.batch_id,
                                     lot.expiry,
                                     lot.walk_order,
                                     0,
                                     {},
                                     {},
                                     {},
                                     {},
                                     {},
                                     {},
                                     {}});
                add_to_slot(stops[it->second], d.slot, take.qty);
            }
            if (pick.shortfall > 0) {
                if (!unlocated) {
                    unlocated = stops.size();
                    stops.push_back({});
                    stops.back().sku_id = sku_id;
                }
                add_to_slot(stops[*unlocated], d.slot, pick.shortfall);
            }
        }
    }
    std::stable_sort(stops.begin(), stops.end(), [](const PickStop& a, const PickStop& b) {
        auto key = [](const PickStop& s) {
            return std::make_tuple(!s.location_id.has_value(), s.walk_order,
                                   s.location_id.value_or(0), s.sku_id, s.expiry.empty(), s.expiry);
        };
        return key(a) < key(b);
    });
    return stops;
}

}  // namespace dj
