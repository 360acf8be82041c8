#include "ops/ship_order.h"

#include <set>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/fulfilment/outbox.h"
#include "ops/access.h"
#include "ops/cost_visibility.h"
#include "ops/order_review.h"
#include "ops/waybills.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/fulfilment/outbox_repository.h"
#include "store/fulfilment/pack_queries.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/orders/order_merge.h"
#include "store/orders/order_repository.h"
#include "store/orders/order_split.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {
namespace {

// The waybill the parcel leaves under: the label's, or the one given (checked, and replacing the
// label's only when the person says the parcel was relabelled).
Waybill settle_waybill(Database& db, const Actor& actor, const ShipOrder& r,
                       const std::string& order_no) {
    std::optional<Waybill> label = find_waybill(db, r.order_id);
    if (r.carrier.empty() && r.tracking.empty()) {
        if (!label)
            throw InvalidInput(
                trf("Order {0} has no waybill yet: give the carrier and the tracking number "
                    "(order ship {0} --carrier CODE --tracking NO)",
                    order_no));
        return *label;
    }
    if (r.carrier.empty() || r.tracking.empty())
        throw InvalidInput(
            trf("Order {0}: give both the carrier and the tracking number", order_no));
    Waybill given = checked_waybill(r.order_id, order_no, r.carrier, r.tracking, db.clock().now());
    bool same = label && label->carrier == given.carrier && label->tracking_no == given.tracking_no;
    if (same) return *label;
    if (label && !r.relabel)
        throw InvalidInput(
            trf("Order {0}: its label carries {1} {2}, not {3} {4}; ship under the label's "
                "number, or relabel the parcel and confirm the new number (--relabel)",
                order_no, label->carrier, label->tracking_no, given.carrier, given.tracking_no));
    if (label)
        audit(db, actor, "order.relabel", order_no,
              label->carrier + " " + label->tracking_no + " -> " + given.carrier + " " +
                  given.tracking_no);
    return record_waybill(db, actor, order_no, std::move(given));
}

}  // namespace

Shipped ship_order(Database& db, const Actor& actor, const ShipOrder& r) {
    require(actor, Permission::Fulfil);
    const Timestamp now = db.clock().now();
    StockPosting posting(db);
    std::optional<Order> order = OrderRepository(db).find(r.order_id);
    if (!order) throw NotFound(trf("Order #{0} does not exist", std::to_string(r.order_id)));
    Shipped shipped;
    shipped.order_id = r.order_id;
    shipped.order_no = order->platform_order_id;
    // Whether it may ship at all (cancelled, short, in a wave and not packed) comes first.
    OrderAllocator(posting, rules_actor())
        .ship(r.order_id, {now, order->platform_order_id, "order shipped", actor});
    Waybill waybill = settle_waybill(db, actor, r, order->platform_order_id);
    shipped.carrier = waybill.carrier;
    shipped.tracking = waybill.tracking_no;
    // Each platform order of a merged parcel is told it shipped, all under the one waybill; a
    // split part is reported under the order the platform knows, once: the platform takes one
    // confirmation per order (a second would fail and be retried for ever), so later parts
    // are recorded here only.
    OrderRepository orders(db);
    OutboxRepository outbox(db);
    std::set<std::string> told;
    for (Id id : parcel_orders(db, r.order_id)) {
        std::optional<Order> member = id == r.order_id ? order : orders.find(id);
        const std::string& order_no = member->platform_order_id;
        shipped.orders.push_back(order_no);
        audit(db, actor, "order.ship", order_no, waybill.carrier + " " + waybill.tracking_no);
        OutboxEntry entry;
        entry.store_id = member->store_id;
        entry.kind = OutboxKind::shipment;
        entry.subject = shipment_subject(db, id);
        entry.carrier = waybill.carrier;
        entry.tracking_no = waybill.tracking_no;
        entry.created_at = now;
        if (!told.insert(entry.subject).second) continue;
        if (std::optional<std::string> first =
                outbox.shipment_tracking(entry.store_id, entry.subject)) {
            audit(db, actor, "order.ship.part", order_no,
                  trf("{0} {1}: order {2} was confirmed to the platform with {3} when its first "
                      "part shipped; the platform keeps one tracking number per order",
                      waybill.carrier, waybill.tracking_no, entry.subject, *first));
            continue;
        }
        outbox.enqueue(entry);
        ++shipped.confirmations;
    }
    shipped.movements = posting.commit();
    hide_costs(actor, shipped.movements);
    return shipped;
}

Id find_order(Database& db, const std::string& order, const std::string& store) {
    // "#123", the local number, is the packers' way (store/fulfilment/pack_queries.h).
    if (order.size() > 1 && order[0] == '#') {
        if (std::optional<Id> id = find_order_for_packing(db, order)) return *id;
        throw NotFound(trf("Order {0} does not exist", order));
    }
    std::vector<Id> found = OrderRepository(db).find_ids(order, store);
    if (found.empty())
        throw NotFound(store.empty() ? trf("Order {0} is not stored; sync its store first", order)
                                     : trf("Order {0} is not stored in {1}; sync the store first",
                                           order, store));
    if (found.size() > 1)
        throw InvalidInput(trf("Order {0} exists in several stores: name one with --store", order));
    return found.front();
}

}  // namespace dj::ops
