#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/fulfilment/pack_check.h"
#include "ops/ship_order.h"
#include "store/fulfilment/pack_service.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Packing one parcel, as the pack station and `pack` both do it: opened by a scan (order number,
// "#local id", tracking number or WAVE/slot), then one item scan after another. The scan that
// completes the parcel marks every order of it packed and, when it has a waybill, ships it
// through ship_order in the same transaction: a shipment that is refused (a hold arrived, the
// waybill is wrong) leaves the last scan undone, so the packer fixes the cause and scans again.
class PackStation {
  public:
    // Throws NotFound when the scan names no order.
    PackStation(Database& db, Actor actor, const std::string& scanned);

    struct Scanned {
        ScanOutcome outcome = ScanOutcome::counted;
        // Completed with a waybill: how it shipped. Completed without one: none (it waits,
        // packed, for a waybill and a ship from the orders view or `order ship`).
        std::optional<Shipped> shipped;
    };
    Scanned scan(const std::string& code);

    const PackCheck& check() const { return session_.check(); }
    Id order_id() const { return session_.order_id(); }
    const std::vector<Id>& parcel() const { return session_.parcel(); }
    const std::string& order_no() const { return session_.order_no(); }
    // Why the parcel must not be packed; empty when it may.
    const std::string& blocked_reason() const { return session_.blocked_reason(); }

  private:
    Database& db_;
    Actor actor_;
    PackSession session_;
};

}  // namespace dj::ops
