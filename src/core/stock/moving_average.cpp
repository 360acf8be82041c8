#include "core/stock/moving_average.h"

#include "core/base/limits.h"
#include "core/base/money.h"

namespace dj {

Fen CostState::unit_cost() const {
    if (qty > 0) return mul_div_rounded(value, 1, qty);
    return last_unit_cost;
}

Fen cost_receive(CostState& s, Qty q, Fen c) {
    Fen added = mul_checked(q, c, "cost");
    Qty qty = add_checked(s.qty, q, "cost");
    Fen value = add_checked(s.value, added, "cost");
    s.qty = qty;
    s.value = value;
    s.last_unit_cost = s.qty > 0 ? s.unit_cost() : c;
    return added;
}

Fen cost_issue_value(const CostState& s, Qty q) {
    if (s.qty <= 0) return mul_checked(q, s.last_unit_cost, "cost");
    if (q >= s.qty)
        return add_checked(s.value, mul_checked(q - s.qty, s.unit_cost(), "cost"), "cost");
    return mul_div_rounded(s.value, q, s.qty);
}

Fen cost_issue(CostState& s, Qty q) {
    Fen average = s.unit_cost();
    Fen taken = cost_issue_value(s, q);
    Qty qty = add_checked(s.qty, -q, "cost");
    Fen value = add_checked(s.value, -taken, "cost");
    s.qty = qty;
    s.value = value;
    s.last_unit_cost = s.qty > 0 ? s.unit_cost() : average;
    return taken;
}

}  // namespace dj
