#include "core/purchasing/restock.h"

#include <cmath>

namespace dj {
namespace {

// ceil(a / b) for a ≥ 0, b > 0, in integers so d · LT = Σx · LT / n is never off by one through
// floating point.
Qty ceil_div(Qty a, Qty b) {
    return a <= 0 ? 0 : (a + b - 1) / b;
}

// A product like 1.645 · 2.0 may land a hair above a whole number; those hairs are not units.
Qty ceil_tolerant(double x) {
    return x <= 0 ? 0 : static_cast<Qty>(std::ceil(x - 1e-9));
}

// n·Σx² − (Σx)²: n² times the population variance, exact.
Qty scaled_variance(const DemandStats& s) {
    Qty v = s.days * s.total_sq - s.total * s.total;
    return v < 0 ? 0 : v;
}

}  // namespace

double DemandStats::mean() const {
    return days > 0 ? static_cast<double>(total) / days : 0.0;
}

double DemandStats::sigma() const {
    return days > 0 ? std::sqrt(static_cast<double>(scaled_variance(*this))) / days : 0.0;
}

DemandStats demand_stats(const std::vector<Qty>& daily) {
    DemandStats s;
    s.days = static_cast<int>(daily.size());
    for (Qty x : daily) {
        s.total += x;
        s.total_sq += x * x;
    }
    return s;
}

ReorderPoint reorder_point(const ReorderInputs& in) {
    ReorderPoint r;
    const DemandStats& d = in.demand;
    if (in.manual_safety_stock) {
        r.safety_stock = *in.manual_safety_stock;
    } else if (d.days > 0) {
        // z · σ · √LT = z · √(n²·var · LT) / n
        double root = std::sqrt(static_cast<double>(scaled_variance(d)) * in.lead_days);
        r.safety_stock = ceil_tolerant(in.z * root / d.days);
    }
    Qty lead_demand = d.days > 0 ? ceil_div(d.total * in.lead_days, d.days) : 0;
    r.reorder_point = in.manual_reorder_point.value_or(lead_demand + r.safety_stock);
    return r;
}

Qty restock_position(Qty available, Qty backlog, Qty in_transit, Qty on_order) {
    return available - backlog + in_transit + on_order;
}

Qty suggested_quantity(const ReorderPoint& rop, const DemandStats& demand, Qty position,
                       int review_days, int order_multiple) {
    if (position > rop.reorder_point) return 0;
    Qty review_demand = demand.days > 0 ? ceil_div(demand.total * review_days, demand.days) : 0;
    Qty q = rop.reorder_point + review_demand - position;
    if (q <= 0) return 0;
    Qty m = order_multiple > 1 ? order_multiple : 1;
    return ceil_div(q, m) * m;
}

}  // namespace dj
