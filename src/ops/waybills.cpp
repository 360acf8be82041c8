#include "ops/waybills.h"

#include "store/base/database.h"

namespace dj::ops {

Waybill assign_waybill(Database& db, const Actor& actor, Id order_id, const std::string& carrier,
                       const std::string& tracking) {
    WriteTransaction tx(db);
    Waybill w = store_waybill(db, actor, {order_id, carrier, tracking, db.clock().now()});
    tx.commit();
    return w;
}

}  // namespace dj::ops
