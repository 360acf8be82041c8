#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/orders/order.h"

namespace dj {

// Who a parcel goes to, as one comparable key: the masked name, phone and full address with
// blanks removed ("江苏省 南京市" and "江苏省南京市" are the same door). Empty when the order
// carries no receiver at all, so such orders never merge.
std::string receiver_key(const Receiver& r);

// An order as merging sees it.
struct MergeCandidate {
    Id order_id = 0;
    std::string order_no;
    Id store_id = 0;
    std::string platform_merge_key;  // the platform's own "can ship together" key, when given
    std::string receiver_key;
    OrderStatus status = OrderStatus::to_ship;
    Allocation allocation = Allocation::none;
    std::optional<Id> warehouse_id;
    bool packed = false;
    bool in_open_wave = false;
    bool has_waybill = false;
    std::optional<Id> parcel_id;  // the head of the parcel it already rides in
};

// Same store and the same receiver: by the platform's key when both orders carry one,
// otherwise by receiver_key.
bool same_destination(const MergeCandidate& a, const MergeCandidate& b);

// Why this order cannot join a parcel now (translated), or nothing when it can: it must still
// wait to ship, not be packed or in an open wave (its pick list is printed).
std::optional<std::string> merge_refusal(const MergeCandidate& c);

// Checks that the orders may become one parcel and picks its head: the order already heading a
// parcel among them, else the first with a waybill (its label can still be used), else the
// first. Throws InvalidInput naming the order and the reason (another store, another receiver,
// another warehouse, a member of another parcel, fewer than two orders, or a refusal above).
std::size_t choose_parcel_head(const std::vector<MergeCandidate>& orders);

// Groups of two or more orders that could ship as one parcel (each group in the given order),
// leaving out orders that cannot merge now and groups already merged as a whole.
std::vector<std::vector<Id>> mergeable_groups(const std::vector<MergeCandidate>& orders);

}  // namespace dj
