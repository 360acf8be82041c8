#pragma once

#include <vector>

#include "core/base/actor.h"
#include "core/orders/order.h"
#include "store/orders/order_repository.h"
#include "store/orders/order_rows.h"

// Buyers' names, phones and addresses are for those with buyers.see. Everyone else gets them
// masked (core/orders/buyer_privacy.h) from every query here, so no front end can show them.
namespace dj::ops {

bool sees_buyers(const Actor& actor);

void hide_buyers(const Actor& actor, Order& order);
void hide_buyers(const Actor& actor, std::vector<OrderRow>& rows);
void hide_buyers(const Actor& actor, std::vector<OrderSummary>& orders);

}  // namespace dj::ops
