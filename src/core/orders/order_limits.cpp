#include "core/orders/order_limits.h"

#include <string>

#include "core/base/limits.h"

namespace dj {

void check_order_limits(const Order& o) {
    require_text(o.platform_order_id, kMaxCodeLength, "platform_order_id");
    require_text(o.buyer_nick, kMaxNameLength, "buyer_nick");
    require_text(o.buyer_note, kMaxTextLength, "buyer_note", true);
    require_text(o.seller_memo, kMaxTextLength, "seller_memo", true);
    require_text(o.merge_key, kMaxNameLength, "merge_key");
    require_range(o.seller_flag, 0, 99, "seller_flag");
    require_text(o.receiver.name, kMaxNameLength, "receiver.name");
    require_text(o.receiver.phone, kMaxCodeLength, "receiver.phone");
    require_text(o.receiver.province, kMaxNameLength, "receiver.province");
    require_text(o.receiver.city, kMaxNameLength, "receiver.city");
    require_text(o.receiver.district, kMaxNameLength, "receiver.district");
    require_text(o.receiver.address, kMaxTextLength, "receiver.address", true);
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
        std::string at = "lines[" + std::to_string(i) + "].";
        require_text(l.platform_sku_id, kMaxCodeLength, at + "platform_sku_id");
        require_text(l.seller_code, kMaxCodeLength, at + "seller_code");
        require_text(l.title, kMaxNameLength, at + "title");
        require_range(l.quantity, 1, kMaxQty, at + "quantity");
        require_money(l.unit_price, 0, kMaxUnitPrice, at + "unit_price");
    }
}

}  // namespace dj
