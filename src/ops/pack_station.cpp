#include "ops/pack_station.h"

#include "ops/access.h"
#include "store/base/database.h"
#include "store/fulfilment/waybill_repository.h"

namespace dj::ops {

PackStation::PackStation(Database& db, Actor actor, const std::string& scanned)
    : db_(db),
      actor_((require(actor, Permission::Fulfil), actor)),
      session_(db, std::move(actor), scanned) {}

PackStation::Scanned PackStation::scan(const std::string& code) {
    PackCheck before = session_.check();
    try {
        WriteTransaction tx(db_);
        Scanned result;
        result.outcome = session_.scan(code, db_.clock().now());
        if (result.outcome == ScanOutcome::completed && find_waybill(db_, session_.order_id()))
            result.shipped = ship_order(db_, actor_, {session_.order_id(), {}, {}, false});
        tx.commit();
        return result;
    } catch (...) {
        session_.rewind(before);
        throw;
    }
}

}  // namespace dj::ops
