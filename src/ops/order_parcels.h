#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "store/orders/order_merge.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Merging orders to one receiver into one parcel and splitting an order over warehouses, each one
// transaction with the actor, dated by the database's clock (see store/orders/order_merge.h and
// store/orders/order_split.h for the rules).

MergedParcel merge_orders(Database& db, const Actor& actor, const std::vector<Id>& order_ids);
// The order with every waiting order of its store to the same receiver; none (and `why`) when
// there is nothing to merge it with.
std::optional<MergedParcel> merge_with_partners(Database& db, const Actor& actor, Id order_id,
                                                std::string* why);
// The order leaves its parcel (named by the parcel's head, the parcel dissolves); the orders
// that ship on their own again.
std::vector<std::string> unmerge_order(Database& db, const Actor& actor, Id order_id);

struct MergeGroup {
    std::vector<Id> orders;
    std::optional<MergedParcel> parcel;  // when merged
    std::string refusal;                 // why this group could not merge
};
// Waiting orders of one store to the same receiver, group by group; with `merge`, each group is
// merged (a group that cannot merge does not stop the others).
std::vector<MergeGroup> mergeable_orders(Database& db, const Actor& actor, bool merge);

// The parts the order now ships as, by availability; its original id first.
std::vector<Id> split_order(Database& db, const Actor& actor, Id order_id);
// The original order, whole again (given the original or any part).
Id unsplit_order(Database& db, const Actor& actor, Id order_id);

}  // namespace dj::ops
