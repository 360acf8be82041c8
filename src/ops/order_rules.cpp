#include "ops/order_rules.h"

#include "store/base/database.h"
#include "store/orders/order_allocation.h"
#include "store/orders/rule_repository.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {

void import_rules(Database& db, const Actor& actor, const std::vector<OrderRule>& rules) {
    WriteTransaction tx(db);
    RuleRepository(db).import(rules, actor);
    tx.commit();
}

void set_rule_enabled(Database& db, const Actor& actor, const std::string& name, bool enabled) {
    WriteTransaction tx(db);
    RuleRepository(db).set_enabled(name, enabled, actor);
    tx.commit();
}

InterceptService::Created create_intercept(Database& db, const Actor& actor,
                                           const OrderIntercept& intercept) {
    WriteTransaction tx(db);
    InterceptService::Created created =
        InterceptService(db, actor).create(intercept, db.clock().now());
    tx.commit();
    return created;
}

int lift_intercept(Database& db, const Actor& actor, Id intercept_id) {
    StockPosting posting(db);
    std::vector<Id> released = InterceptService(db, actor).lift(intercept_id, db.clock().now());
    // Rules that looked at the paused region see it open again.
    OrderAllocator allocator(posting);
    for (Id order_id : released)
        allocator.review(order_id);
    posting.commit();
    return static_cast<int>(released.size());
}

}  // namespace dj::ops
