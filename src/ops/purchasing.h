#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/purchasing/purchase_order.h"
#include "core/purchasing/restock_line.h"
#include "core/stock/movement.h"
#include "store/purchasing/purchase_order_repository.h"
#include "store/purchasing/restock_queries.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Purchase orders (`po …`, `restock approve`): created by hand or approved from restock
// suggestions, received as stock receipts at the order's unit cost documented with its number,
// cancelled before anything arrives or closed short after. Each is one transaction dated by
// the database's clock and audited as `po.*`.

struct PoLineRequest {
    std::string sku;
    Qty qty = 0;
    std::optional<Fen> unit_cost;  // default: the SKU's last purchase cost, else standard cost
};

struct PoRequest {
    std::string supplier;   // code
    std::string warehouse;  // code; empty: the shop's only warehouse
    std::vector<PoLineRequest> lines;
    std::optional<Timestamp> expected_at;
};

// A new order in status `ordered`: its quantities count as on order from now on. One line per
// SKU, quantities 1 or more, costs not negative.
PurchaseOrder create_purchase_order(Database& db, const Actor& actor, const PoRequest& request);

struct RestockApproval {
    std::vector<PurchaseOrder> orders;
    std::vector<RestockLine> without_supplier;  // suggested, but nobody to order from
};
// One order per supplier and warehouse for every suggestion above zero, at the suggested
// quantity and the line's unit cost; the suggestions are read under the write lock, so two
// approvals at once cannot both order what one position lacks.
RestockApproval approve_restock(Database& db, const Actor& actor, const RestockFilter& filter);

// One SKU as it arrived; empty location, batch and expiry take the request's. A SKU may come
// in several lines when its boxes carry different batches or go to different places.
struct PoReceiptLine {
    std::string sku;
    Qty qty = 0;
    std::string location{};
    std::string batch{};
    std::string expiry{};
};
struct PoReceiveRequest {
    std::vector<PoReceiptLine> lines;  // empty: everything still open
    std::string location;              // for every line that names none
    std::string batch;
    std::string expiry;
    bool accept_expired = false;  // the batch expired already and that is meant
};
struct PoReceipt {
    PurchaseOrder order;  // as it stands after the receipt
    std::vector<Movement> movements;
};
// Books what arrived with its stock receipts, all or nothing. Refuses, changing nothing, a
// receipt against an order that is not open, of a SKU not on it, of more than a line has open
// (its lines together), or of the same SKU, batch and place twice. `at` enters a late receipt at
// the date it arrived.
PoReceipt receive_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                 const PoReceiveRequest& request,
                                 std::optional<Timestamp> at = std::nullopt);

// An order nothing was received against: no longer on order.
PurchaseOrder cancel_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                    const std::string& reason);
// A partly received order whose rest will not come: status received, the rest no longer on
// order.
PurchaseOrder close_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                   const std::string& reason);

}  // namespace dj::ops
