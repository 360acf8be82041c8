#include "core/orders/order_allocation_decision.h"

#include <map>

#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/translate.h"

namespace dj {

AllocationStep allocation_step(Allocation current, OrderStatus status, bool lines_mapped,
                               bool has_warehouse) {
    if (current == Allocation::shipped) return AllocationStep::keep_shipped;
    if (!order_status_holds_stock(status)) return AllocationStep::release;
    if (current == Allocation::allocated) return AllocationStep::keep_allocated;
    if (!lines_mapped) return AllocationStep::unmapped;
    if (!has_warehouse) return AllocationStep::no_warehouse;
    return AllocationStep::check_stock;
}

ReservationCheck reservation_check(const std::vector<AllocationNeed>& needs,
                                   const std::function<Qty(Id sku_id)>& available) {
    std::map<Id, Qty> need;
    ReservationCheck check;
    for (const AllocationNeed& n : needs) {
        need[n.sku_id] += n.qty;
        check.presale = check.presale || n.presale;
    }
    check.whole = true;
    for (const auto& [sku_id, qty] : need)
        check.whole = check.whole && available(sku_id) >= qty;
    return check;
}

std::string_view split_policy_code(SplitPolicy p) {
    return p == SplitPolicy::split ? "split" : "hold";
}

SplitPolicy parse_split_policy(std::string_view code) {
    if (code == "split") return SplitPolicy::split;
    if (code == "hold") return SplitPolicy::hold;
    throw InvalidInput(trf("Split policy \"{0}\" is not one of split, hold", std::string(code)));
}

SplitDecision decide_split(const std::vector<SplitPart>& plan, bool whole, SplitPolicy policy,
                           bool waived, const std::string& order_no,
                           const std::function<std::string(Id)>& warehouse_code) {
    bool presale_apart = !plan.empty() && plan.back().presale;
    if (plan.size() < 2 || (whole && !presale_apart)) return {};
    if (policy == SplitPolicy::split && !waived) return {SplitAction::split, {}};
    std::vector<std::string> codes;
    for (const SplitPart& p : plan)
        if (!p.presale) codes.push_back(warehouse_code(p.warehouse_id));
    std::string reason =
        codes.size() > 1
            ? trf("Needs {0} warehouses ({1}): split it with `order split {2}` or move stock",
                  std::to_string(codes.size()), joined(codes), order_no)
            : trf("Has presale lines: split them off with `order split {0}`, or the whole order "
                  "waits for their goods",
                  order_no);
    return {SplitAction::hold, reason};
}

std::string split_policy_name(SplitPolicy p) {
    return p == SplitPolicy::split ? tr("Split over warehouses") : tr("Hold for a person");
}

}  // namespace dj
