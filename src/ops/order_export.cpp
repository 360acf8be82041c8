#include "ops/order_export.h"

#include "core/base/translate.h"
#include "ops/access.h"
#include "ops/buyer_visibility.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"

namespace dj::ops {

std::vector<OrderSummary> export_orders(Database& db, const Actor& actor, const OrderFilter& filter,
                                        const std::string& file) {
    require(actor, Permission::ExportBuyers);
    require_second_check(db, actor, tr("Exporting buyers' data"));
    WriteTransaction tx(db);
    std::vector<OrderSummary> orders = OrderRepository(db).list(filter);
    // A custom role may export without seeing: it gets the file, masked.
    hide_buyers(actor, orders);
    audit(db, actor, "orders.export", file, std::to_string(orders.size()) + " orders");
    tx.commit();
    return orders;
}

}  // namespace dj::ops
