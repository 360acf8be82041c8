#include "store/orders/order_hold_repository.h"

#include "core/base/deferred_text.h"
#include "store/base/database.h"
#include "store/base/sql.h"

namespace dj {
namespace {

HoldSource parse_source(const std::string& code) {
    if (code == "platform") return HoldSource::platform;
    if (code == "rule") return HoldSource::rule;
    if (code == "intercept") return HoldSource::intercept;
    if (code == "split") return HoldSource::split;
    if (code == "presale") return HoldSource::presale;
    return HoldSource::person;
}

OrderHold hold_from(Id order_id, sql::Statement& s) {
    OrderHold h;
    h.order_id = order_id;
    h.reason = readable(s.column(0).text());
    h.intercept = s.column(1).int32() != 0;
    h.at = s.column(2).int64();
    h.source = parse_source(s.column(3).text());
    h.source_key = s.column(4).text();
    h.by = s.column(5).text();
    return h;
}

}  // namespace

std::string_view hold_source_code(HoldSource s) {
    switch (s) {
        case HoldSource::person:
            return "person";
        case HoldSource::platform:
            return "platform";
        case HoldSource::rule:
            return "rule";
        case HoldSource::intercept:
            return "intercept";
        case HoldSource::split:
            return "split";
        case HoldSource::presale:
            return "presale";
    }
    return "person";
}

void OrderHoldRepository::hold(const OrderHold& h) {
    sql::Statement& s = db_.statement(
        "INSERT INTO order_hold(order_id, source, source_key, reason, intercept, at, by_user) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(order_id, source, source_key) DO UPDATE SET "
        "reason = excluded.reason, intercept = max(order_hold.intercept, excluded.intercept), "
        "at = excluded.at, by_user = excluded.by_user");
    s.bind(1, static_cast<int64_t>(h.order_id));
    s.bind(2, std::string(hold_source_code(h.source)));
    s.bind(3, h.source_key);
    s.bind(4, h.reason);
    s.bind(5, h.intercept ? 1 : 0);
    s.bind(6, static_cast<int64_t>(h.at));
    s.bind(7, h.by);
    s.exec_deferred();
}

std::optional<OrderHold> OrderHoldRepository::find(Id order_id) {
    sql::Statement& s = db_.statement(
        "SELECT reason, intercept, at, source, source_key, by_user FROM order_hold "
        "WHERE order_id = ? ORDER BY intercept DESC, at, source LIMIT 1");
    s.bind(1, static_cast<int64_t>(order_id));
    std::optional<OrderHold> h;
    if (s.step()) h = hold_from(order_id, s);
    s.reset();
    return h;
}

std::vector<OrderHold> OrderHoldRepository::list(Id order_id) {
    sql::Statement& s = db_.statement(
        "SELECT reason, intercept, at, source, source_key, by_user FROM order_hold "
        "WHERE order_id = ? ORDER BY intercept DESC, at, source");
    s.bind(1, static_cast<int64_t>(order_id));
    std::vector<OrderHold> out;
    while (s.step())
        out.push_back(hold_from(order_id, s));
    return out;
}

bool OrderHoldRepository::release(Id order_id, Timestamp at, const std::string& by) {
    sql::Statement& waive = db_.statement(
        "INSERT INTO order_hold_waiver(order_id, source, source_key, at, by_user) "
        "SELECT order_id, source, source_key, ?, ? FROM order_hold WHERE order_id = ? "
        "AND source IN ('rule', 'intercept')"
        " ON CONFLICT(order_id, source, source_key) DO UPDATE SET at = excluded.at, "
        "by_user = excluded.by_user");
    waive.bind(1, static_cast<int64_t>(at));
    waive.bind(2, by);
    waive.bind(3, static_cast<int64_t>(order_id));
    waive.exec();
    sql::Statement& s = db_.statement("DELETE FROM order_hold WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    return s.exec() > 0;
}

void OrderHoldRepository::drop(Id order_id, HoldSource source, const std::string& source_key) {
    sql::Statement& s = db_.statement(
        "DELETE FROM order_hold WHERE order_id = ? AND source = ? AND source_key = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    s.bind(2, std::string(hold_source_code(source)));
    s.bind(3, source_key);
    s.exec_deferred();
}

bool OrderHoldRepository::waived(Id order_id, HoldSource source, const std::string& source_key) {
    sql::Statement& s = db_.statement(
        "SELECT 1 FROM order_hold_waiver WHERE order_id = ? AND source = ? AND source_key = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    s.bind(2, std::string(hold_source_code(source)));
    s.bind(3, source_key);
    bool found = s.step();
    s.reset();
    return found;
}

}  // namespace dj
