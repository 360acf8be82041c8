#include "ops/order_parcels.h"

#include "core/base/error.h"
#include "ops/access.h"
#include "ops/order_review.h"
#include "store/base/database.h"
#include "store/orders/order_allocation.h"
#include "store/orders/order_split.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {

MergedParcel merge_orders(Database& db, const Actor& actor, const std::vector<Id>& order_ids) {
    require(actor, Permission::ManageOrders);
    WriteTransaction tx(db);
    MergedParcel parcel = OrderMerger(db, actor).merge(order_ids, db.clock().now());
    tx.commit();
    return parcel;
}

std::optional<MergedParcel> merge_with_partners(Database& db, const Actor& actor, Id order_id,
                                                std::string* why) {
    require(actor, Permission::ManageOrders);
    WriteTransaction tx(db);
    std::optional<MergedParcel> parcel =
        OrderMerger(db, actor).merge_with_partners(order_id, db.clock().now(), why);
    tx.commit();
    return parcel;
}

std::vector<std::string> unmerge_order(Database& db, const Actor& actor, Id order_id) {
    require(actor, Permission::ManageOrders);
    WriteTransaction tx(db);
    std::vector<std::string> alone = OrderMerger(db, actor).unmerge(order_id);
    tx.commit();
    return alone;
}

std::vector<MergeGroup> mergeable_orders(Database& db, const Actor& actor, bool merge) {
    require(actor, Permission::ManageOrders);
    WriteTransaction tx(db);
    OrderMerger merger(db, actor);
    std::vector<MergeGroup> groups;
    for (std::vector<Id>& ids : merger.mergeable()) {
        MergeGroup g;
        g.orders = std::move(ids);
        if (merge) try {
                g.parcel = merger.merge(g.orders, db.clock().now());
            } catch (const InvalidInput& e) {
                g.refusal = e.what();
            }
        groups.push_back(std::move(g));
    }
    tx.commit();
    return groups;
}

std::vector<Id> split_order(Database& db, const Actor& actor, Id order_id) {
    require(actor, Permission::ManageOrders);
    StockPosting posting(db);
    OrderAllocator allocator(posting, rules_actor());
    std::vector<Id> parts = OrderSplitter(allocator, posting, actor).split(order_id);
    posting.commit();
    return parts;
}

Id unsplit_order(Database& db, const Actor& actor, Id order_id) {
    require(actor, Permission::ManageOrders);
    StockPosting posting(db);
    OrderReview review(posting);
    Id original = OrderSplitter(review.allocator(), posting, actor).unsplit(order_id);
    review.review(original);
    posting.commit();
    return original;
}

}  // namespace dj::ops
