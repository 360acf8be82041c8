// Raises the low-stock alert the notification tests deliver, the way a shop would meet it.
#pragma once

#include "core/alerts/stock_thresholds.h"
#include "ops/alerts.h"
#include "ops/stock_service.h"
#include "store/alerts/threshold_repository.h"
#include "store/base/database.h"
#include "test_db.h"

namespace dj::test {

// On seed_small_shop: 10 CUP-1 received in CZ, reorder point 5, then a shipment of 6 opens a
// low-stock alert on CUP-1 in CZ.
inline void raise_low_stock(Database& db) {
    ops::StockService stock{db, test_actor()};
    ops::StockService::Receive r;
    r.sku = "CUP-1";
    r.qty = 10;
    r.warehouse = "CZ";
    r.unit_cost = 800;
    stock.receive(r);
    ops::set_threshold(db, test_actor(), Threshold::reorder_point, "CUP-1", "", 5);
    stock.ship("CUP-1", 6, "CZ", "SO-1");
}

}  // namespace dj::test
