#pragma once

#include <optional>
#include <string>

#include "core/base/actor.h"
#include "core/purchasing/purchase_order.h"
#include "core/purchasing/restock_line.h"
#include "store/purchasing/purchase_order_service.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Purchase orders and restock approval (`po …`, `restock approve`); each is one audited
// transaction (see store/purchasing/purchase_order_service.h for the rules) dated by the database's
// clock.
PurchaseOrder create_purchase_order(Database& db, const Actor& actor, const PoRequest& request);
// Books what arrived against the order with its stock receipts, all or nothing; `at` enters a
// late receipt at the date it arrived.
PoReceipt receive_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                 const PoReceiveRequest& request,
                                 std::optional<Timestamp> at = std::nullopt);
PurchaseOrder cancel_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                    const std::string& reason);
PurchaseOrder close_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                   const std::string& reason);
// One purchase order per supplier and warehouse for every current suggestion.
RestockApproval approve_restock(Database& db, const Actor& actor, const RestockFilter& filter);

}  // namespace dj::ops
