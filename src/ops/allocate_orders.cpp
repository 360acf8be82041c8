#include "ops/allocate_orders.h"

#include <set>
#include <string>

#include "ops/access.h"
#include "ops/order_review.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/orders/order_allocation.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {

int allocate_waiting_orders(Database& db, const Actor& actor) {
    require(actor, Permission::ManageOrders);
    StockPosting posting(db);
    int n = OrderAllocator(posting, rules_actor()).allocate_waiting();
    audit(db, actor, "orders.allocate", "", std::to_string(n) + " allocated");
    posting.commit();
    return n;
}

int serve_waiting_orders(StockPosting& posting) {
    std::set<Id> arrived;
    for (const Movement& m : posting.book().pending())
        if (m.qty > 0) arrived.insert(m.sku_id);
    return OrderAllocator(posting, rules_actor()).allocate_waiting_for(arrived);
}

}  // namespace dj::ops
