#include "core/stock/stock_book.h"

#include <algorithm>
#include <stdexcept>

#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/money.h"
#include "core/base/translate.h"

namespace dj {

StockBook::BalanceEntry& StockBook::balance_entry(Id sku_id, Id warehouse_id) {
    Key key{sku_id, warehouse_id};
    auto it = balances_.find(key);
    if (it == balances_.end())
        it = balances_.emplace(key, BalanceEntry{source_.load_balance(sku_id, warehouse_id)}).first;
    return it->second;
}

std::vector<Lot>& StockBook::lot_set(Id sku_id, Id warehouse_id) {
    Key key{sku_id, warehouse_id};
    auto it = lots_.find(key);
    if (it == lots_.end()) it = lots_.emplace(key, source_.load_lots(sku_id, warehouse_id)).first;
    return it->second;
}

StockBook::CostEntry& StockBook::cost_entry(Id sku_id) {
    auto it = costs_.find(sku_id);
    if (it == costs_.end()) it = costs_.emplace(sku_id, CostEntry{source_.load_cost(sku_id)}).first;
    return it->second;
}

void StockBook::load_for_movement(Id sku_id, Id warehouse_id) {
    const Key key{sku_id, warehouse_id};
    const StockSource::Needs needs{.balance = !balances_.contains(key),
                                   .lots = !lots_.contains(key),
                                   .cost = !costs_.contains(sku_id),
                                   .closed = !closed_.has_value(),
                                   .shelf = !shelf_.contains(sku_id),
                                   .receiving = !receiving_.contains(warehouse_id)};
    if (needs.balance + needs.lots + needs.cost + needs.closed + needs.shelf + needs.receiving < 2)
        return;
    source_.expect(sku_id, warehouse_id, needs);
    if (needs.balance) balance_entry(sku_id, warehouse_id);
    if (needs.lots) lot_set(sku_id, warehouse_id);
    if (needs.cost) cost_entry(sku_id);
    if (needs.closed) closed_ = source_.closed_through();
    if (needs.shelf) shelf_dates(sku_id);
    if (needs.receiving) incoming_location(warehouse_id, std::nullopt);
}

bool StockBook::allows_negative(Id warehouse_id) {
    auto it = negative_allowed_.find(warehouse_id);
    if (it == negative_allowed_.end())
        it =
            negative_allowed_.emplace(warehouse_id, source_.warehouse_allows_negative(warehouse_id))
                .first;
    return it->second;
}

Balance StockBook::balance(Id sku_id, Id warehouse_id) {
    return balance_entry(sku_id, warehouse_id).balance;
}

const ShelfDates& StockBook::shelf_dates(Id sku_id) {
    auto it = shelf_.find(sku_id);
    if (it == shelf_.end()) it = shelf_.emplace(sku_id, source_.shelf_dates(sku_id)).first;
    return it->second;
}

std::optional<Id> StockBook::incoming_location(Id warehouse_id, std::optional<Id> given) {
    if (given) return given;
    auto it = receiving_.find(warehouse_id);
    if (it == receiving_.end())
        it = receiving_.emplace(warehouse_id, source_.receiving_location(warehouse_id)).first;
    return it->second;
}

Qty StockBook::unshippable(Id sku_id, Id warehouse_id) {
    const ShelfDates& dates = shelf_dates(sku_id);
    Qty qty = 0;
    for (const Lot& lot : lot_set(sku_id, warehouse_id))
        if (lot.on_hand > 0 && !lot_ships(lot, dates)) qty += lot.on_hand;
    return qty;
}

Qty StockBook::available(Id sku_id, Id warehouse_id) {
    Balance b = balance(sku_id, warehouse_id);
    // Nothing on hand, nothing in lots to hold back: the lots need not be read.
    if (b.on_hand <= 0) return b.available();
    return b.available() - unshippable(sku_id, warehouse_id);
}

CostState StockBook::cost(Id sku_id) {
    return cost_entry(sku_id).cost;
}

const std::vector<Lot>& StockBook::lots(Id sku_id, Id warehouse_id) {
    return lot_set(sku_id, warehouse_id);
}

Lot& StockBook::lot_at(Id sku_id, Id warehouse_id, std::optional<Id> location_id,
                       std::optional<Id> batch_id) {
    std::vector<Lot>& set = lot_set(sku_id, warehouse_id);
    for (Lot& lot : set)
        if (lot.location_id == location_id && lot.batch_id == batch_id) return lot;
    Lot lot;
    lot.sku_id = sku_id;
    lot.warehouse_id = warehouse_id;
    lot.location_id = location_id;
    lot.batch_id = batch_id;
    if (batch_id) lot.expiry = source_.batch_expiry(*batch_id);
    if (location_id) lot.walk_order = source_.location_walk_order(*location_id);
    lot.dirty = true;
    set.push_back(std::move(lot));
    return set.back();
}

Movement& StockBook::append(const MovementContext& ctx, MovementKind kind, Id sku_id,
                            Id warehouse_id, const Lot* lot, Qty qty) {
    // Time is the caller's input (its clock); a movement without one is a programming error.
    if (ctx.at == 0) throw std::logic_error("StockBook: a movement needs ctx.at");
    Timestamp at = ctx.at;
    if (at < kEarliestTime || at > kLatestTime)
        throw InvalidInput(
            trf("SKU {0}: a movement's time must be between 2000-01-01 and "
                "2099-12-31",
                source_.sku_label(sku_id)));
    if (!fits_text(ctx.doc, kMaxCodeLength))
        require_text(ctx.doc, kMaxCodeLength, tr("the document number"));
    if (!fits_text(ctx.reason, kMaxNameLength, true))
        require_text(ctx.reason, kMaxNameLength, tr("the reason"), true);
    if (!closed_) closed_ = source_.closed_through();
    if (at < closed_->end) require_open_period(*closed_, at, source_.sku_label(sku_id));
    Movement& m = pending_.emplace_back();
    m.at = at;
    m.kind = kind;
    m.sku_id = sku_id;
    m.warehouse_id = warehouse_id;
    if (lot) {
        m.location_id = lot->location_id;
        m.batch_id = lot->batch_id;
    }
    m.qty = qty;
    m.doc = ctx.doc;
    m.reason = ctx.reason;
    m.actor = ctx.actor;
    return m;
}

void StockBook::require_positive(Qty qty, Id sku_id) {
    if (qty <= 0 || qty > kMaxQty)
        throw InvalidInput(
            trf("SKU {0}: the quantity must be a whole number from 1 to {1}, got {2}",
                source_.sku_label(sku_id), std::to_string(kMaxQty), std::to_string(qty)));
}

void StockBook::overflow(Id sku_id) {
    throw Overflow(
        trf("SKU {0}: its stock or stock value would exceed what the program can hold; "
            "nothing was changed. Check the quantity and the cost entered.",
            source_.sku_label(sku_id)));
}

Qty StockBook::plus(Qty a, Qty b, Id sku_id) {
    Qty r = 0;
    if (__builtin_add_overflow(a, b, &r)) overflow(sku_id);
    return r;
}

Fen StockBook::cost_in(CostEntry& cost, Qty qty, Fen unit, Id sku_id) {
    try {
        Fen value = cost_receive(cost.cost, qty, unit);
        cost.dirty = true;
        return value;
    } catch (const Overflow&) {
        overflow(sku_id);
    }
}

Fen StockBook::cost_out(CostEntry& cost, Qty qty, bool moves_value, Id sku_id) {
    try {
        if (!moves_value) return cost_issue_value(cost.cost, qty);
        cost.dirty = true;
        return cost_issue(cost.cost, qty);
    } catch (const Overflow&) {
        overflow(sku_id);
    }
}

void StockBook::require_available(Id sku_id, Id warehouse_id, Qty needed, Qty available) {
    if (needed > available && !allows_negative(warehouse_id))
        throw StockRuleViolation(
            trf("Not enough stock of SKU {0} in warehouse {1}: {2} available, {3} needed. Nothing "
                "was changed; receive stock first or lower the quantity.",
                source_.sku_label(sku_id), source_.warehouse_label(warehouse_id),
                std::to_string(available), std::to_string(needed)));
}

void StockBook::issue(const MovementContext& ctx, MovementKind kind, Id sku_id, Id warehouse_id,
                      Qty qty, std::optional<Id> location_id, std::optional<Id> batch_id,
                      std::optional<Id> counterpart, bool moves_value, bool shippable_only) {
    std::vector<Lot>& set = lot_set(sku_id, warehouse_id);
    bool pinned = location_id || batch_id;
    LotPick pick = shippable_only ? pick_fefo_shippable(set, qty, shelf_dates(sku_id))
                   : pinned       ? pick_fefo_at(set, qty, location_id, batch_id)
                                  : pick_fefo(set, qty);
    if (pick.shortfall > 0) {
        if (!allows_negative(warehouse_id)) {
            Qty have = qty - pick.shortfall;
            std::string where = location_id ? source_.location_label(*location_id)
                                            : source_.warehouse_label(warehouse_id);
            if (Qty kept = shippable_only ? unshippable(sku_id, warehouse_id) : 0; kept > 0)
                throw StockRuleViolation(
                    trf("Only {0} of SKU {1} at {2} may ship, {3} needed: {4} more are in "
                        "batches past their expiry (or too close to it to ship). Nothing was "
                        "changed.",
                        std::to_string(have), source_.sku_label(sku_id), where, std::to_string(qty),
                        std::to_string(kept)));
            throw StockRuleViolation(
                trf("Only {0} of SKU {1} at {2} for this batch/location, {3} needed. Nothing was "
                    "changed.",
                    std::to_string(have), source_.sku_label(sku_id), where, std::to_string(qty)));
        }
        // Selling ahead of stock: the missing units go negative on the plain lot.
        Lot& target = lot_at(sku_id, warehouse_id, location_id, batch_id);
        std::size_t index = static_cast<std::size_t>(&target - set.data());
        auto same = std::find_if(pick.takes.begin(), pick.takes.end(),
                                 [&](const LotTake& t) { return t.lot_index == index; });
        if (same != pick.takes.end())
            same->qty += pick.shortfall;
        else
            pick.takes.push_back({index, pick.shortfall});
    }

    CostEntry& cost = cost_entry(sku_id);
    for (const LotTake& take : pick.takes) {
        Lot& lot = set[take.lot_index];
        Fen average = cost.cost.unit_cost();
        Qty lot_after = plus(lot.on_hand, -take.qty, sku_id);
        Fen value = cost_out(cost, take.qty, moves_value, sku_id);
        Movement& m = append(ctx, kind, sku_id, warehouse_id, &lot, -take.qty);
        m.counterpart_warehouse_id = counterpart;
        m.unit_cost = average;
        m.value = -value;
        lot.on_hand = lot_after;
        lot.dirty = true;
    }
    BalanceEntry& b = balance_entry(sku_id, warehouse_id);
    b.balance.on_hand = plus(b.balance.on_hand, -qty, sku_id);
    b.dirty = true;
}

void StockBook::receive(const MovementContext& ctx, const ReceiveArgs& args) {
    load_for_movement(args.sku_id, args.warehouse_id);
    require_positive(args.qty, args.sku_id);
    CostEntry& cost = cost_entry(args.sku_id);
    Fen unit = args.unit_cost.value_or(cost.cost.unit_cost());
    if (unit < 0 || unit > kMaxUnitPrice)
        throw InvalidInput(trf("SKU {0}: the unit cost must be between 0.00 and {1} yuan, got {2}",
                               source_.sku_label(args.sku_id), format_yuan(kMaxUnitPrice),
                               format_yuan(unit)));
    if (args.batch_id && !args.accept_expired) {
        std::string expiry = source_.batch_expiry(*args.batch_id);
        const ShelfDates& dates = shelf_dates(args.sku_id);
        if (!expiry.empty() && expiry < dates.today)
            throw ExpiredBatch(
                trf("SKU {0}: this batch expired on {1} (today is {2}). It was not received. "
                    "Receive it only as expired stock (--accept-expired, or confirm in the "
                    "window): it then counts as on hand and is never available.",
                    source_.sku_label(args.sku_id), expiry, dates.today));
    }
    Lot& lot = lot_at(args.sku_id, args.warehouse_id,
                      incoming_location(args.warehouse_id, args.location_id), args.batch_id);
    BalanceEntry& b = balance_entry(args.sku_id, args.warehouse_id);
    Qty lot_after = plus(lot.on_hand, args.qty, args.sku_id);
    Qty on_hand_after = plus(b.balance.on_hand, args.qty, args.sku_id);
    Fen value = cost_in(cost, args.qty, unit, args.sku_id);
    Movement& m =
        append(ctx, MovementKind::receive, args.sku_id, args.warehouse_id, &lot, args.qty);
    m.unit_cost = unit;
    m.value = value;
    lot.on_hand = lot_after;
    lot.dirty = true;
    b.balance.on_hand = on_hand_after;
    b.dirty = true;
}

void StockBook::ship(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
                     Qty from_reserved) {
    load_for_movement(sku_id, warehouse_id);
    require_positive(qty, sku_id);
    BalanceEntry& b = balance_entry(sku_id, warehouse_id);
    if (from_reserved < 0 || from_reserved > qty || from_reserved > b.balance.reserved)
        throw StockRuleViolation(
            trf("SKU {0} in warehouse {1}: {2} reserved, cannot ship {3} against the reservation",
                source_.sku_label(sku_id), source_.warehouse_label(warehouse_id),
                std::to_string(b.balance.reserved), std::to_string(from_reserved)));
    require_available(sku_id, warehouse_id, qty - from_reserved, available(sku_id, warehouse_id));
    issue(ctx, MovementKind::ship, sku_id, warehouse_id, qty, std::nullopt, std::nullopt,
          std::nullopt, true, true);
    b.balance.reserved -= from_reserved;
}

void StockBook::transfer_out(const MovementContext& ctx, Id sku_id, Id from_warehouse,
                             Id to_warehouse, Qty qty) {
    load_for_movement(sku_id, from_warehouse);
    require_positive(qty, sku_id);
    if (from_warehouse == to_warehouse)
        throw InvalidInput(trf("SKU {0}: a transfer needs two different warehouses, got {1} twice",
                               source_.sku_label(sku_id), source_.warehouse_label(to_warehouse)));
    require_available(sku_id, from_warehouse, qty, available(sku_id, from_warehouse));
    issue(ctx, MovementKind::transfer_out, sku_id, from_warehouse, qty, std::nullopt, std::nullopt,
          to_warehouse, false, true);
    BalanceEntry& to = balance_entry(sku_id, to_warehouse);
    to.balance.in_transit = plus(to.balance.in_transit, qty, sku_id);
    to.dirty = true;
}

void StockBook::transfer_in(const MovementContext& ctx, Id sku_id, Id to_warehouse,
                            Id from_warehouse, Qty qty, std::optional<Id> batch_id, Fen value) {
    load_for_movement(sku_id, to_warehouse);
    require_positive(qty, sku_id);
    BalanceEntry& to = balance_entry(sku_id, to_warehouse);
    if (to.balance.in_transit < qty)
        throw StockRuleViolation(
            trf("SKU {0}: only {1} in transit to warehouse {2}, cannot receive {3}",
                source_.sku_label(sku_id), std::to_string(to.balance.in_transit),
                source_.warehouse_label(to_warehouse), std::to_string(qty)));
    Lot& lot =
        lot_at(sku_id, to_warehouse, incoming_location(to_warehouse, std::nullopt), batch_id);
    Qty lot_after = plus(lot.on_hand, qty, sku_id);
    Qty on_hand_after = plus(to.balance.on_hand, qty, sku_id);
    Movement& m = append(ctx, MovementKind::transfer_in, sku_id, to_warehouse, &lot, qty);
    m.counterpart_warehouse_id = from_warehouse;
    m.value = value;
    m.unit_cost = cost_entry(sku_id).cost.unit_cost();
    lot.on_hand = lot_after;
    lot.dirty = true;
    to.balance.in_transit -= qty;
    to.balance.on_hand = on_hand_after;
    to.dirty = true;
}

Qty StockBook::count(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty counted,
                     std::optional<Id> location_id) {
    load_for_movement(sku_id, warehouse_id);
    if (counted < 0 || counted > kMaxQty)
        throw InvalidInput(
            trf("SKU {0}: a counted quantity must be a whole number from 0 to {1}, "
                "got {2}",
                source_.sku_label(sku_id), std::to_string(kMaxQty), std::to_string(counted)));
    BalanceEntry& b = balance_entry(sku_id, warehouse_id);
    Qty current = b.balance.on_hand;
    if (location_id) {
        current = 0;
        for (const Lot& lot : lot_set(sku_id, warehouse_id))
            if (lot.location_id == location_id) current = plus(current, lot.on_hand, sku_id);
    }
    Qty delta = plus(counted, -current, sku_id);
    if (delta == 0) return 0;
    if (delta > 0) {
        CostEntry& cost = cost_entry(sku_id);
        Fen unit = cost.cost.unit_cost();
        Lot& lot = lot_at(sku_id, warehouse_id, incoming_location(warehouse_id, location_id),
                          std::nullopt);
        Qty lot_after = plus(lot.on_hand, delta, sku_id);
        Qty on_hand_after = plus(b.balance.on_hand, delta, sku_id);
        Fen value = cost_in(cost, delta, unit, sku_id);
        Movement& m = append(ctx, MovementKind::count_adjust, sku_id, warehouse_id, &lot, delta);
        m.unit_cost = unit;
        m.value = value;
        lot.on_hand = lot_after;
        lot.dirty = true;
        b.balance.on_hand = on_hand_after;
        b.dirty = true;
        return delta;
    }
    Qty loss = -delta;
    if (b.balance.on_hand - loss < b.balance.reserved && !allows_negative(warehouse_id))
        throw StockRuleViolation(
            trf("Counting SKU {0} in warehouse {1} at {2} would leave less than the {3} units "
                "reserved for open orders. Release or reallocate those orders first.",
                source_.sku_label(sku_id), source_.warehouse_label(warehouse_id),
                std::to_string(counted), std::to_string(b.balance.reserved)));
    issue(ctx, MovementKind::count_adjust, sku_id, warehouse_id, loss, location_id, std::nullopt,
          std::nullopt, true);
    return delta;
}

void StockBook::customer_return(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
                                std::optional<Id> location_id, std::optional<Id> batch_id) {
    load_for_movement(sku_id, warehouse_id);
    require_positive(qty, sku_id);
    CostEntry& cost = cost_entry(sku_id);
    Fen unit = cost.cost.unit_cost();
    Lot& lot = lot_at(sku_id, warehouse_id, incoming_location(warehouse_id, location_id), batch_id);
    BalanceEntry& b = balance_entry(sku_id, warehouse_id);
    Qty lot_after = plus(lot.on_hand, qty, sku_id);
    Qty on_hand_after = plus(b.balance.on_hand, qty, sku_id);
    Fen value = cost_in(cost, qty, unit, sku_id);
    Movement& m = append(ctx, MovementKind::customer_return, sku_id, warehouse_id, &lot, qty);
    m.unit_cost = unit;
    m.value = value;
    lot.on_hand = lot_after;
    lot.dirty = true;
    b.balance.on_hand = on_hand_after;
    b.dirty = true;
}

void StockBook::scrap(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
                      std::optional<Id> location_id, std::optional<Id> batch_id) {
    load_for_movement(sku_id, warehouse_id);
    require_positive(qty, sku_id);
    if (ctx.reason.empty())
        throw InvalidInput(trf("SKU {0}: scrapping stock needs a reason (e.g. damaged, expired)",
                               source_.sku_label(sku_id)));
    BalanceEntry& b = balance_entry(sku_id, warehouse_id);
    require_available(sku_id, warehouse_id, qty, b.balance.available());
    issue(ctx, MovementKind::scrap, sku_id, warehouse_id, qty, location_id, batch_id, std::nullopt,
          true);
}

void StockBook::relocate(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
                         std::optional<Id> from_location, Id to_location,
                         std::optional<Id> batch_id) {
    load_for_movement(sku_id, warehouse_id);
    require_positive(qty, sku_id);
    if (from_location == to_location)
        throw InvalidInput(
            trf("SKU {0}: moving stock needs two different locations, got {1} "
                "twice",
                source_.sku_label(sku_id), source_.location_label(to_location)));
    std::vector<Lot>& set = lot_set(sku_id, warehouse_id);
    LotPick pick = pick_fefo_exact(set, qty, from_location, batch_id);
    if (pick.shortfall > 0)
        throw StockRuleViolation(
            trf("Only {0} of SKU {1} at {2}, {3} to move. Nothing was changed.",
                std::to_string(qty - pick.shortfall), source_.sku_label(sku_id),
                from_location ? source_.location_label(*from_location) : tr("(no location)"),
                std::to_string(qty)));
    CostEntry& cost = cost_entry(sku_id);
    Fen average = cost.cost.unit_cost();
    struct Moved {
        std::optional<Id> batch;
        Qty qty = 0;
        Fen value = 0;
    };
    // Collected first: lot_at may add a lot to the set and move it.
    std::vector<Moved> moved;
    for (const LotTake& take : pick.takes) {
        Lot& lot = set[take.lot_index];
        Fen value = cost_out(cost, take.qty, false, sku_id);
        Movement& out = append(ctx, MovementKind::relocate, sku_id, warehouse_id, &lot, -take.qty);
        out.unit_cost = average;
        out.value = -value;
        lot.on_hand -= take.qty;
        lot.dirty = true;
        moved.push_back({lot.batch_id, take.qty, value});
    }
    // Each take's value comes back with it: the pair sums to nothing.
    for (const Moved& m : moved) {
        Lot& target = lot_at(sku_id, warehouse_id, to_location, m.batch);
        Movement& in = append(ctx, MovementKind::relocate, sku_id, warehouse_id, &target, m.qty);
        in.unit_cost = average;
        in.value = m.value;
        target.on_hand = plus(target.on_hand, m.qty, sku_id);
        target.dirty = true;
    }
}

void StockBook::reserve(Id sku_id, Id warehouse_id, Qty qty) {
    require_positive(qty, sku_id);
    require_available(sku_id, warehouse_id, qty, available(sku_id, warehouse_id));
    BalanceEntry& b = balance_entry(sku_id, warehouse_id);
    b.balance.reserved = plus(b.balance.reserved, qty, sku_id);
    b.dirty = true;
}

void StockBook::release(Id sku_id, Id warehouse_id, Qty qty) {
    require_positive(qty, sku_id);
    BalanceEntry& b = balance_entry(sku_id, warehouse_id);
    if (qty > b.balance.reserved)
        throw StockRuleViolation(
            trf("SKU {0} in warehouse {1}: cannot release {2}, only {3} reserved",
                source_.sku_label(sku_id), source_.warehouse_label(warehouse_id),
                std::to_string(qty), std::to_string(b.balance.reserved)));
    b.balance.reserved -= qty;
    b.dirty = true;
}

}  // namespace dj
