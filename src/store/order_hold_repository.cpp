#include "store/order_hold_repository.h"

#include "store/database.h"

namespace dj {

void OrderHoldRepository::hold(const OrderHold& h) {
    SQLite::Statement& s = db_.statement(
        "INSERT INTO order_hold(order_id, reason, intercept, at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(order_id) DO UPDATE SET reason = excluded.reason, "
        "intercept = max(intercept, excluded.intercept), at = excluded.at");
    s.bind(1, static_cast<int64_t>(h.order_id));
    s.bind(2, h.reason);
    s.bind(3, h.intercept ? 1 : 0);
    s.bind(4, static_cast<int64_t>(h.at));
    s.exec();
}

std::optional<OrderHold> OrderHoldRepository::find(Id order_id) {
    SQLite::Statement& s =
        db_.statement("SELECT reason, intercept, at FROM order_hold WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    std::optional<OrderHold> h;
    if (s.executeStep())
        h = OrderHold{order_id, s.getColumn(0).getString(), s.getColumn(1).getInt() != 0,
                      s.getColumn(2).getInt64()};
    s.reset();
    return h;
}

bool OrderHoldRepository::release(Id order_id) {
    SQLite::Statement& s = db_.statement("DELETE FROM order_hold WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    return s.exec() > 0;
}

}  // namespace dj
