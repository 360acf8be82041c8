#include "ops/purchasing.h"

#include "store/base/database.h"

namespace dj::ops {

PurchaseOrder create_purchase_order(Database& db, const Actor& actor, const PoRequest& request) {
    return PurchaseOrderService(db, actor).create(request);
}

PoReceipt receive_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                 const PoReceiveRequest& request, std::optional<Timestamp> at) {
    PurchaseOrderService service(db, actor);
    if (at) service.post_at(*at);
    return service.receive(no, request);
}

PurchaseOrder cancel_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                    const std::string& reason) {
    return PurchaseOrderService(db, actor).cancel(no, reason);
}

PurchaseOrder close_purchase_order(Database& db, const Actor& actor, const std::string& no,
                                   const std::string& reason) {
    return PurchaseOrderService(db, actor).close(no, reason);
}

RestockApproval approve_restock(Database& db, const Actor& actor, const RestockFilter& filter) {
    return PurchaseOrderService(db, actor).approve_restock(db.clock().now(), filter);
}

}  // namespace dj::ops
