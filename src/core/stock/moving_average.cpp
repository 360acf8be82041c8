#include "core/stock/moving_average.h"

#include "core/base/money.h"

namespace dj {

Fen CostState::unit_cost() const {
    if (qty > 0) return mul_div_rounded(value, 1, qty);
    return last_unit_cost;
}

Fen cost_receive(CostState& s, Qty q, Fen c) {
    Fen added = q * c;
    s.qty += q;
    s.value += added;
    s.last_unit_cost = s.qty > 0 ? s.unit_cost() : c;
    return added;
}

Fen cost_issue_value(const CostState& s, Qty q) {
    if (s.qty <= 0) return q * s.last_unit_cost;
    if (q >= s.qty) return s.value + (q - s.qty) * s.unit_cost();
    return mul_div_rounded(s.value, q, s.qty);
}

Fen cost_issue(CostState& s, Qty q) {
    Fen average = s.unit_cost();
    Fen taken = cost_issue_value(s, q);
    s.qty -= q;
    s.value -= taken;
    s.last_unit_cost = s.qty > 0 ? s.unit_cost() : average;
    return taken;
}

}  // namespace dj
