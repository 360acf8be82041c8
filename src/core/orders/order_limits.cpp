#include "core/orders/order_limits.h"

#include <string>

#include "core/base/limits.h"

namespace dj {

namespace {

// The names of a line's fields ("lines[2].quantity") are built only for a refusal: a sync checks
// every order it pulls.
void line_text(std::size_t i, std::string_view value, std::size_t max, const char* field) {
    if (!fits_text(value, max))
        require_text(value, max, "lines[" + std::to_string(i) + "]." + field);
}

void text(std::string_view value, std::size_t max, const char* field, bool multiline = false) {
    if (!fits_text(value, max, multiline)) require_text(value, max, field, multiline);
}

}  // namespace

void check_order_limits(const Order& o) {
    text(o.platform_order_id, kMaxCodeLength, "platform_order_id");
    text(o.buyer_nick, kMaxNameLength, "buyer_nick");
    text(o.buyer_note, kMaxTextLength, "buyer_note", true);
    text(o.seller_memo, kMaxTextLength, "seller_memo", true);
    text(o.merge_key, kMaxNameLength, "merge_key");
    require_range(o.seller_flag, 0, 99, "seller_flag");
    text(o.receiver.name, kMaxNameLength, "receiver.name");
    text(o.receiver.phone, kMaxCodeLength, "receiver.phone");
    text(o.receiver.province, kMaxNameLength, "receiver.province");
    text(o.receiver.city, kMaxNameLength, "receiver.city");
    text(o.receiver.district, kMaxNameLength, "receiver.district");
    text(o.receiver.address, kMaxTextLength, "receiver.address", true);
    require_money(o.paid_amount, 0, kMaxOrderAmount, "paid_amount");
    require_money(o.freight, 0, kMaxOrderAmount, "freight");
    require_time(o.created_at, "created_at");
    require_time(o.modified_at, "modified_at");
    if (o.paid_at) require_time(*o.paid_at, "paid_at");
    if (o.promised_ship_at) require_time(*o.promised_ship_at, "promised_ship_at");
    require_range(static_cast<std::int64_t>(o.lines.size()), 1,
                  static_cast<std::int64_t>(kMaxOrderLines), "lines");
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const OrderLine& l = o.lines[i];
        line_text(i, l.platform_sku_id, kMaxCodeLength, "platform_sku_id");
        line_text(i, l.seller_code, kMaxCodeLength, "seller_code");
        line_text(i, l.title, kMaxNameLength, "title");
        if (l.quantity < 1 || l.quantity > kMaxQty)
            require_range(l.quantity, 1, kMaxQty, "lines[" + std::to_string(i) + "].quantity");
        if (l.unit_price < 0 || l.unit_price > kMaxUnitPrice)
            require_money(l.unit_price, 0, kMaxUnitPrice,
                          "lines[" + std::to_string(i) + "].unit_price");
    }
}

}  // namespace dj
