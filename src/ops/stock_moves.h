#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/error.h"
#include "core/stock/movement.h"
#include "ops/stock_service.h"

namespace dj {
class Database;
}

namespace dj::ops {

enum class StockMoveKind {
    receive,
    ship,
    transfer,
    arrive,
    count,
    customer_return,
    scrap,
    put_away,  // from `location` (empty: stock without one) to `to_location`, same warehouse
};

// One stock movement as a person states it (by codes), from the movement dialog or `stock …`.
struct StockMove {
    StockMoveKind kind = StockMoveKind::receive;
    std::string sku;
    Qty qty = 0;  // count: the quantity counted
    std::string warehouse;
    std::string location;
    std::string to_warehouse;  // transfer
    std::string to_location;   // put_away
    // Receive/ship/return: optional; transfer/arrive: the transfer document (a transfer without
    // one gets TRF-<time>).
    std::string doc;
    std::string reason;            // required for scrap
    std::optional<Fen> unit_cost;  // receive; default: the SKU's average, else standard cost
    std::string batch;             // receive; put_away: only this batch
    std::string expiry;            // receive, YYYY-MM-DD, for a new batch
    bool accept_expired = false;   // receive: the batch expired already and that is meant
    bool allow_same_doc = false;   // post although the document was posted already
    std::optional<Timestamp> at;   // a past date to enter a movement late; default: now
};

// The location every warehouse receives into unless told otherwise.
std::string receiving_location_code();

// Posts it in one transaction, audited with the actor (see store/stock/stock_service.h for how each
// kind books). Returns what was posted; a count that matches the stock posts nothing.
std::vector<Movement> move_stock(Database& db, const Actor& actor, const StockMove& move);

}  // namespace dj::ops
