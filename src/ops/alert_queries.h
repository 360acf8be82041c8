#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/alerts/alert.h"
#include "core/alerts/notify_channel.h"
#include "core/base/actor.h"
#include "core/purchasing/purchase_order.h"
#include "core/purchasing/restock_line.h"
#include "store/alerts/alert_repository.h"
#include "store/alerts/notify_repository.h"
#include "store/purchasing/purchase_order_repository.h"
#include "store/purchasing/restock_queries.h"

namespace dj {
class Database;
}

namespace dj::ops {

// What the alerts view, the dashboard and `alerts …`/`notify …`/`restock …`/`po …` read, each in
// one consistent state of the shop (one read transaction).
std::vector<Alert> list_alerts(Database& db, const AlertFilter& filter);
std::vector<NotifyChannel> list_notify_channels(Database& db);
// Messages waiting per channel id.
std::map<Id, int> pending_notification_counts(Database& db);
std::vector<NotifyMessage> list_notifications(Database& db, bool pending_only);

// Restock suggestions over the 28 shop days ending today (the database's clock).
std::vector<RestockLine> restock_lines(Database& db, const RestockFilter& filter);
// Unit costs come as zero to those without costs.see (ops/cost_visibility.h).
std::vector<PurchaseOrder> list_purchase_orders(Database& db, const Actor& actor,
                                                const PoFilter& filter);
// NotFound names the number and how to list them.
PurchaseOrder require_purchase_order(Database& db, const Actor& actor, const std::string& no);

}  // namespace dj::ops
