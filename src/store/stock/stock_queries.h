#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/stock/movement.h"

namespace dj {

class Database;

struct StockRow {
    std::string sku;
    std::string sku_name;
    std::string warehouse;
    Qty on_hand = 0;
    Qty reserved = 0;
    Qty available = 0;    // on hand less reserved less unshippable
    Qty unshippable = 0;  // in batches past their expiry or too close to it to ship
    Qty in_transit = 0;
    Fen avg_cost = 0;  // shop-wide moving average of the SKU
};

struct StockFilter {
    std::string warehouse;  // code; empty: all
    std::string sku;        // code; empty: all
    // Also the places that had stock and have none now (out of stock: what the dashboard's
    // 缺货 counts); without it only places holding, reserving or awaiting something.
    bool with_empty = false;
};

std::vector<StockRow> list_stock(Database& db, const StockFilter& filter);

// Where the stock is: one row per location and batch with stock, in picking order.
struct LotRow {
    std::string sku;
    std::string warehouse;
    std::string location;  // empty: not put away to a bin
    std::string batch;
    std::string expiry;
    Qty on_hand = 0;
};

std::vector<LotRow> list_lots(Database& db, const StockFilter& filter);

struct LedgerRow {
    Id id = 0;
    Timestamp at = 0;
    std::string kind;
    std::string sku;
    std::string warehouse;
    std::string location;
    std::string batch;
    std::string counterpart;
    Qty qty = 0;
    Fen unit_cost = 0;
    Fen value = 0;
    std::string doc;
    std::string reason;
    Actor actor;
};

struct LedgerFilter {
    std::string sku;
    std::optional<Timestamp> since;
    int limit = 0;  // 0: no limit
};

std::vector<LedgerRow> list_ledger(Database& db, const LedgerFilter& filter);

// Movements posted under one document number (an order's platform id when it shipped).
std::vector<LedgerRow> order_movements(Database& db, const std::string& doc);

// The first movement of this kind, SKU and warehouse posted under `doc`, if any.
std::optional<LedgerRow> first_movement_under(Database& db, MovementKind kind, Id sku_id,
                                              Id warehouse_id, const std::string& doc);

// One line per warehouse: how many SKUs are in stock, units, value at average cost.
struct WarehouseSummary {
    std::string warehouse;
    std::string name;
    std::int64_t skus_in_stock = 0;
    Qty on_hand = 0;
    Qty reserved = 0;
    Qty available = 0;
    Qty unshippable = 0;
    Qty in_transit = 0;
    Fen value = 0;
};

std::vector<WarehouseSummary> stock_summary(Database& db);

// What left under a transfer document and has not arrived, per SKU, route and batch.
struct InTransit {
    Id sku_id = 0;
    Id to_warehouse_id = 0;
    Id from_warehouse_id = 0;
    std::optional<Id> batch_id;
    Qty qty = 0;
    Fen value = 0;
};
std::vector<InTransit> in_transit_under(Database& db, const std::string& doc);

}  // namespace dj
