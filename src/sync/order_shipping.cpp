#include "sync/order_shipping.h"

#include <set>

#include "core/error.h"
#include "core/outbox.h"
#include "core/translate.h"
#include "store/audit_log.h"
#include "store/catalogue_repository.h"
#include "store/order_allocation.h"
#include "store/order_merge.h"
#include "store/order_split.h"
#include "store/outbox_repository.h"
#include "store/stock_posting.h"

namespace dj {

Id ship_order(Database& db, const ShipRequest& r, const Actor& actor, Timestamp now) {
    if (r.carrier.empty() || r.tracking_no.empty())
        throw InvalidInput(
            trf("Order {0}: give the carrier and the tracking number", r.platform_order_id));
    StockPosting posting(db);
    SQLite::Statement find(db.sql(),
                           "SELECT o.id, o.store_id FROM shop_order o JOIN shop_store s "
                           "ON s.id = o.store_id WHERE o.platform_order_id = ? "
                           "AND (? = '' OR s.code = ? OR s.name = ?)");
    find.bind(1, r.platform_order_id);
    for (int i = 2; i <= 4; ++i)
        find.bind(i, r.store);
    std::vector<std::pair<Id, Id>> found;
    while (find.executeStep())
        found.emplace_back(find.getColumn(0).getInt64(), find.getColumn(1).getInt64());
    if (found.empty())
        throw NotFound(r.store.empty() ? trf("Order {0} is not stored; sync its store first",
                                             r.platform_order_id)
                                       : trf("Order {0} is not stored in {1}; sync the store first",
                                             r.platform_order_id, r.store));
    if (found.size() > 1)
        throw InvalidInput(
            trf("Order {0} exists in several stores: name one with --store", r.platform_order_id));
    auto [order_id, store_id] = found.front();
    OrderAllocator allocator(posting);
    allocator.ship(order_id, {now, r.platform_order_id, "order shipped", actor});
    // Each platform order of a merged parcel is told it shipped, all under the one waybill; a
    // split part is reported under the order the platform knows, once: the platform takes one
    // confirmation per order (a second would fail and be retried for ever), so later parts
    // are recorded here only.
    SQLite::Statement number(db.sql(), "SELECT platform_order_id FROM shop_order WHERE id = ?");
    SQLite::Statement confirmed(db.sql(),
                                "SELECT tracking_no FROM outbox WHERE store_id = ? AND "
                                "kind = 'shipment' AND subject = ? ORDER BY id LIMIT 1");
    std::set<std::string> told;
    for (Id id : parcel_orders(db, order_id)) {
        number.reset();
        number.bind(1, static_cast<int64_t>(id));
        number.executeStep();
        std::string order_no = number.getColumn(0).getString();
        audit(db, actor, "order.ship", order_no, r.carrier + " " + r.tracking_no);
        OutboxEntry entry;
        entry.store_id = store_id;
        entry.kind = OutboxKind::shipment;
        entry.subject = shipment_subject(db, id);
        entry.carrier = r.carrier;
        entry.tracking_no = r.tracking_no;
        entry.created_at = now;
        if (!told.insert(entry.subject).second) continue;
        confirmed.reset();
        confirmed.bind(1, static_cast<int64_t>(store_id));
        confirmed.bind(2, entry.subject);
        if (confirmed.executeStep()) {
            audit(db, actor, "order.ship.part", order_no,
                  trf("{0} {1}: order {2} was confirmed to the platform with {3} when its first "
                      "part shipped; the platform keeps one tracking number per order",
                      r.carrier, r.tracking_no, entry.subject, confirmed.getColumn(0).getString()));
            continue;
        }
        OutboxRepository(db).enqueue(entry);
    }
    posting.commit();
    return order_id;
}

}  // namespace dj
