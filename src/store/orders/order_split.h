#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "core/orders/order.h"
#include "core/orders/order_allocation_decision.h"
#include "core/orders/split_plan.h"
#include "store/orders/order_repository.h"

namespace dj {

class Database;
class StockPosting;

// What splitting asks of allocation (OrderAllocator, which asks the split policy in turn): the
// parts of a split reserve and release there.
class PartAllocation {
  public:
    virtual ~PartAllocation() = default;
    // `lines_mapped`: every line has its local SKUs already.
    virtual Allocation allocate(Id order_id, bool lines_mapped) = 0;
    virtual void release(Id order_id) = 0;
};

// A platform's new copy of an order that is split here, spread over the parts.
struct SplitUpdate {
    UpsertResult result;            // the original's
    std::vector<Id> changed_parts;  // to be put through the rules again
};

// Sets a store's policy (by code or name); NotFound when there is no such store.
void save_split_policy(Database& db, const std::string& store, SplitPolicy p);
SplitPolicy store_split_policy(Database& db, Id store_id);

// The platform order ids of every part of the split `order_id` belongs to, the original first;
// just the order's own when it is not split.
std::vector<std::string> split_part_numbers(Database& db, Id order_id);

// The platform order id a shipment of this order is confirmed under: a split part's original's
// (the platform knows only that one), else the order's own.
std::string shipment_subject(Database& db, Id order_id);

// Splits an order into parts, one per warehouse, and puts them back together. The first part
// stays the original order; each other part is a new order "<original>-2", "-3"… pointing at it
// (shop_order.split_from) with the header copied, its lines moved over with their items, its
// share of the paid amount, and its warehouse as rule_warehouse_id, where it is allocated.
// Each part records the split in its history (order_rule_log) and the change is audited.
// Works inside the caller's StockPosting, through its allocation.
class OrderSplitter {
  public:
    // An order its caller has just taken in, as the caller knows it: not split, nothing waived,
    // no split hold yet. What apply_policy would otherwise read back, one statement each.
    struct FreshOrder {
        std::string number;
        std::vector<SplitLine> lines;  // mapped, with their items
        SplitPolicy policy = SplitPolicy::hold;
        std::vector<Id> warehouses;  // every warehouse, by id
        std::map<Id, std::string> warehouse_codes;
    };

    OrderSplitter(PartAllocation& allocator, StockPosting& posting, Actor actor);

    // Splits by availability, presale lines apart. Throws InvalidInput naming the order when it
    // is already split, shipped, no longer waiting, on the packing line, or when one warehouse
    // can serve it whole or none of them can. Returns the parts' order ids, the original first.
    std::vector<Id> split(Id order_id);
    // Puts every part of the split that `order_id` belongs to back into the original (which is
    // not split automatically again). Refused while a part is packed, shipped, being packed or in
    // a wave. Returns the original's id: the caller reviews and allocates it again.
    Id unsplit(Id order_id);

    // From OrderAllocator::allocate, for an order whose chosen warehouse cannot serve it whole
    // (`whole` false) or that has presale lines: under the store's policy "split" the order is
    // split and the original's allocation returned; under "hold" (or after a person put it back
    // together) it gets a split hold saying what to do, and nothing is returned, as when no split
    // would help. Parts of a split are never split again.
    std::optional<Allocation> apply_policy(Id order_id, Id warehouse_id, bool whole,
                                           const FreshOrder* fresh = nullptr);

    // From ops::OrderIntake, when the platform sends an order that is split here. Same lines as
    // all the parts together (by line number): the header and status go to every part not yet
    // shipped; the parts that changed are returned for review. Lines changed: the parts are put
    // back first and nothing is returned, so the caller replaces the lines as for any order; when
    // a part is already on its way, the split stays and the original's history says the lines
    // need a look. Nothing either for an order that is not split.
    std::optional<SplitUpdate> accept_update(Id order_id, const Order& incoming);

  private:
    struct Part {
        Id id = 0;
        std::string number;
        Allocation allocation = Allocation::none;
    };
    std::vector<Part> parts_of(Id original_id);
    Id original_of(Id order_id);
    std::vector<SplitLine> plan_lines(Id order_id);
    // By what every warehouse has available now, the preferred one first; `all`: every
    // warehouse when the caller knows them.
    std::vector<SplitPart> plan(Id preferred_warehouse, const std::vector<SplitLine>& lines,
                                const std::vector<Id>* all = nullptr);
    // Why a part cannot be put back (packed, shipped, on the packing line); empty when it can.
    std::string busy(const Part& part, bool original);
    std::vector<Id> apply(Id order_id, const std::vector<SplitPart>& plan);
    std::vector<Fen> part_values(const std::vector<Part>& parts);
    void put_back(Id original_id, const std::vector<Part>& parts);
    void log(Id order_id, const std::string& action, const std::string& detail);
    std::string warehouse_code(Id warehouse_id);

    PartAllocation& allocator_;
    StockPosting& posting_;
    Database& db_;
    Actor actor_;
    Timestamp now_;
};

}  // namespace dj
