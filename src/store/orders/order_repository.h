#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/orders/order.h"
#include "core/orders/order_summary.h"
#include "store/base/batch_insert.h"

namespace dj {

class Database;

enum class UpsertOutcome { created, updated, unchanged, stale };

struct UpsertResult {
    Id id = 0;
    UpsertOutcome outcome = UpsertOutcome::created;
    bool lines_changed = false;
    std::vector<Id> line_ids;  // the lines written, in the order's order; empty when none were
};

// Canonical orders. Writes run inside the caller's transaction.
class OrderRepository {
  public:
    explicit OrderRepository(Database& db);

    // Keyed by store and platform order id: importing the same order again updates it and never
    // duplicates it; an older copy (modified earlier than the stored one) is ignored. Changed
    // lines replace the old ones; their reservations must have been released (see
    // OrderAllocator::release) — lines_changed tells the caller. `stored`: what find() gives
    // for the order's key (none when new), which the caller has read already.
    UpsertResult upsert(const Order& order, const std::optional<Order>& stored);
    std::optional<Order> find(Id id);
    std::optional<Id> find_id(Id store_id, const std::string& platform_order_id);
    // The stored ones of a store's order numbers, a chunk of numbers per statement.
    std::map<std::string, Id> find_ids(Id store_id, const std::vector<std::string>& numbers);
    // What the shop keeps of its own on an order: the priority (0–9) and the staff note.
    struct LocalFields {
        int priority = 0;
        std::string note;
    };
    LocalFields local_fields(Id id);
    void save_local_fields(Id id, const LocalFields& fields);
    // The orders still to ship with their store's platform code, in id order.
    std::vector<std::pair<Id, std::string>> to_ship_platforms();
    // The orders with this platform order id, in the store with this code or name (any store
    // when empty).
    std::vector<Id> find_ids(const std::string& platform_order_id, const std::string& store);
    std::vector<OrderSummary> list(const OrderFilter& filter);

  private:
    Database& db_;
    BatchInsert headers_;  // a new order, held on a server (store/base/held_rows.h)
    BatchInsert lines_;    // an order's lines, all in one statement, held as its header
};

}  // namespace dj
