#include "ops/waybills.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "ops/access.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/orders/order_merge.h"
#include "store/orders/order_repository.h"

namespace dj::ops {

Waybill assign_waybill(Database& db, const Actor& actor, Id order_id, const std::string& carrier,
                       const std::string& tracking) {
    require(actor, Permission::Fulfil);
    WriteTransaction tx(db);
    std::optional<Order> order = OrderRepository(db).find(order_id);
    if (!order) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    const std::string& no = order->platform_order_id;
    Waybill w = record_waybill(db, actor, no,
                               checked_waybill(order_id, no, carrier, tracking, db.clock().now()));
    tx.commit();
    return w;
}

Waybill checked_waybill(Id order_id, const std::string& order_no, const std::string& carrier,
                        const std::string& tracking, Timestamp at) {
    if (carrier.empty() || tracking.empty())
        throw InvalidInput(
            trf("Order {0}: give the carrier and the tracking number (--carrier, --tracking)",
                order_no));
    std::string what = trf("Order {0}", order_no);
    const Carrier& known = require_carrier(carrier, what);
    Waybill w{order_id, known.code, normalise_tracking(tracking), at, false, {}, {}};
    require_tracking_shape(known, w.tracking_no, what);
    return w;
}

Waybill record_waybill(Database& db, const Actor& actor, const std::string& order_no, Waybill w) {
    require(actor, Permission::Fulfil);
    const Id order_id = w.order_id;
    w.order_id = parcel_head(db, order_id);
    if (auto other = find_order_by_tracking(db, w.tracking_no); other && *other != w.order_id)
        throw InvalidInput(
            trf("Tracking number {0} is already used by order #{1}: check the "
                "number on the waybill",
                w.tracking_no, std::to_string(*other)));
    if (std::optional<Waybill> had = find_waybill(db, w.order_id);
        had && had->from_platform && had->tracking_no != w.tracking_no)
        throw InvalidInput(
            trf("Order {0} has the e-waybill number {1} from the platform: give "
                "that one back first (waybill cancel), then type another",
                order_no, had->tracking_no));
    save_waybill(db, w);
    audit(db, actor, "order.waybill", order_no, w.carrier + " " + w.tracking_no);
    w.order_id = order_id;
    return w;
}

}  // namespace dj::ops
