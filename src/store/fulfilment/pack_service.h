#pragma once

#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/fulfilment/pack_check.h"

namespace dj {

class Database;

// One parcel on the pack station: opened by scanning the order number, "#local id", the tracking
// number or "WAVE/slot" (e.g. W20261124-001/3). Every scan is recorded with who made it; the
// parcel is marked packed when its last item is scanned. An order that must not ship (on hold,
// intercepted, refund requested, cancelled, already shipped) opens blocked. Orders merged into one
// parcel are packed together: any of them opens the parcel, which is blocked while any is.
class PackSession {
  public:
    // Throws NotFound when the scan names no order.
    PackSession(Database& db, Actor actor, const std::string& scanned);

    ScanOutcome scan(const std::string& code, Timestamp now);
    // Puts the parcel's count back to `before` when the transaction that recorded later scans
    // rolled back (the completing scan's shipment was refused).
    void rewind(const PackCheck& before) { check_ = before; }
    const PackCheck& check() const { return check_; }
    // The parcel's head order (the one merged orders ride in).
    Id order_id() const { return order_id_; }
    const std::vector<Id>& parcel() const { return parcel_; }
    const std::string& order_no() const { return order_no_; }
    // Why the order is blocked; empty when it is not.
    const std::string& blocked_reason() const { return blocked_reason_; }

  private:
    std::string why_blocked();

    Database& db_;
    Actor actor_;
    Id order_id_ = 0;
    std::vector<Id> parcel_;
    std::string order_no_;
    std::string blocked_reason_;
    PackCheck check_{{}, false};
};

bool order_packed(Database& db, Id order_id);

}  // namespace dj
