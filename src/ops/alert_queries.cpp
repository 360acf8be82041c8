#include "ops/alert_queries.h"

#include "ops/cost_visibility.h"
#include "store/base/database.h"

namespace dj::ops {

std::vector<Alert> list_alerts(Database& db, const AlertFilter& filter) {
    ReadTransaction tx(db);
    return dj::list_alerts(db, filter);
}

std::vector<NotifyChannel> list_notify_channels(Database& db) {
    ReadTransaction tx(db);
    return dj::list_notify_channels(db);
}

std::map<Id, int> pending_notification_counts(Database& db) {
    ReadTransaction tx(db);
    return dj::pending_notification_counts(db);
}

std::vector<NotifyMessage> list_notifications(Database& db, bool pending_only) {
    ReadTransaction tx(db);
    return dj::list_notifications(db, pending_only);
}

std::vector<RestockLine> restock_lines(Database& db, const RestockFilter& filter) {
    ReadTransaction tx(db);
    return dj::restock_lines(db, db.clock().now(), filter);
}

std::vector<PurchaseOrder> list_purchase_orders(Database& db, const Actor& actor,
                                                const PoFilter& filter) {
    ReadTransaction tx(db);
    std::vector<PurchaseOrder> orders = dj::list_purchase_orders(db, filter);
    for (PurchaseOrder& o : orders)
        hide_costs(actor, o);
    return orders;
}

PurchaseOrder require_purchase_order(Database& db, const Actor& actor, const std::string& no) {
    ReadTransaction tx(db);
    PurchaseOrder order = dj::require_purchase_order(db, no);
    hide_costs(actor, order);
    return order;
}

}  // namespace dj::ops
