#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/base/error.h"
#include "core/base/types.h"
#include "core/periods/period.h"
#include "core/stock/balance.h"
#include "core/stock/lot_allocation.h"
#include "core/stock/movement.h"
#include "core/stock/moving_average.h"

namespace dj {

// Where the book reads the state it has not seen yet; the store implements it over SQLite,
// tests over plain maps.
class StockSource {
  public:
    virtual ~StockSource() = default;
    virtual Balance load_balance(Id sku_id, Id warehouse_id) = 0;
    virtual std::vector<Lot> load_lots(Id sku_id, Id warehouse_id) = 0;
    virtual CostState load_cost(Id sku_id) = 0;
    virtual bool warehouse_allows_negative(Id warehouse_id) = 0;
    virtual std::string batch_expiry(Id batch_id) = 0;
    virtual int location_walk_order(Id location_id) = 0;
    // Human names for messages.
    virtual std::string sku_label(Id sku_id) = 0;
    virtual std::string warehouse_label(Id warehouse_id) = 0;
    virtual std::string location_label(Id location_id) = 0;
    // How far the books are closed; movements dated earlier are refused. Default: nothing.
    virtual ClosedThrough closed_through() { return {}; }
    // Today and the first expiry date the SKU's batches may ship with (lot_allocation.h).
    virtual ShelfDates shelf_dates(Id sku_id) = 0;
    // Where stock that comes in without a location is put; none: it stays without one.
    virtual std::optional<Id> receiving_location(Id warehouse_id) = 0;
    // The book reads these next, at once (a movement's first look at a SKU in a warehouse): a
    // source may fetch them together. Default: each is read when asked for.
    struct Needs {
        bool balance = false;
        bool lots = false;
        bool cost = false;
        bool closed = false;     // closed_through
        bool shelf = false;      // shelf_dates of the SKU
        bool receiving = false;  // receiving_location of the warehouse
    };
    virtual void expect(Id /*sku_id*/, Id /*warehouse_id*/, Needs /*needs*/) {}
};

// Receiving a batch that expired already, without saying it is meant (ReceiveArgs).
class ExpiredBatch : public InvalidInput {
  public:
    using InvalidInput::InvalidInput;
};

struct ReceiveArgs {
    Id sku_id = 0;
    Id warehouse_id = 0;
    Qty qty = 0;
    std::optional<Id> location_id;
    std::optional<Id> batch_id;
    std::optional<Fen> unit_cost;  // default: the current average
    // An expired batch is refused (ExpiredBatch) unless the person says it is meant; it then
    // counts as on hand and never as available.
    bool accept_expired = false;
};

// The stock rules of the ledger, applied to state loaded on demand. Each operation either
// appends its movements and updates balances, lots and costs, or throws and changes nothing.
// The caller persists pending movements and dirty state in one transaction.
class StockBook {
  public:
    explicit StockBook(StockSource& source) : source_(source) {}

    void receive(const MovementContext& ctx, const ReceiveArgs& args);
    // Ships qty units; the first `from_reserved` of them consume an existing reservation.
    void ship(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
              Qty from_reserved = 0);
    void transfer_out(const MovementContext& ctx, Id sku_id, Id from_warehouse, Id to_warehouse,
                      Qty qty);
    // Arrival of units sent by a transfer_out; `value` is what the outgoing movement carried.
    void transfer_in(const MovementContext& ctx, Id sku_id, Id to_warehouse, Id from_warehouse,
                     Qty qty, std::optional<Id> batch_id, Fen value);
    // Posts the adjustment that makes on hand (of the warehouse, or of one location) equal
    // `counted`. Returns the signed adjustment.
    Qty count(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty counted,
              std::optional<Id> location_id);
    void customer_return(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
                         std::optional<Id> location_id, std::optional<Id> batch_id);
    void scrap(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
               std::optional<Id> location_id, std::optional<Id> batch_id);
    // Put-away: moves qty units from one location (none: stock without a location) to another
    // of the same warehouse, from the given batch or first expired first; on hand, reservations
    // and cost stay as they are.
    void relocate(const MovementContext& ctx, Id sku_id, Id warehouse_id, Qty qty,
                  std::optional<Id> from_location, Id to_location, std::optional<Id> batch_id);

    void reserve(Id sku_id, Id warehouse_id, Qty qty);
    void release(Id sku_id, Id warehouse_id, Qty qty);

    Balance balance(Id sku_id, Id warehouse_id);
    // What may be reserved or leave now: on hand less reserved less the lots that may not ship.
    Qty available(Id sku_id, Id warehouse_id);
    // On hand in lots that may not ship (expired or too close to it).
    Qty unshippable(Id sku_id, Id warehouse_id);
    CostState cost(Id sku_id);
    const std::vector<Lot>& lots(Id sku_id, Id warehouse_id);

    // For persistence.
    struct BalanceEntry {
        Balance balance;
        bool dirty = false;
    };
    struct CostEntry {
        CostState cost;
        bool dirty = false;
    };
    struct Key {
        Id a = 0;
        Id b = 0;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept {
            return std::hash<Id>()(k.a * 1000003 ^ k.b);
        }
    };
    std::vector<Movement>& pending() { return pending_; }
    std::unordered_map<Key, BalanceEntry, KeyHash>& balances() { return balances_; }
    std::unordered_map<Key, std::vector<Lot>, KeyHash>& lot_sets() { return lots_; }
    std::unordered_map<Id, CostEntry>& costs() { return costs_; }

  private:
    BalanceEntry& balance_entry(Id sku_id, Id warehouse_id);
    std::vector<Lot>& lot_set(Id sku_id, Id warehouse_id);
    CostEntry& cost_entry(Id sku_id);
    // Reads at once what a movement of the SKU in the warehouse will read and the book has not
    // seen: asked for together, a shop server answers in one round trip instead of three.
    void load_for_movement(Id sku_id, Id warehouse_id);
    bool allows_negative(Id warehouse_id);
    Lot& lot_at(Id sku_id, Id warehouse_id, std::optional<Id> location_id,
                std::optional<Id> batch_id);
    Movement& append(const MovementContext& ctx, MovementKind kind, Id sku_id, Id warehouse_id,
                     const Lot* lot, Qty qty);
    // 1..kMaxQty (limits.h).
    void require_positive(Qty qty, Id sku_id);
    // Checked arithmetic: a figure that would not fit throws Overflow naming the SKU.
    [[noreturn]] void overflow(Id sku_id);
    Qty plus(Qty a, Qty b, Id sku_id);
    Fen cost_in(CostEntry& cost, Qty qty, Fen unit, Id sku_id);
    Fen cost_out(CostEntry& cost, Qty qty, bool moves_value, Id sku_id);
    void require_available(Id sku_id, Id warehouse_id, Qty needed, Qty available);
    const ShelfDates& shelf_dates(Id sku_id);
    // Where incoming stock goes: the location given, else the warehouse's receiving location.
    std::optional<Id> incoming_location(Id warehouse_id, std::optional<Id> given);
    // Takes qty units out of lots (FEFO, optionally pinned), posting one movement per lot.
    // `shippable_only`: stock leaving for an order or another warehouse takes no lot that may
    // not ship.
    void issue(const MovementContext& ctx, MovementKind kind, Id sku_id, Id warehouse_id, Qty qty,
               std::optional<Id> location_id, std::optional<Id> batch_id,
               std::optional<Id> counterpart, bool moves_value, bool shippable_only = false);

    StockSource& source_;
    std::unordered_map<Key, BalanceEntry, KeyHash> balances_;
    std::unordered_map<Key, std::vector<Lot>, KeyHash> lots_;
    std::unordered_map<Id, CostEntry> costs_;
    std::unordered_map<Id, bool> negative_allowed_;
    std::unordered_map<Id, ShelfDates> shelf_;
    std::unordered_map<Id, std::optional<Id>> receiving_;  // per warehouse
    std::optional<ClosedThrough> closed_;                  // read once per book
    std::vector<Movement> pending_;
};

}  // namespace dj
