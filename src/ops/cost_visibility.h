#pragma once

#include <vector>

#include "core/base/actor.h"
#include "core/purchasing/purchase_order.h"
#include "core/stock/catalogue.h"
#include "core/stock/movement.h"
#include "store/stock/stock_queries.h"

// Costs, stock values and supplier prices are for those with costs.see. Everyone else gets zero
// in their place from every query and use case here, so no front end can show them; the front
// ends show "***" (null in JSON) where sees_costs says so.
namespace dj::ops {

bool sees_costs(const Actor& actor);

void hide_costs(const Actor& actor, std::vector<Movement>& movements);
void hide_costs(const Actor& actor, std::vector<StockRow>& rows);
void hide_costs(const Actor& actor, std::vector<LedgerRow>& rows);
void hide_costs(const Actor& actor, std::vector<WarehouseSummary>& rows);
void hide_costs(const Actor& actor, std::vector<Sku>& skus);
void hide_costs(const Actor& actor, PurchaseOrder& order);

}  // namespace dj::ops
