#include "ops/buyer_visibility.h"

#include "core/orders/buyer_privacy.h"

namespace dj::ops {

bool sees_buyers(const Actor& actor) {
    return actor.may(Permission::SeeBuyers);
}

void hide_buyers(const Actor& actor, Order& order) {
    if (!sees_buyers(actor)) mask_buyer(order);
}

void hide_buyers(const Actor& actor, std::vector<OrderRow>& rows) {
    if (sees_buyers(actor)) return;
    for (OrderRow& r : rows)
        r.receiver = masked_name(r.receiver);
}

void hide_buyers(const Actor& actor, std::vector<OrderSummary>& orders) {
    if (sees_buyers(actor)) return;
    for (OrderSummary& o : orders) {
        o.buyer_nick = masked_name(o.buyer_nick);
        o.receiver_name = masked_name(o.receiver_name);
        o.receiver_phone = masked_phone(o.receiver_phone);
        o.address = masked_address(o.address);
    }
}

}  // namespace dj::ops
