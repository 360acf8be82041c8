#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/types.h"
#include "core/orders/order.h"

namespace dj {

class Database;

// A parcel as an e-waybill request needs it: its head order, its orders' platform ids (a split
// part's original's, which is what the platform knows), the receiver and the items.
struct WaybillParcel {
    Id head = 0;
    std::string order_no;  // the head's platform order id
    Id store_id = 0;
    std::string store;  // code
    OrderStatus status = OrderStatus::to_ship;
    std::string hold;          // the first hold's reason, empty when not held
    bool has_waybill = false;  // has a carrier and number already
    std::vector<std::string> platform_order_ids;
    Receiver receiver;
    std::vector<std::pair<std::string, Qty>> items;  // title, quantity
};

// The parcels of `order_ids` (each once, under its head, in the order first named). NotFound
// for an id that is no order.
std::vector<WaybillParcel> waybill_parcels(Database& db, const std::vector<Id>& order_ids);

// One request for a parcel's number (waybill_request).
struct WaybillRequestRow {
    std::string object_id;
    Id order_id = 0;  // the parcel's head
    Id account_id = 0;
    std::string state;  // asked, issued, refused, cancelled
    std::string tracking_no;
    std::string message;
};

// The parcel's request still waiting for an answer, else a new one from `account_id` under the
// next object id ("DJ<head>-<n>"), in the caller's transaction. An asked request keeps its
// account: a retry must ask where the first request went.
WaybillRequestRow open_waybill_request(Database& db, Id head, Id account_id, Timestamp now);
std::optional<WaybillRequestRow> find_waybill_request(Database& db, const std::string& object_id);
// Settles a request: issued with its number, refused with the platform's reason, or cancelled
// (the number given back).
void settle_waybill_request(Database& db, const std::string& object_id, const std::string& state,
                            const std::string& tracking_no, const std::string& message,
                            Timestamp now);

}  // namespace dj
