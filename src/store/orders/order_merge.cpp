#include "store/orders/order_merge.h"

#include <algorithm>

#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/translate.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

constexpr const char* kCandidate =
    "SELECT o.id, o.platform_order_id, o.store_id, o.merge_key, o.receiver_name, "
    "o.receiver_phone, o.province, o.city, o.district, o.address, o.status, o.allocation, "
    "o.warehouse_id, m.parcel_order_id, "
    "EXISTS (SELECT 1 FROM order_merge h WHERE h.parcel_order_id = o.id), "
    "EXISTS (SELECT 1 FROM order_packed p WHERE p.order_id = ifnull(m.parcel_order_id, o.id)), "
    "EXISTS (SELECT 1 FROM wave_order x WHERE x.order_id = ifnull(m.parcel_order_id, o.id) "
    "AND x.open = 1), "
    "EXISTS (SELECT 1 FROM order_waybill b WHERE b.order_id = o.id) "
    "FROM shop_order o LEFT JOIN order_merge m ON m.order_id = o.id ";

MergeCandidate candidate_from(sql::Statement& s) {
    MergeCandidate c;
    c.order_id = s.column(0).int64();
    c.order_no = s.column(1).text();
    c.store_id = s.column(2).int64();
    c.platform_merge_key = s.column(3).text();
    c.receiver_key = receiver_key({s.column(4).text(), s.column(5).text(), s.column(6).text(),
                                   s.column(7).text(), s.column(8).text(), s.column(9).text()});
    c.status = order_status_from_code(s.column(10).text()).value_or(OrderStatus::shipped);
    c.allocation = parse_allocation(s.column(11).text());
    if (!s.column(12).is_null()) c.warehouse_id = s.column(12).int64();
    if (!s.column(13).is_null())
        c.parcel_id = s.column(13).int64();
    else if (s.column(14).int32() != 0)
        c.parcel_id = c.order_id;
    c.packed = s.column(15).int32() != 0;
    c.in_open_wave = s.column(16).int32() != 0;
    c.has_waybill = s.column(17).int32() != 0;
    return c;
}

std::vector<std::string> order_numbers(Database& db, const std::vector<Id>& ids) {
    sql::Statement& s = db.statement("SELECT platform_order_id FROM shop_order WHERE id = ?");
    std::vector<std::string> out;
    for (Id id : ids) {
        s.bind(1, static_cast<int64_t>(id));
        if (s.step()) out.push_back(s.column(0).text());
        s.reset();
    }
    return out;
}

}  // namespace

Id parcel_head(Database& db, Id order_id) {
    sql::Statement& s = db.statement("SELECT parcel_order_id FROM order_merge WHERE order_id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    Id head = s.step() ? s.column(0).int64() : order_id;
    s.reset();
    return head;
}

std::vector<Id> parcel_orders(Database& db, Id order_id) {
    // The head, then each other order of its parcel: one statement, asked several times for
    // every parcel that ships.
    sql::Statement& s = db.statement(
        "SELECT h.id, m.order_id FROM (SELECT coalesce((SELECT parcel_order_id FROM order_merge "
        "WHERE order_id = ?1), ?1) AS id) h LEFT JOIN order_merge m ON m.parcel_order_id = h.id "
        "ORDER BY m.order_id");
    s.bind(1, static_cast<int64_t>(order_id));
    std::vector<Id> out;
    while (s.step()) {
        if (out.empty()) out.push_back(s.column(0).int64());
        if (!s.column(1).is_null()) out.push_back(s.column(1).int64());
    }
    s.reset();
    return out;
}

std::optional<MergeCandidate> OrderMerger::candidate(Id order_id) {
    static const std::string sql = std::string(kCandidate) + "WHERE o.id = ?";
    sql::Statement& s = db_.statement(sql.c_str());
    s.bind(1, static_cast<int64_t>(order_id));
    std::optional<MergeCandidate> c;
    if (s.step()) c = candidate_from(s);
    s.reset();
    return c;
}

MergedParcel OrderMerger::merge(const std::vector<Id>& order_ids, Timestamp now) {
    std::vector<MergeCandidate> orders;
    for (Id id : order_ids) {
        std::optional<MergeCandidate> c = candidate(id);
        if (!c) throw NotFound(trf("Order #{0} does not exist", std::to_string(id)));
        orders.push_back(std::move(*c));
    }
    const MergeCandidate& head = orders[choose_parcel_head(orders)];
    sql::Statement& join = db_.statement(
        "INSERT INTO order_merge(order_id, parcel_order_id, merged_at, merged_by) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(order_id) DO NOTHING");
    sql::Statement& release = db_.statement(
        "DELETE FROM order_waybill WHERE order_id = ? RETURNING carrier, tracking_no");
    std::vector<std::string> joined_now;
    MergedParcel parcel{head.order_id, head.order_no, {}, {}};
    for (const MergeCandidate& c : orders) {
        if (c.order_id == head.order_id || c.parcel_id == head.order_id) continue;
        join.reset();
        join.bind(1, static_cast<int64_t>(c.order_id));
        join.bind(2, static_cast<int64_t>(head.order_id));
        join.bind(3, static_cast<int64_t>(now));
        join.bind(4, actor_.user);
        join.exec();
        joined_now.push_back(c.order_no);
        if (!c.has_waybill) continue;
        release.reset();
        release.bind(1, static_cast<int64_t>(c.order_id));
        std::string waybill;
        if (release.step()) waybill = release.column(0).text() + " " + release.column(1).text();
        release.reset();
        if (waybill.empty()) continue;
        audit(db_, actor_, "order.waybill.release", c.order_no,
              trf("{0}: the order ships in parcel {1}; cancel this waybill with the carrier",
                  waybill, head.order_no));
        parcel.released_waybills.push_back(waybill);
    }
    parcel.order_nos = order_numbers(db_, parcel_orders(db_, head.order_id));
    if (!joined_now.empty())
        audit(db_, actor_, "order.merge", head.order_no,
              trf("{0} ship in one parcel with {1}", joined(joined_now), head.order_no));
    return parcel;
}

std::vector<std::string> OrderMerger::unmerge(Id order_id) {
    std::optional<MergeCandidate> c = candidate(order_id);
    if (!c) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    if (!c->parcel_id)
        throw InvalidInput(trf("Order {0} is not merged with another order", c->order_no));
    if (c->packed)
        throw InvalidInput(
            trf("Order {0}'s parcel is packed already: it ships as one parcel", c->order_no));
    Id head = *c->parcel_id;
    std::vector<Id> leaving;
    if (head == order_id) {
        std::vector<Id> all = parcel_orders(db_, head);
        leaving.assign(all.begin(), all.end());
        sql::Statement& s = db_.statement("DELETE FROM order_merge WHERE parcel_order_id = ?");
        s.bind(1, static_cast<int64_t>(head));
        s.exec();
    } else {
        leaving.push_back(order_id);
        sql::Statement& s = db_.statement("DELETE FROM order_merge WHERE order_id = ?");
        s.bind(1, static_cast<int64_t>(order_id));
        s.exec();
    }
    std::vector<std::string> nos = order_numbers(db_, leaving);
    std::string head_no = order_numbers(db_, {head}).front();
    audit(db_, actor_, "order.unmerge", head_no, trf("{0} ship on their own again", joined(nos)));
    return nos;
}

std::optional<MergedParcel> OrderMerger::merge_with_partners(Id order_id, Timestamp now,
                                                             std::string* why) {
    std::optional<MergeCandidate> self = candidate(order_id);
    if (!self) return std::nullopt;
    if (auto refused = merge_refusal(*self)) {
        if (why) *why = *refused;
        return std::nullopt;
    }
    // Indexed look-ups: the platform's key, then the receiver's phone within the store.
    sql::Statement& phone = db_.statement("SELECT receiver_phone FROM shop_order WHERE id = ?");
    phone.bind(1, static_cast<int64_t>(order_id));
    phone.step();
    std::string receiver_phone = phone.column(0).text();
    phone.reset();
    sql::Statement& by_key = db_.statement(
        "SELECT id FROM shop_order WHERE store_id = ? AND merge_key = ? AND merge_key <> '' "
        "AND status = 'to_ship' AND id <> ?");
    sql::Statement& by_phone = db_.statement(
        "SELECT id FROM shop_order WHERE store_id = ? AND receiver_phone = ? "
        "AND status = 'to_ship' AND id <> ?");
    std::vector<Id> found;
    for (auto [q, value] :
         {std::pair{&by_key, self->platform_merge_key}, std::pair{&by_phone, receiver_phone}}) {
        q->bind(1, static_cast<int64_t>(self->store_id));
        q->bind(2, value);
        q->bind(3, static_cast<int64_t>(order_id));
        while (q->step())
            found.push_back(q->column(0).int64());
        q->reset();
    }
    // Whole parcels join through their heads; the earlier orders lead, so the parcel keeps the
    // head (and the waybill) it already has.
    std::sort(found.begin(), found.end());
    std::vector<Id> members;
    for (Id id : found) {
        std::optional<MergeCandidate> other = candidate(id);
        if (!other || !same_destination(*self, *other) || merge_refusal(*other)) continue;
        Id joining = other->parcel_id.value_or(id);
        if (std::find(members.begin(), members.end(), joining) == members.end())
            members.push_back(joining);
    }
    Id own = self->parcel_id.value_or(order_id);
    if (std::find(members.begin(), members.end(), own) == members.end()) members.push_back(own);
    if (members.size() < 2) {
        if (self->parcel_id) return MergedParcel{*self->parcel_id, "", {}, {}};
        if (why) *why = tr("no other waiting order to the same receiver");
        return std::nullopt;
    }
    try {
        return merge(members, now);
    } catch (const InvalidInput& e) {
        if (why) *why = e.what();
        return std::nullopt;
    }
}

bool OrderMerger::leave_if_changed(Id order_id) {
    sql::Statement& merged = db_.statement(
        "SELECT EXISTS (SELECT 1 FROM order_merge WHERE order_id = ?1 OR parcel_order_id = ?1)");
    merged.bind(1, static_cast<int64_t>(order_id));
    merged.step();
    bool in_parcel = merged.column(0).int32() != 0;
    merged.reset();
    if (!in_parcel) return false;
    std::optional<MergeCandidate> self = candidate(order_id);
    if (!self || !self->parcel_id || self->packed) return false;
    bool gone = self->status == OrderStatus::cancelled || self->status == OrderStatus::refunded ||
                self->status == OrderStatus::completed || self->status == OrderStatus::shipped;
    std::vector<Id> others = parcel_orders(db_, order_id);
    bool moved = false;
    for (Id other : others) {
        if (other == order_id) continue;
        std::optional<MergeCandidate> o = candidate(other);
        if (o && !same_destination(*self, *o)) moved = true;
    }
    if (!gone && !moved) return false;
    // A parcel of two falls apart whichever order leaves; a larger one loses only this order
    // (or, when it was the head, every member goes its own way).
    unmerge(order_id);
    return true;
}

std::vector<std::vector<Id>> OrderMerger::mergeable() {
    sql::Statement s(connection(db_),
                     std::string(kCandidate) +
                         "WHERE o.status = 'to_ship' AND o.allocation <> "
                         "'shipped' ORDER BY ifnull(o.paid_at, o.created_at), o.id");
    std::vector<MergeCandidate> all;
    while (s.step())
        all.push_back(candidate_from(s));
    return mergeable_groups(all);
}

}  // namespace dj
