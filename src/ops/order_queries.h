#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/progress.h"
#include "core/orders/order.h"
#include "core/orders/order_intercept.h"
#include "core/orders/order_rule.h"
#include "core/stock/warehouse.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "store/orders/order_review.h"
#include "store/orders/order_rows.h"
#include "store/orders/rule_dry_run.h"
#include "store/stock/stock_queries.h"

namespace dj {
class Database;
}

namespace dj::ops {

// What the orders view, the rules view and `orders …`/`rules …` read, each in one consistent
// state of the shop (one read transaction).

// Every order as the orders view lists it, counting in `progress`; stops early (returning what
// it has) when `progress.cancel` is set.
// Buyers' data comes masked for an actor without buyers.see, costs as zero for one without
// costs.see (ops/buyer_visibility.h, ops/cost_visibility.h).
std::vector<OrderRow> order_rows(Database& db, const Actor& actor, Progress& progress);
std::vector<OrderSummary> list_orders(Database& db, const Actor& actor, const OrderFilter& filter);
std::optional<Order> find_order_by_id(Database& db, const Actor& actor, Id order_id);

// One order with everything the order's detail pane shows.
struct OrderDetails {
    Order order;
    std::vector<LedgerRow> movements;  // posted under its number
    std::vector<RuleLogEntry> rule_log;
    std::vector<OrderHold> holds;  // the one people see first, first
    OrderRepository::LocalFields local;
    std::optional<Warehouse> warehouse;    // where it is allocated
    std::vector<std::string> parcel;       // platform ids of its merged parcel; empty alone
    std::vector<std::string> split_parts;  // platform ids of its split; empty when whole
    std::optional<Waybill> waybill;
};
std::optional<OrderDetails> order_details(Database& db, const Actor& actor, Id order_id);
std::vector<std::string> order_tags_in_use(Database& db);
// The order a scan or a typed number names (platform id in any store, or "#local number").
std::optional<Id> find_order_for_packing(Database& db, const std::string& scanned);

std::vector<OrderRule> list_rules(Database& db);
std::vector<OrderIntercept> list_intercepts(Database& db, bool include_lifted);
// What `rules` would have done to the orders of the last `days` days, changing nothing.
DryRunSummary dry_run_rules(Database& db, const std::vector<OrderRule>& rules, int days);
// What one rule, alone, would do to the orders waiting to ship now (the editor's preview).
DryRunSummary preview_rule(Database& db, const OrderRule& rule);

}  // namespace dj::ops
