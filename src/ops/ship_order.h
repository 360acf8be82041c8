#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "core/stock/movement.h"

namespace dj {
class Database;
}

namespace dj::ops {

struct ShipOrder {
    Id order_id = 0;
    // Empty: the parcel's waybill (the number on its printed label). Given: checked against the
    // carrier list and the carrier's number shape, and it must be the label's number unless
    // `relabel` says the parcel carries a new label.
    std::string carrier;
    std::string tracking;
    bool relabel = false;
};

struct Shipped {
    Id order_id = 0;
    std::string order_no;
    std::string carrier;              // code
    std::string tracking;             // as stored
    std::vector<std::string> orders;  // every order of the parcel, this one first
    int confirmations = 0;            // queued for the platforms
    std::vector<Movement> movements;
};

// The one way an order leaves the shop, whoever ships it (pack station, orders view, `order ship`,
// `orders ship`, a completed `pack`): in one transaction, the parcel's waybill is settled, its
// stock leaves from the reservation, each platform order of the parcel gets one shipment
// confirmation in the outbox and the action is audited. Dated by the database's clock.
Shipped ship_order(Database& db, const Actor& actor, const ShipOrder& request);

// The order a person names: "#local number" or the platform's order id, in `store` (code or
// name) when given. NotFound when none; InvalidInput when the id exists in several stores.
Id find_order(Database& db, const std::string& order, const std::string& store = {});

}  // namespace dj::ops
