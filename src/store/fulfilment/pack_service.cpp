#include "store/fulfilment/pack_service.h"

#include <charconv>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/order.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/fulfilment/pack_queries.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_merge.h"

namespace dj {
namespace {

std::optional<Id> find_by_wave_slot(Database& db, const std::string& scanned) {
    auto slash = scanned.rfind('/');
    if (slash == std::string::npos || slash + 1 >= scanned.size()) return std::nullopt;
    // The slot is a number: anything else after the slash names no slot.
    int slot = 0;
    const char* end = scanned.data() + scanned.size();
    auto [stop, ec] = std::from_chars(scanned.data() + slash + 1, end, slot);
    if (ec != std::errc() || stop != end) return std::nullopt;
    sql::Statement s(connection(db),
                     "SELECT x.order_id FROM wave_order x JOIN wave w ON w.id = x.wave_id "
                     "WHERE w.number = ? AND x.slot = ?");
    s.bind(1, scanned.substr(0, slash));
    s.bind(2, slot);
    if (!s.step()) return std::nullopt;
    return s.column(0).int64();
}

const char* outcome_code(ScanOutcome o) {
    switch (o) {
        case ScanOutcome::counted:
            return "counted";
        case ScanOutcome::completed:
            return "completed";
        case ScanOutcome::wrong_item:
            return "wrong_item";
        case ScanOutcome::too_many:
            return "too_many";
        case ScanOutcome::blocked:
            return "blocked";
    }
    return "";
}

}  // namespace

PackSession::PackSession(Database& db, Actor actor, const std::string& scanned)
    : db_(db), actor_(std::move(actor)) {
    std::optional<Id> id = find_order_for_packing(db, scanned);
    if (!id) id = find_order_by_tracking(db, scanned);
    if (!id) id = find_by_wave_slot(db, scanned);
    if (!id)
        throw NotFound(
            trf("No order matches the scan {0}: scan the order number, the tracking "
                "number or the wave slot",
                scanned));
    // Any order of a merged parcel opens the whole parcel, under its head.
    order_id_ = parcel_head(db, *id);
    parcel_ = parcel_orders(db, order_id_);
    sql::Statement s(connection(db), "SELECT platform_order_id FROM shop_order WHERE id = ?");
    s.bind(1, static_cast<int64_t>(order_id_));
    s.step();
    order_no_ = s.column(0).text();
    blocked_reason_ = why_blocked();
    if (blocked_reason_.empty() && order_packed(db, order_id_))
        blocked_reason_ = tr("the parcel is packed already");
    check_ = PackCheck(order_pack_items(db, order_id_), !blocked_reason_.empty());
}

std::string PackSession::why_blocked() {
    sql::Statement s(connection(db_),
                     "SELECT platform_order_id, status FROM shop_order WHERE id = ?");
    for (Id id : parcel_) {
        s.reset();
        s.bind(1, static_cast<int64_t>(id));
        // Asked for with its holds: one round trip to a server.
        s.prefetch();
        std::optional<OrderHold> hold = OrderHoldRepository(db_).find(id);
        if (!s.step()) continue;
        std::string no = s.column(0).text();
        std::string status = s.column(1).text();
        // In a merged parcel the packer must know which order stops it.
        std::string prefix = parcel_.size() > 1 ? no + ": " : "";
        if (hold)
            return prefix + (hold->intercept ? trf("intercepted: {0}", hold->reason)
                                             : trf("on hold: {0}", hold->reason));
        if (status != order_status_code(OrderStatus::to_ship))
            return prefix + trf("the order is {0}, not waiting to ship", status);
    }
    return {};
}

ScanOutcome PackSession::scan(const std::string& code, Timestamp now) {
    WriteTransaction tx(db_);
    // An intercept may arrive while the parcel is open: every scan looks again.
    if (!check_.blocked())
        if (std::string why = why_blocked(); !why.empty()) {
            blocked_reason_ = why;
            check_ = PackCheck(order_pack_items(db_, order_id_), true);
        }
    ScanOutcome outcome = check_.scan(code);
    sql::Statement s(connection(db_),
                     "INSERT INTO pack_scan (order_id, at, code, outcome, user, role, "
                     "workstation) VALUES (?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(order_id_));
    s.bind(2, static_cast<int64_t>(now));
    s.bind(3, code);
    s.bind(4, outcome_code(outcome));
    s.bind(5, actor_.user);
    s.bind(6, actor_.role);
    s.bind(7, actor_.workstation);
    s.exec_deferred();
    if (outcome == ScanOutcome::completed) {
        sql::Statement p(connection(db_),
                         "INSERT INTO order_packed (order_id, packed_at, packed_by, "
                         "workstation) VALUES (?, ?, ?, ?)");
        for (Id id : parcel_) {
            p.reset();
            p.bind(1, static_cast<int64_t>(id));
            p.bind(2, static_cast<int64_t>(now));
            p.bind(3, actor_.user);
            p.bind(4, actor_.workstation);
            p.exec_deferred();
        }
    }
    tx.commit();
    return outcome;
}

bool order_packed(Database& db, Id order_id) {
    sql::Statement s(connection(db), "SELECT 1 FROM order_packed WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    return s.step();
}

}  // namespace dj
