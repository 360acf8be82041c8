#pragma once

#include <string>

#include "core/actor.h"
#include "core/types.h"

namespace dj {

class Database;

struct ShipRequest {
    std::string platform_order_id;
    std::string store;  // code or name; empty: the one store that has this order id
    std::string carrier;
    std::string tracking_no;
};

// Ships the order from its reservation and queues the platform's shipment confirmation in the
// same transaction: both happen or neither. Returns the order's local id.
Id ship_order(Database& db, const ShipRequest& request, const Actor& actor, Timestamp now);

}  // namespace dj
