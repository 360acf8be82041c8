#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/orders/order.h"

namespace dj {

struct ImportedOrder {
    std::string store_code;
    Order order;  // store_id is left 0 for the caller to resolve
};

// Canonical order JSON: an array of orders (or {"orders": [...]}, or one order object).
//   { "store": "tb-main", "platform_order_id": "3912345678901234567", "status": "to_ship",
//     "buyer_nick": "", "buyer_note": "", "seller_memo": "", "seller_flag": 0, "presale": false,
//     "merge_key": "" (the platform's key for orders that may ship together, if it has one),
//     "receiver": { "name": "张**", "phone": "138****5678", "province": "江苏省",
//                   "city": "常州市", "district": "武进区", "address": "湖塘镇**" },
//     "paid_amount": "128.00", "freight": "0.00",
//     "created_at": "2026-11-20T10:00:00+08:00", "paid_at": "...", "modified_at": "...",
//     "promised_ship_at": "...",
//     "lines": [ { "platform_sku_id": "5012", "seller_code": "TEA-001", "title": "...",
//                  "quantity": 2, "unit_price": "12.50", "presale": false } ] }
// Money as yuan strings ("12.50") or integer fen in a *_fen field (unit_price_fen: 1250);
// order ids as strings (an integer is taken digit for digit). A presale line ("presale": true)
// may be split off to ship later (see store/orders/order_split.h). Every problem throws
// InvalidInput naming the order (position and id) and the field.
std::vector<ImportedOrder> parse_orders_json(std::string_view text, std::string_view source);

}  // namespace dj
