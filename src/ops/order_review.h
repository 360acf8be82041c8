#pragma once

#include "core/base/actor.h"
#include "core/orders/order.h"
#include "core/orders/rule_evaluation.h"
#include "store/orders/order_allocation.h"
#include "store/orders/order_review.h"

namespace dj {
class StockPosting;
struct UpsertResult;
}  // namespace dj

namespace dj::ops {

// Who what the order rules and the store's split policy do on their own is recorded as.
const Actor& rules_actor();

// Putting an order through the shop's rules and intercepts and then allocating it as they decided
// (warehouse, gifts, holds) and merging it when a rule says so, inside the caller's StockPosting.
// Every path that changes an order's facts ends here: a new or updated order from a platform, a
// lifted intercept, a split put back together.
class OrderReview {
  public:
    explicit OrderReview(StockPosting& posting);

    // The orders about to be taken in, so what the rules need of them is read for all at once.
    void expect(const std::vector<Order>& orders) {
        allocator_.expect(orders);
        reviewer_.expect(orders);
    }
    // An order just inserted: its lines are mapped and its facts taken from `order` (given its
    // id and line ids here) instead of being read back.
    ReviewOutcome review_new(Order& order, const UpsertResult& stored);
    // A stored order, after a change.
    ReviewOutcome review(Id order_id);

    OrderAllocator& allocator() { return allocator_; }

  private:
    // A rule asked for the order to share a parcel with others to the same receiver.
    void merge_if_asked(const ReviewOutcome& outcome, Id order_id);

    StockPosting& posting_;
    OrderAllocator allocator_;
    OrderReviewer reviewer_;
};

}  // namespace dj::ops
