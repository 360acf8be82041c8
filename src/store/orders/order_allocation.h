#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/orders/order.h"
#include "core/stock/movement.h"
#include "core/stock/sku_mapping.h"
#include "store/base/batch_insert.h"
#include "store/orders/order_repository.h"
#include "store/orders/order_split.h"

namespace dj::sql {
class Statement;
}

namespace dj {

class StockPosting;

// Holds stock for orders waiting to ship and lets it go when they no longer wait, inside one
// StockPosting: an order is allocated whole or not at all, so nothing oversells. Orders come
// in through ops::OrderIntake.
class OrderAllocator : public PartAllocation {
  public:
    // `policy_actor`: who a split made by the store's split policy is recorded as.
    OrderAllocator(StockPosting& posting, Actor policy_actor);

    // One of an order's items: a local SKU and how much of it the order holds.
    struct Item {
        Id id = 0;
        Id sku_id = 0;
        Qty qty = 0;
        Qty reserved = 0;
        std::optional<Id> warehouse_id;
        bool presale = false;  // its line ships later
    };
    // The lines of an order just inserted, mapped to local SKUs.
    struct MappedLines {
        std::vector<std::vector<SkuComponent>> line_skus;  // per line; empty where none maps
        std::vector<Item> items;                           // as recorded
        bool all_mapped = true;
    };
    // A batch's orders come next (a sync's page): the mappings of all their lines are read at
    // once, not one round trip per listing.
    void expect(const std::vector<Order>& orders);
    // Maps the lines of an order just inserted (given its id and line ids here from `stored`)
    // without reading them back.
    MappedLines map_new(Order& order, const UpsertResult& stored);
    // Allocates an order just inserted. `items_current`: nothing changed its lines since
    // map_new, so neither they nor anything else known of a new order are read back;
    // `rule_warehouse`: the warehouse the rules chose for it.
    Allocation allocate_new(const Order& order, const MappedLines& lines, bool items_current,
                            std::optional<Id> rule_warehouse);
    // Maps the order's lines that have no local SKUs yet; true when every line has them.
    bool map_lines(Id order_id);
    // Maps the order's lines to local SKUs and reserves them in the store's warehouse when its
    // status holds stock; releases them when it does not. Returns the resulting state.
    // `lines_mapped`: the caller has just mapped every line, so that is not looked at again.
    Allocation allocate(Id order_id, bool lines_mapped) override;
    void release(Id order_id) override;
    // Ships an allocated order, with every order merged into its parcel: their reservations
    // become ship movements. Refused whole when any of them cannot ship.
    std::vector<Movement> ship(Id order_id, const MovementContext& ctx);
    // Tries every waiting order not yet allocated, most urgent (priority) first, then earliest
    // paid; returns how many now are.
    int allocate_waiting();
    // The same for the waiting orders that need one of these SKUs (stock of them appeared).
    int allocate_waiting_for(const std::set<Id>& sku_ids);
    // The same for a store's orders with lines not mapped to local SKUs (a mapping was added).
    int allocate_unmapped(Id store_id);
    // The SKUs whose reservations release() gave back since the last call, for the orders
    // waiting on them.
    std::set<Id> take_freed();

  private:
    // An order just taken in, as the caller has it in hand.
    struct Fresh {
        const MappedLines& lines;
        std::optional<Id> rule_warehouse;
    };
    // `fresh`: an order just taken in; without, what allocating needs is read.
    Allocation allocate(const Order& order, bool lines_mapped, const Fresh* fresh);
    OrderSplitter::FreshOrder fresh_order(const Order& order, const MappedLines& lines);
    std::vector<Item> items_of(Id order_id);
    // Local SKUs for one platform line; empty when it maps to nothing.
    std::vector<SkuComponent> map_line(Id store_id, const OrderLine& line);
    // Maps one stored line and records its local SKUs (also in `items` when given); empty when
    // it maps to nothing.
    std::vector<SkuComponent> map_stored_line(Id store_id, const OrderLine& line);
    // The warehouse a rule chose for the order, else its store's.
    std::optional<Id> warehouse_for(Id order_id, Id store_id);
    // The store's own warehouse, else the first.
    std::optional<Id> store_warehouse(Id store_id);
    void set_state(Id order_id, Allocation a, std::optional<Id> warehouse_id);
    // Throws StockRuleViolation when the order may not leave now (held, waved and unpacked,
    // not allocated).
    void check_can_ship(const Order& order, Id parcel_head);
    int allocate_all(sql::Statement& waiting);

    StockPosting& posting_;
    Actor policy_actor_;
    OrderRepository orders_;
    BatchInsert new_items_;  // a new order's items, all in one statement
    std::map<std::pair<Id, std::string>, std::optional<SkuMapping>> mapping_cache_;
    std::map<std::string, std::optional<Id>> sku_code_cache_;
    std::map<Id, std::optional<Id>> warehouse_cache_;
    std::map<Id, SplitPolicy> split_policies_;       // by store
    std::optional<std::vector<Id>> all_warehouses_;  // by id
    std::map<Id, std::string> warehouse_codes_;
    std::set<Id> freed_;
};

}  // namespace dj
