#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/orders/order.h"

namespace dj {

// An order as lists and exports show it: its store and warehouse by code, its lines with the
// local SKUs they map to, and what the shop added (priority, tags, hold, merge, split).
struct OrderLineSummary {
    std::string platform_sku;
    std::string seller_code;
    std::optional<std::string> sku;  // local SKU code ("A+B" for a bundle); none when unmapped
    Qty qty = 0;
    Fen price = 0;
};

struct OrderSummary {
    Id id = 0;
    std::string store;
    std::string platform;
    std::string platform_order_id;
    OrderStatus status = OrderStatus::to_ship;
    Allocation allocation = Allocation::none;
    std::string warehouse;
    std::string buyer_nick;
    std::string receiver_name;
    std::string receiver_phone;
    std::string province;
    std::string city;
    std::string district;
    std::string address;
    Fen paid_amount = 0;
    std::string seller_memo;
    Qty units = 0;
    Timestamp created_at = 0;
    std::optional<Timestamp> paid_at;
    Timestamp modified_at = 0;
    std::optional<Timestamp> promised_ship_at;
    int priority = 0;
    std::vector<std::string> tags;
    std::string hold_reason;  // the hold people see first; empty when not held
    std::string parcel;       // the order this one is merged into; empty when it is not
    std::string split_from;   // the platform order a split part came from; empty for others
    std::vector<OrderLineSummary> lines;
};

struct OrderFilter {
    std::optional<OrderStatus> status;
    std::string store;  // code; empty: all
    std::string tag;    // empty: any
    int limit = 0;      // 0: no limit
};

}  // namespace dj
