#include "ops/order_review.h"

#include "store/orders/order_merge.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {

const Actor& rules_actor() {
    static const Actor actor{"rules", "system", ""};
    return actor;
}

OrderReview::OrderReview(StockPosting& posting)
    : posting_(posting),
      allocator_(posting, rules_actor()),
      reviewer_(posting.db(), posting.book()) {}

ReviewOutcome OrderReview::review_new(Order& order, const UpsertResult& stored) {
    OrderAllocator::MappedLines lines = allocator_.map_new(order, stored);
    // The reviewer releases before it changes the lines (gifts); it never allocates, so `order`
    // still says where the order is, and without a release the mapped items are still its items.
    bool items_current = true;
    ReviewOutcome outcome =
        reviewer_.review_new(order, lines.line_skus, posting_.db().clock().now(), [&] {
            items_current = false;
            allocator_.release(order.id);
        });
    allocator_.allocate_new(order, lines, items_current, outcome.warehouse_id);
    merge_if_asked(outcome, order.id);
    return outcome;
}

ReviewOutcome OrderReview::review(Id order_id) {
    // Rules look at the local SKUs, so lines are mapped first.
    bool mapped = allocator_.map_lines(order_id);
    ReviewOutcome outcome = reviewer_.review(order_id, posting_.db().clock().now(),
                                             [&] { allocator_.release(order_id); });
    allocator_.allocate(order_id, mapped);
    OrderMerger(posting_.db(), rules_actor()).leave_if_changed(order_id);
    merge_if_asked(outcome, order_id);
    return outcome;
}

void OrderReview::merge_if_asked(const ReviewOutcome& outcome, Id order_id) {
    if (outcome.merge)
        OrderMerger(posting_.db(), rules_actor())
            .merge_with_partners(order_id, posting_.db().clock().now());
}

}  // namespace dj::ops
