#include "ops/order_decisions.h"

#include "core/base/change_text.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/order_rule.h"
#include "ops/access.h"
#include "ops/order_review.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {
namespace {

std::string order_label(Database& db, Id order_id) {
    std::optional<Order> o = OrderRepository(db).find(order_id);
    if (!o) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    return o->platform_order_id;
}

}  // namespace

void hold_order(Database& db, const Actor& actor, Id order_id, const std::string& reason) {
    require(actor, Permission::ManageOrders);
    WriteTransaction tx(db);
    std::string label = order_label(db, order_id);
    if (reason.empty())
        throw InvalidInput(
            trf("Order {0}: say why it is held (the reason is shown to packers)", label));
    OrderHoldRepository(db).hold(
        {order_id, reason, false, db.clock().now(), HoldSource::person, "", actor.user});
    audit(db, actor, "order.hold", label, reason);
    tx.commit();
}

void release_order(Database& db, const Actor& actor, Id order_id) {
    require(actor, Permission::ManageOrders);
    StockPosting posting(db);
    std::string label = order_label(db, order_id);
    if (!OrderHoldRepository(db).release(order_id, db.clock().now(), actor.user))
        throw InvalidInput(trf("Order {0} is not on hold", label));
    // A released order that still waits for stock (a split hold, say) tries again now.
    OrderAllocator(posting, rules_actor()).allocate(order_id, false);
    audit(db, actor, "order.release", label);
    posting.commit();
}

void set_order_priority(Database& db, const Actor& actor, Id order_id, int priority) {
    require(actor, Permission::ManageOrders);
    if (priority < 0 || priority > kMaxOrderPriority)
        throw InvalidInput(trf("Priority must be 0 (normal) to 9 (most urgent), got {0}",
                               std::to_string(priority)));
    WriteTransaction tx(db);
    std::string label = order_label(db, order_id);
    OrderRepository orders(db);
    OrderRepository::LocalFields fields = orders.local_fields(order_id);
    std::string old = std::to_string(fields.priority);
    fields.priority = priority;
    orders.save_local_fields(order_id, fields);
    audit(db, actor, "order.priority", label, change_text(old, std::to_string(priority)));
    tx.commit();
}

void set_order_note(Database& db, const Actor& actor, Id order_id, const std::string& note) {
    require(actor, Permission::ManageOrders);
    WriteTransaction tx(db);
    std::string label = order_label(db, order_id);
    OrderRepository orders(db);
    OrderRepository::LocalFields fields = orders.local_fields(order_id);
    std::string old = fields.note;
    fields.note = note;
    orders.save_local_fields(order_id, fields);
    audit(db, actor, "order.note", label, change_text(old, note));
    tx.commit();
}

}  // namespace dj::ops
