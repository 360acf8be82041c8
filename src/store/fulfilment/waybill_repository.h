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
    bool from_platform = false;  // an e-waybill number the platform issued (else typed)
    std::string object_id;       // the request it was issued for
    std::string print_data;      // the platform's, as it came (opaque, encrypted)
};

// Records (or replaces) the waybill of `waybill.order_id` as given (ops::record_waybill checks it
// and stores it on the parcel's head order); find_waybill finds a parcel's waybill through any
// of its orders.
void save_waybill(Database& db, const Waybill& waybill);
std::optional<Waybill> find_waybill(Database& db, Id order_id);
// Many new waybills at once in the caller's transaction (the demo's), checked against the carrier
// list and shapes; the caller audits the batch.
void insert_waybills(Database& db, const std::vector<Waybill>& waybills);
// Takes the parcel's waybill away (given back to the carrier, or typed wrong).
void remove_waybill(Database& db, Id order_id);
std::optional<Id> find_order_by_tracking(Database& db, const std::string& tracking_no);

}  // namespace dj
