#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace dj {

enum class OrderStatus {
    pending_payment,
    to_ship,
    shipped,
    completed,
    cancelled,
    refund_requested,
    refunded,
};

std::string_view order_status_code(OrderStatus s);
// The status as a person reads it, in the interface language ("待发货").
std::string order_status_name(OrderStatus s);
// The same as a msgid for deferred text (core/base/deferred_text.h).
const char* order_status_msgid(OrderStatus s);
std::optional<OrderStatus> order_status_from_code(std::string_view code);
OrderStatus parse_order_status(std::string_view code);  // throws InvalidInput
// Stock is held for the order only while it waits to be shipped.
bool order_status_holds_stock(OrderStatus s);

// Stored exactly as the platform sent it: masked ("张**", "138****5678") stays masked.
struct Receiver {
    std::string name;
    std::string phone;
    std::string province;
    std::string city;
    std::string district;
    std::string address;
};

struct OrderLine {
    Id id = 0;
    std::string platform_sku_id;
    std::string seller_code;
    std::string title;
    Qty quantity = 0;
    Fen unit_price = 0;
    bool presale = false;  // its goods are not in yet: it may be split off to ship later
};

// Same items, quantities, prices and presale flags in the same order (ids aside).
bool same_lines(const std::vector<OrderLine>& a, const std::vector<OrderLine>& b);

// Whether the order's stock is held: allocation is decided locally, never by the platform.
enum class Allocation { none, allocated, short_stock, unmapped, shipped };
std::string_view allocation_code(Allocation a);
Allocation parse_allocation(std::string_view code);
// Reserved, short of stock…: in the interface language.
std::string allocation_name(Allocation a);

// Canonical, platform-neutral order.
struct Order {
    Id id = 0;
    Id store_id = 0;
    std::string platform_order_id;  // always a string: platform ids exceed 2^53
    OrderStatus status = OrderStatus::to_ship;
    std::string buyer_nick;
    std::string buyer_note;
    std::string seller_memo;
    int seller_flag = 0;
    Receiver receiver;
    std::vector<OrderLine> lines;
    Fen paid_amount = 0;
    Fen freight = 0;
    Timestamp created_at = 0;
    std::optional<Timestamp> paid_at;
    Timestamp modified_at = 0;
    std::optional<Timestamp> promised_ship_at;
    bool presale = false;  // paid as a deposit; ships when the final payment is made
    // The platform's own key for orders that may ship in one parcel, where it gives one.
    std::string merge_key;
    Allocation allocation = Allocation::none;
    std::optional<Id> warehouse_id;
};

}  // namespace dj
