#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"
#include "core/orders/order.h"
#include "core/orders/split_plan.h"

namespace dj {

// The decisions that put an order's stock in place, over facts the store loads; the store
// applies what they say (reserve, release, record the state, split, hold).

// What to do with an order's reservation given what it is now.
enum class AllocationStep {
    keep_shipped,    // it left already
    release,         // its status holds no stock (unpaid, cancelled, refunded)
    keep_allocated,  // reserved already
    unmapped,        // some line has no local SKU
    no_warehouse,    // no warehouse chosen (no rule, the store names none): short
    check_stock,     // see reservation_check
};
AllocationStep allocation_step(Allocation current, OrderStatus status, bool lines_mapped,
                               bool has_warehouse);

// One local SKU the order needs in its warehouse.
struct AllocationNeed {
    Id sku_id = 0;
    Qty qty = 0;
    bool presale = false;  // its line ships later
};

struct ReservationCheck {
    bool whole = false;    // the warehouse has every unit available now
    bool presale = false;  // part of it ships later
    // Reserve now: whole and nothing to ship later. Otherwise the store's split policy is
    // asked; failing that, a whole order is reserved anyway and a partial one is short.
    bool reserve_now() const { return whole && !presale; }
};
// `available`: units the warehouse has available of a SKU now.
ReservationCheck reservation_check(const std::vector<AllocationNeed>& needs,
                                   const std::function<Qty(Id sku_id)>& available);

// What a store does with an order no single warehouse can serve (shop_store.split_policy):
// hold it for a person to decide, or split it by availability straight away.
enum class SplitPolicy { hold, split };
std::string_view split_policy_code(SplitPolicy p);
SplitPolicy parse_split_policy(std::string_view code);  // throws InvalidInput
std::string split_policy_name(SplitPolicy p);           // in the interface language

enum class SplitAction {
    none,   // nothing to do: one warehouse serves it whole now, or no split would help
    split,  // split it by `plan`
    hold,   // hold it with `hold_reason` for a person
};
struct SplitDecision {
    SplitAction action = SplitAction::none;
    std::string hold_reason;
};
// For an order that is not already split. `plan`: plan_split over the warehouses' stock;
// `waived`: a person put its parts back together (it is not split by itself again);
// `warehouse_code`: a warehouse's code for the hold reason.
SplitDecision decide_split(const std::vector<SplitPart>& plan, bool whole, SplitPolicy policy,
                           bool waived, const std::string& order_no,
                           const std::function<std::string(Id)>& warehouse_code);

}  // namespace dj
