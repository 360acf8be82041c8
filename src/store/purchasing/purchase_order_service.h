#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/actor.h"
#include "core/purchasing/purchase_order.h"
#include "core/stock/movement.h"
#include "store/purchasing/restock_queries.h"

namespace dj {

class Database;

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

struct PoReceiptLine {
    std::string sku;
    Qty qty = 0;
};

struct PoReceiveRequest {
    std::vector<PoReceiptLine> lines;  // empty: everything still open
    std::string location;
    std::string batch;
    std::string expiry;
};

struct PoReceipt {
    PurchaseOrder order;  // as it stands after the receipt
    std::vector<Movement> movements;
};

struct RestockApproval {
    std::vector<PurchaseOrder> orders;
    std::vector<RestockLine> without_supplier;  // suggested, but nobody to order from
};

struct PoFilter {
    std::optional<PoStatus> status;
    std::string supplier;  // code
};

// Purchase orders: created by hand or approved from restock suggestions, received through
// StockService (receive movements at the order's unit cost, documented with its number),
// cancelled before anything arrives or closed short after. Changes are audited as `po.*`.
class PurchaseOrderService {
  public:
    PurchaseOrderService(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}

    // Dates receipts at `at` instead of now (see StockService::post_at).
    void post_at(Timestamp at) { at_ = at; }

    // A new order in status `ordered`: its quantities count as on order from now on.
    PurchaseOrder create(const PoRequest& request);
    // One order per supplier and warehouse for every suggestion of restock_lines() that is
    // above zero, at the suggested quantity and the line's unit cost, in one transaction.
    RestockApproval approve_restock(Timestamp now, const RestockFilter& filter);
    // Refuses, changing nothing, a receipt against an order that is not open, of a SKU not on
    // it, or of more than a line has open.
    PoReceipt receive(std::string_view no, const PoReceiveRequest& request);
    // An order nothing was received against: no longer on order.
    PurchaseOrder cancel(std::string_view no, const std::string& reason);
    // A partly received order whose rest will not come: status received, the rest no longer on
    // order.
    PurchaseOrder close(std::string_view no, const std::string& reason);

  private:
    PurchaseOrder insert(Id supplier_id, Id warehouse_id, const std::vector<PoLineRequest>& lines,
                         std::optional<Timestamp> expected_at, Timestamp now);
    PurchaseOrder end(std::string_view no, const std::string& reason, PoStatus from, PoStatus to,
                      const char* action);
    Database& db_;
    Actor actor_;
    std::optional<Timestamp> at_;
};

// Newest first.
std::vector<PurchaseOrder> list_purchase_orders(Database& db, const PoFilter& filter);
// NotFound names the number and how to list them.
PurchaseOrder require_purchase_order(Database& db, std::string_view no);

}  // namespace dj
