#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "core/orders/parcel_merge.h"

namespace dj {

class Database;

// The orders that ship as one parcel with `order_id`: the parcel's head first, then the merged
// orders by id. Just the order itself when it is not merged.
std::vector<Id> parcel_orders(Database& db, Id order_id);
// The order a parcel is waved, labelled, packed and shipped under.
Id parcel_head(Database& db, Id order_id);

struct MergedParcel {
    Id head_id = 0;
    std::string head_no;
    std::vector<std::string> order_nos;  // head first
    // Tracking numbers the merged orders no longer use: the parcel ships under the head's, so
    // these are to be cancelled with the carrier.
    std::vector<std::string> released_waybills;
};

// Puts orders to the same receiver into one parcel (order_merge) and takes them out again.
// Every method works inside the caller's write transaction and audits with the actor.
class OrderMerger {
  public:
    OrderMerger(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}

    // Throws InvalidInput naming the order and the reason when they cannot ship together. The
    // merged orders' own waybills are released (see MergedParcel).
    MergedParcel merge(const std::vector<Id>& order_ids, Timestamp now);
    // Takes a merged order out of its parcel, or, named by its head, dissolves the parcel.
    // Refused once the parcel is packed. Returns the orders that now ship on their own.
    std::vector<std::string> unmerge(Id order_id);
    // The rule action: joins the order with every other order that may ship with it. Returns
    // the parcel, or nothing (with `why` set when something stood in the way).
    std::optional<MergedParcel> merge_with_partners(Id order_id, Timestamp now,
                                                    std::string* why = nullptr);
    // An order whose receiver changed, or that no longer waits to ship, leaves its parcel
    // (unless packed); true when it left.
    bool leave_if_changed(Id order_id);
    // Groups of waiting orders that could ship together and are not one parcel yet.
    std::vector<std::vector<Id>> mergeable();

  private:
    std::optional<MergeCandidate> candidate(Id order_id);

    Database& db_;
    Actor actor_;
};

}  // namespace dj
