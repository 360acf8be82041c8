#pragma once

#include "core/base/actor.h"
#include "core/base/types.h"
#include "store/fulfilment/waybill_repository.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Gives an order (and its merged parcel) the carrier and tracking number it ships under, typed
// by a person (`order waybill`), audited, dated by the database's clock. The carrier by code
// (core/fulfilment/carrier.h); InvalidInput when it is unknown or the number is not of its shape
// or belongs to another order.
Waybill assign_waybill(Database& db, const Actor& actor, Id order_id, const std::string& carrier,
                       const std::string& tracking);

// The carrier by code and the number normalised and of the carrier's shape, for order `order_id`
// numbered `order_no` (in messages), given at `at`. InvalidInput when either is missing or wrong.
Waybill checked_waybill(Id order_id, const std::string& order_no, const std::string& carrier,
                        const std::string& tracking, Timestamp at);
// Stores a checked waybill inside the caller's transaction, audited: a merged parcel ships under
// one waybill, kept on its head order. InvalidInput when another order has the number. Returns
// it as stored, under the order it was given for.
Waybill record_waybill(Database& db, const Actor& actor, const std::string& order_no,
                       Waybill waybill);

}  // namespace dj::ops
