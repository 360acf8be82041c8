#pragma once

namespace dj {

// SQL for the units of the stock_balance row aliased `b` held in lots that may not ship today
// (core/stock/lot_allocation.h): batches expiring before today plus the SKU's minimum shelf life
// (sku.min_ship_days, else the shop's setting, else 0). Per row, through the lots' index, so a
// query for a few SKUs reads only their lots; "today" is the database clock's shop date
// (shop_today_plus(days), which each engine defines: store/base/sql.h).
inline constexpr const char* kUnshippableQty =
    "(SELECT ifnull(sum(l.on_hand), 0) FROM stock_lot l JOIN batch t ON t.id = l.batch_id "
    "WHERE l.sku_id = b.sku_id AND l.warehouse_id = b.warehouse_id AND l.on_hand > 0 AND "
    "t.expiry < shop_today_plus(coalesce((SELECT min_ship_days FROM sku WHERE id = b.sku_id), "
    "(SELECT value FROM shop_setting WHERE key = 'min_ship_days'), 0)))";

}  // namespace dj
