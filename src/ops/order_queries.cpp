#include "ops/order_queries.h"

#include "ops/buyer_visibility.h"
#include "ops/cost_visibility.h"
#include "store/base/database.h"
#include "store/fulfilment/pack_queries.h"
#include "store/orders/intercept_service.h"
#include "store/orders/order_merge.h"
#include "store/orders/order_split.h"
#include "store/orders/rule_repository.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {

std::vector<OrderRow> order_rows(Database& db, const Actor& actor, Progress& progress) {
    ReadTransaction tx(db);
    std::vector<OrderRow> rows = read_order_rows(db, progress);
    hide_buyers(actor, rows);
    return rows;
}

std::vector<OrderSummary> list_orders(Database& db, const Actor& actor, const OrderFilter& filter) {
    ReadTransaction tx(db);
    std::vector<OrderSummary> orders = OrderRepository(db).list(filter);
    hide_buyers(actor, orders);
    return orders;
}

std::optional<Order> find_order_by_id(Database& db, const Actor& actor, Id order_id) {
    ReadTransaction tx(db);
    std::optional<Order> order = OrderRepository(db).find(order_id);
    if (order) hide_buyers(actor, *order);
    return order;
}

std::optional<OrderDetails> order_details(Database& db, const Actor& actor, Id order_id) {
    ReadTransaction tx(db);
    OrderRepository orders(db);
    std::optional<Order> order = orders.find(order_id);
    if (!order) return std::nullopt;
    OrderDetails d;
    d.movements = dj::order_movements(db, order->platform_order_id);
    d.rule_log = order_rule_log(db, order_id);
    d.holds = OrderHoldRepository(db).list(order_id);
    d.local = orders.local_fields(order_id);
    if (order->warehouse_id)
        d.warehouse = WarehouseRepository(db).warehouse_by_id(*order->warehouse_id);
    std::vector<Id> parcel = parcel_orders(db, order_id);
    if (parcel.size() > 1)
        for (Id member : parcel)
            if (std::optional<Order> m = orders.find(member))
                d.parcel.push_back(m->platform_order_id);
    d.split_parts = split_part_numbers(db, order_id);
    if (d.split_parts.size() < 2) d.split_parts.clear();
    d.waybill = find_waybill(db, order_id);
    hide_buyers(actor, *order);
    hide_costs(actor, d.movements);
    d.order = std::move(*order);
    return d;
}

std::vector<std::string> order_tags_in_use(Database& db) {
    ReadTransaction tx(db);
    return dj::order_tags_in_use(db);
}

std::optional<Id> find_order_for_packing(Database& db, const std::string& scanned) {
    ReadTransaction tx(db);
    return dj::find_order_for_packing(db, scanned);
}

std::vector<OrderRule> list_rules(Database& db) {
    ReadTransaction tx(db);
    return RuleRepository(db).list();
}

std::vector<OrderIntercept> list_intercepts(Database& db, bool include_lifted) {
    ReadTransaction tx(db);
    return InterceptRepository(db).list(include_lifted);
}

DryRunSummary dry_run_rules(Database& db, const std::vector<OrderRule>& rules, int days) {
    ReadTransaction tx(db);
    Timestamp now = db.clock().now();
    return dj::dry_run_rules(db, rules, now - days * 86400LL, now);
}

DryRunSummary preview_rule(Database& db, const OrderRule& rule) {
    validate_rule(rule);
    ReadTransaction tx(db);
    return dj::dry_run_on_waiting(db, {rule}, db.clock().now());
}

}  // namespace dj::ops
