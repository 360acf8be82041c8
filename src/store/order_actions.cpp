#include "store/order_actions.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/clock.h"
#include "core/error.h"
#include "core/order_rule.h"
#include "core/translate.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/order_hold_repository.h"

namespace dj {

std::string OrderActions::order_label(Id order_id) {
    SQLite::Statement s(db_.sql(), "SELECT platform_order_id FROM shop_order WHERE id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    if (!s.executeStep())
        throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    return s.getColumn(0).getString();
}

void OrderActions::hold(Id order_id, const std::string& reason) {
    WriteTransaction tx(db_);
    std::string label = order_label(order_id);
    if (reason.empty())
        throw InvalidInput(
            trf("Order {0}: say why it is held (the reason is shown to packers)", label));
    OrderHoldRepository(db_).hold(
        {order_id, reason, false, db_.clock().now(), HoldSource::person, "", actor_.user});
    audit(db_, actor_, "order.hold", label, reason);
    tx.commit();
}

void OrderActions::release(Id order_id) {
    WriteTransaction tx(db_);
    std::string label = order_label(order_id);
    if (!OrderHoldRepository(db_).release(order_id, db_.clock().now(), actor_.user))
        throw InvalidInput(trf("Order {0} is not on hold", label));
    audit(db_, actor_, "order.release", label);
    tx.commit();
}

void OrderActions::set_priority(Id order_id, int priority) {
    if (priority < 0 || priority > kMaxOrderPriority)
        throw InvalidInput(trf("Priority must be 0 (normal) to 9 (most urgent), got {0}",
                               std::to_string(priority)));
    WriteTransaction tx(db_);
    std::string label = order_label(order_id);
    SQLite::Statement s(db_.sql(), "UPDATE shop_order SET priority = ? WHERE id = ?");
    s.bind(1, priority);
    s.bind(2, static_cast<int64_t>(order_id));
    s.exec();
    audit(db_, actor_, "order.priority", label, std::to_string(priority));
    tx.commit();
}

void OrderActions::set_note(Id order_id, const std::string& note) {
    WriteTransaction tx(db_);
    std::string label = order_label(order_id);
    SQLite::Statement s(db_.sql(), "UPDATE shop_order SET note = ? WHERE id = ?");
    s.bind(1, note);
    s.bind(2, static_cast<int64_t>(order_id));
    s.exec();
    audit(db_, actor_, "order.note", label, note);
    tx.commit();
}

}  // namespace dj
