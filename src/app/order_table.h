#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "ops/order_queries.h"

namespace dj {

class Database;

enum class OrderColumn {
    order_id,
    store,
    status,
    allocation,
    receiver,
    region,
    items,
    units,
    amount,
    created,
    promised,
    count
};

// The parts of the orders the dashboard counts, as the orders view shows them when a figure is
// clicked; each means what its SQL count means (store/base/dashboard_queries.cpp).
enum class OrderFocus { all, waiting, due_soon, overdue, short_stock, to_intercept, held };
// By the names the dashboard uses ("short", "due"…); all for any other.
OrderFocus parse_order_focus(const std::string& name);
bool in_focus(const OrderRow& r, OrderFocus focus, Timestamp now);

struct OrderQuery {
    std::string store;           // code; empty: all
    std::string status;          // code; empty: all
    std::string text;            // order id, receiver, SKU or seller code, region
    Timestamp created_from = 0;  // only orders created at or after this; 0: any time
    bool held_only = false;
    std::string tag;  // only orders with this tag; empty: any
    OrderFocus focus = OrderFocus::all;
    Timestamp now = 0;  // what "due" and "overdue" are measured from
    OrderColumn sort = OrderColumn::created;
    bool ascending = true;
};

// The orders of the shop with a visible index: filtering and sorting rebuild the index only.
class OrderTable {
  public:
    // Reads every order as `actor` may see it, counting in `progress`; returns early (with what it
    // has) when `progress.cancel` becomes true.
    static std::vector<OrderRow> read(Database& db, const Actor& actor, Progress& progress);

    void load(std::vector<OrderRow> rows);
    void apply(const OrderQuery& query);
    std::size_t size() const { return index_.size(); }
    std::size_t total() const { return rows_.size(); }
    const OrderRow& row(std::size_t visible) const { return rows_[index_[visible]]; }
    // The visible position of an order id (for keeping a selection), or -1.
    long find(Id id) const;

  private:
    std::vector<OrderRow> rows_;
    std::vector<std::uint32_t> index_;
};

}  // namespace dj
