#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/purchasing/purchase_order.h"

namespace dj {

class Database;

struct PoFilter {
    std::optional<PoStatus> status;
    std::string supplier;  // code
};

// Purchase orders as stored (the rules for changing them are in ops/purchasing.h).
// Newest first.
std::vector<PurchaseOrder> list_purchase_orders(Database& db, const PoFilter& filter);
std::optional<PurchaseOrder> find_purchase_order(Database& db, std::string_view no);
// NotFound names the number and how to list them.
PurchaseOrder require_purchase_order(Database& db, std::string_view no);

// PO-<shop date>-<nnn>, numbered within the day; called inside the write transaction that
// stores the order, so two workstations never draw the same number.
std::string next_po_number(Database& db, Timestamp now);
// What a SKU is bought for when a line names no cost: its last purchase cost, else its
// standard cost.
Fen default_unit_cost(Database& db, Id sku_id);

struct NewPoLine {
    Id sku_id = 0;
    Qty qty = 0;
    Fen unit_cost = 0;
};
// A new order in status `ordered`, its lines numbered from 1; returns it as stored.
PurchaseOrder insert_purchase_order(Database& db, const std::string& no, Id supplier_id,
                                    Id warehouse_id, const std::vector<NewPoLine>& lines,
                                    std::optional<Timestamp> expected_at, Timestamp now,
                                    const std::string& created_by);
void set_line_received(Database& db, Id po_id, int line_no, Qty received);
void set_po_status(Database& db, Id po_id, PoStatus status);

}  // namespace dj
