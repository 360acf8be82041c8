#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/actor.h"
#include "core/base/types.h"

namespace dj {

enum class MovementKind {
    receive,
    ship,
    transfer_out,
    transfer_in,
    count_adjust,
    customer_return,
    scrap,
    relocate,  // put-away: out of one location and into another of the same warehouse, as a pair
};

std::string_view movement_kind_code(MovementKind k);
MovementKind parse_movement_kind(std::string_view code);
std::string movement_kind_name(MovementKind k);  // in the interface language

// What the caller states about a posting; the ledger adds the rest.
struct MovementContext {
    Timestamp at = 0;  // required: from the operation's clock
    std::string doc;
    std::string reason;
    Actor actor;
};

// One append-only ledger row. qty is signed (+ in, - out of the warehouse's on-hand stock);
// value is the exact change in stock value in fen, unit_cost the average it moved at.
struct Movement {
    Id id = 0;
    Timestamp at = 0;
    MovementKind kind = MovementKind::receive;
    Id sku_id = 0;
    Id warehouse_id = 0;
    std::optional<Id> location_id;
    std::optional<Id> batch_id;
    // For transfers: the other warehouse (destination of an out, origin of an in).
    std::optional<Id> counterpart_warehouse_id;
    Qty qty = 0;
    Fen unit_cost = 0;
    Fen value = 0;
    std::string doc;
    std::string reason;
    Actor actor;
};

}  // namespace dj
