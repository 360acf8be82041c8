#pragma once

namespace dj {

// The units per SKU × warehouse in lots that may not ship today (core/stock/lot_allocation.h):
// batches expiring before today plus the SKU's minimum shelf life (sku.min_ship_days, else the
// shop's setting, else 0). A subquery with columns sku_id, warehouse_id, qty, to be aliased;
// "today" is the database clock's shop date (shop_today(), registered by Database).
inline constexpr const char* kUnshippableStock =
    "(SELECT l.sku_id, l.warehouse_id, sum(l.on_hand) AS qty FROM stock_lot l "
    "JOIN batch t ON t.id = l.batch_id JOIN sku k ON k.id = l.sku_id "
    "WHERE l.on_hand > 0 AND t.expiry < date(shop_today(), '+' || coalesce(k.min_ship_days, "
    "(SELECT value FROM shop_setting WHERE key = 'min_ship_days'), 0) || ' days') "
    "GROUP BY l.sku_id, l.warehouse_id)";

}  // namespace dj
