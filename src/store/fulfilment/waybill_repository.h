#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"

namespace dj {

class Database;

// The carrier and tracking number a parcel ships under, as an e-waybill call or a person gave it.
struct Waybill {
    Id order_id = 0;
    std::string carrier;
    std::string tracking_no;
    Timestamp assigned_at = 0;
};

// Records (or replaces) an order's waybill, audited, inside the caller's write transaction; an
// order merged into a parcel shares the parcel's waybill (stored on its head order, and found
// through any of its orders). The carrier is stored by its code (see core/fulfilment/carrier.h)
// and the tracking number normalised. Throws InvalidInput when the carrier is unknown, the
// tracking number is empty, not of the carrier's shape or belongs to another order. Returns the
// waybill as stored.
Waybill store_waybill(Database& db, const Actor& actor, const Waybill& waybill);
std::optional<Waybill> find_waybill(Database& db, Id order_id);
// Many new waybills at once in the caller's transaction (the demo's), checked against the carrier
// list and shapes; the caller audits the batch.
void insert_waybills(Database& db, const std::vector<Waybill>& waybills);
std::optional<Id> find_order_by_tracking(Database& db, const std::string& tracking_no);

}  // namespace dj
