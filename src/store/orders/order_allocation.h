#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/orders/order.h"
#include "core/stock/movement.h"
#include "core/stock/sku_mapping.h"
#include "store/orders/order_repository.h"
#include "store/orders/order_review.h"
#include "store/orders/order_split.h"

namespace dj {

class StockPosting;

// Holds stock for orders waiting to ship and lets it go when they no longer wait, inside one
// StockPosting: an order is allocated whole or not at all, so nothing oversells. Orders come
// in through ops::OrderIntake.
class OrderAllocator : public PartAllocation {
  public:
    explicit OrderAllocator(StockPosting& posting);

    // Puts an order just inserted through the rules and intercepts and allocates it as they
    // decide: its lines are mapped and its facts taken from `order` (given its id and line ids
    // here) instead of being read back.
    void review_new(Order& order, const UpsertResult& stored);
    // Puts a stored order through the rules again (after a change or a lifted intercept) and
    // allocates it as they decide.
    ReviewOutcome review(Id order_id) override;

    // Maps the order's lines to local SKUs and reserves them in the store's warehouse when its
    // status holds stock; releases them when it does not. Returns the resulting state.
    // `lines_mapped`: the caller has just mapped every line, so that is not looked at again.
    Allocation allocate(Id order_id, bool lines_mapped) override;
    void release(Id order_id) override;
    // Ships an allocated order, with every order merged into its parcel: their reservations
    // become ship movements. Refused whole when any of them cannot ship.
    std::vector<Movement> ship(Id order_id, const MovementContext& ctx);
    // Tries every waiting order not yet allocated, earliest paid first; returns how many now are.
    int allocate_waiting();

  private:
    struct Item {
        Id id = 0;
        Id sku_id = 0;
        Qty qty = 0;
        Qty reserved = 0;
        std::optional<Id> warehouse_id;
        bool presale = false;  // its line ships later
    };
    // `items`: the order's line items when the caller has them in hand, else they are read.
    Allocation allocate(const Order& order, bool lines_mapped, const std::vector<Item>* items);
    std::vector<Item> items_of(Id order_id);
    // Local SKUs for one platform line; empty when it maps to nothing.
    std::vector<SkuComponent> map_line(Id store_id, const OrderLine& line);
    // Maps the order's lines that have no local SKUs yet; true when every line has them.
    bool map_lines(Id order_id);
    // Maps one stored line and records its local SKUs (also in `items` when given); empty when
    // it maps to nothing.
    std::vector<SkuComponent> map_stored_line(Id store_id, const OrderLine& line,
                                              std::vector<Item>* items = nullptr);
    // The warehouse a rule chose for the order, else its store's.
    std::optional<Id> warehouse_for(Id order_id, Id store_id);
    void set_state(Id order_id, Allocation a, std::optional<Id> warehouse_id);
    // Throws StockRuleViolation when the order may not leave now (held, waved and unpacked,
    // not allocated).
    void check_can_ship(const Order& order, Id parcel_head);

    StockPosting& posting_;
    OrderRepository orders_;
    OrderReviewer reviewer_;
    std::map<std::pair<Id, std::string>, std::optional<SkuMapping>> mapping_cache_;
    std::map<std::string, std::optional<Id>> sku_code_cache_;
    std::map<Id, std::optional<Id>> warehouse_cache_;
};

}  // namespace dj
