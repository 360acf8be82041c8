#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/limits.h"
#include "core/base/types.h"

namespace dj {

// What one purchase order line may carry: quantities beyond this (and unit costs beyond
// kMaxUnitPrice, limits.h) are typing mistakes, and the line's value stays far inside 64 bits.
inline constexpr Qty kMaxPoQty = 1000000;

// What a purchase order's goods are doing. Only `ordered` and `partly_received` orders count as
// on order in the restock position; `received` also ends an order closed short (the rest will
// not come) and `cancelled` one that never received anything.
enum class PoStatus { draft, ordered, partly_received, received, cancelled };

const char* po_status_code(PoStatus s);
std::optional<PoStatus> parse_po_status(std::string_view code);
std::string po_status_name(PoStatus s);  // in the interface language

struct PurchaseOrderLine {
    int line_no = 0;
    Id sku_id = 0;
    std::string sku;
    std::string sku_name;
    Qty qty = 0;
    Qty received = 0;
    Fen unit_cost = 0;
    Qty open() const { return qty - received; }
};

struct PurchaseOrder {
    Id id = 0;
    std::string no;  // e.g. PO-20261124-001
    Id supplier_id = 0;
    std::string supplier;  // code
    std::string supplier_name;
    Id warehouse_id = 0;
    std::string warehouse;  // code
    PoStatus status = PoStatus::ordered;
    std::optional<Timestamp> expected_at;
    Timestamp created_at = 0;
    std::string created_by;
    std::vector<PurchaseOrderLine> lines;

    Qty open_qty() const;  // ordered and not received, whatever the status
    // What is still expected: nothing once the order is cancelled or closed.
    Qty due_qty() const;
    Fen total() const;  // ordered quantity at unit cost
};

// The order's state as a person reads it: a received order whose rest will not come is
// "closed short", not fully received.
std::string po_state_name(const PurchaseOrder& o);

// Whether goods can still be received against an order in this status.
bool po_accepts_receipts(PoStatus s);

// The status once every line's received quantity is known: nothing received is `ordered`,
// everything received is `received`, anything between is `partly_received`.
PoStatus po_status_from_receipts(const std::vector<PurchaseOrderLine>& lines);

}  // namespace dj
