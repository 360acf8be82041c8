#include "core/stock/lot_allocation.h"

#include <algorithm>
#include <cstdint>

namespace dj {
namespace {

template <class Filter>
LotPick pick_fefo_if(const std::vector<Lot>& lots, Qty qty, Filter filter) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < lots.size(); ++i)
        if (lots[i].on_hand > 0 && filter(lots[i])) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Lot& x = lots[a];
        const Lot& y = lots[b];
        bool x_dated = !x.expiry.empty();
        bool y_dated = !y.expiry.empty();
        if (x_dated != y_dated) return x_dated;
        if (x.expiry != y.expiry) return x.expiry < y.expiry;
        if (x.walk_order != y.walk_order) return x.walk_order < y.walk_order;
        // Lots not stored yet (id 0) are the newest.
        Id xa = x.id == 0 ? INT64_MAX : x.id;
        Id ya = y.id == 0 ? INT64_MAX : y.id;
        if (xa != ya) return xa < ya;
        return a < b;
    });
    LotPick pick;
    Qty left = qty;
    for (std::size_t i : order) {
        if (left == 0) break;
        Qty take = std::min(left, lots[i].on_hand);
        pick.takes.push_back({i, take});
        left -= take;
    }
    pick.shortfall = left;
    return pick;
}

}  // namespace

bool lot_ships(const Lot& lot, const ShelfDates& dates) {
    return lot.expiry.empty() || lot.expiry >= dates.ship_from;
}

LotPick pick_fefo_shippable(const std::vector<Lot>& lots, Qty qty, const ShelfDates& dates) {
    return pick_fefo_if(lots, qty, [&](const Lot& l) { return lot_ships(l, dates); });
}

LotPick pick_fefo_exact(const std::vector<Lot>& lots, Qty qty, std::optional<Id> location_id,
                        std::optional<Id> batch_id) {
    return pick_fefo_if(lots, qty, [&](const Lot& l) {
        return l.location_id == location_id && (!batch_id || l.batch_id == batch_id);
    });
}

LotPick pick_fefo(const std::vector<Lot>& lots, Qty qty) {
    return pick_fefo_if(lots, qty, [](const Lot&) { return true; });
}

LotPick pick_fefo_at(const std::vector<Lot>& lots, Qty qty, std::optional<Id> location_id,
                     std::optional<Id> batch_id) {
    return pick_fefo_if(lots, qty, [&](const Lot& l) {
        return (!location_id || l.location_id == location_id) &&
               (!batch_id || l.batch_id == batch_id);
    });
}

}  // namespace dj
