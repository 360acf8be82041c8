#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "core/orders/order.h"
#include "core/orders/order_intercept.h"
#include "core/orders/order_rule.h"
#include "core/orders/rule_evaluation.h"
#include "core/stock/sku_mapping.h"

namespace dj {

class Database;
struct FactQueries;

// One order as rules and intercepts see it.
struct ReviewSubject {
    Id order_id = 0;
    std::string platform_order_id;
    OrderFacts facts;
    InterceptSubject intercept;
    Allocation allocation = Allocation::none;
    std::optional<Id> warehouse_id;  // where it is (or would be) served from
    bool in_open_wave = false;
    int priority = 0;
    // What earlier reviews left, so a review that changes nothing writes nothing.
    std::string chosen_carrier;
    std::optional<Id> chosen_warehouse;
    bool has_rule_tags = false;
    bool has_gifts = false;
    bool has_rule_holds = false;
    // A person may have lifted a hold of it (order_hold_waiver); an order just taken in has none.
    bool may_have_waivers = true;
};

// Whether rules still decide anything for an order in this state: not once it is shipped or
// given up.
bool reviewable(OrderStatus status, Allocation allocation);

// Gathers facts with a few set-based queries, so a dry run over 50,000 orders stays fast.
class OrderFactsLoader {
  public:
    OrderFactsLoader(Database& db, const std::vector<OrderRule>& rules,
                     const std::vector<OrderIntercept>& active_intercepts);
    // The orders about to be taken in: when a rule counts a buyer's orders, their buyers'
    // stored orders are read for all of them at once, and the new ones are added as they come,
    // instead of a read per new order.
    void expect(const std::vector<Order>& orders);
    std::optional<ReviewSubject> one(Id order_id, Timestamp now);
    // An order just inserted (`order.id` set) whose lines map to `line_skus` (one entry per line,
    // empty when unmapped): what `one` would read back, taken from memory instead. A new order
    // has no tags, holds, gifts, wave, waybill or choices yet; only its buyer's other orders are
    // read. Stores and SKUs are read once per loader, which lives for one transaction.
    ReviewSubject new_order(const Order& order,
                            const std::vector<std::vector<SkuComponent>>& line_skus, Timestamp now);
    // Orders created in [since, until), oldest first.
    std::vector<ReviewSubject> created_between(Timestamp since, Timestamp until, Timestamp now);
    // Every order that is not yet shipped (for intercepts).
    std::vector<ReviewSubject> open_orders(Timestamp now);

    // The same buyer: the platform's buyer id when it gives one, else the same receiver.
    using BuyerKey = std::tuple<Id, std::string, std::string, std::string, std::string>;

  private:
    struct StoreFacts {
        std::string code;
        std::string platform;
        std::optional<Id> warehouse_id;  // where its orders are served from by default
    };
    struct SkuFacts {
        std::string code;
        std::optional<Fen> reference_price;
    };
    std::vector<ReviewSubject> load(const FactQueries& q, Timestamp a, Timestamp b, Timestamp now);
    void note_intercepts(ReviewSubject& r) const;
    std::vector<Timestamp> buyer_times(Id store_id, const std::string& nick,
                                       const std::string& name, const std::string& phone,
                                       const std::string& address, Timestamp created_at);
    const StoreFacts& store(Id store_id);
    const SkuFacts& sku(Id sku_id);
    Database& db_;
    const std::vector<OrderIntercept>& intercepts_;
    bool needs_buyers_ = false;  // some rule counts a buyer's orders
    int buyer_hours_ = 24;       // the longest look-back any buyer_orders condition needs
    std::unordered_map<Id, StoreFacts> stores_;
    std::unordered_map<Id, SkuFacts> skus_;
    // What expect() read: each expected buyer's orders (id, created) from `from` to `to`, while
    // the database's rows_generation() is still `generation`.
    struct ExpectedBuyers {
        std::map<BuyerKey, std::map<Id, Timestamp>> orders;
        Timestamp from = 0;
        Timestamp to = 0;
        std::uint64_t generation = 0;
    };
    std::optional<ExpectedBuyers> expected_;
    // The orders of a buyer expect() read, while what it read still holds.
    std::map<Id, Timestamp>* expected_orders(const BuyerKey& key);
};

}  // namespace dj
