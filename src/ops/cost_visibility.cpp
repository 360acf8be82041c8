#include "ops/cost_visibility.h"

namespace dj::ops {

bool sees_costs(const Actor& actor) {
    return actor.may(Permission::SeeCosts);
}

void hide_costs(const Actor& actor, std::vector<Movement>& movements) {
    if (sees_costs(actor)) return;
    for (Movement& m : movements)
        m.unit_cost = m.value = 0;
}

void hide_costs(const Actor& actor, std::vector<StockRow>& rows) {
    if (sees_costs(actor)) return;
    for (StockRow& r : rows)
        r.avg_cost = 0;
}

void hide_costs(const Actor& actor, std::vector<LedgerRow>& rows) {
    if (sees_costs(actor)) return;
    for (LedgerRow& r : rows)
        r.unit_cost = r.value = 0;
}

void hide_costs(const Actor& actor, std::vector<WarehouseSummary>& rows) {
    if (sees_costs(actor)) return;
    for (WarehouseSummary& r : rows)
        r.value = 0;
}

void hide_costs(const Actor& actor, std::vector<Sku>& skus) {
    if (sees_costs(actor)) return;
    for (Sku& s : skus)
        s.standard_cost = 0;
}

void hide_costs(const Actor& actor, PurchaseOrder& order) {
    if (sees_costs(actor)) return;
    for (PurchaseOrderLine& l : order.lines)
        l.unit_cost = 0;
}

}  // namespace dj::ops
