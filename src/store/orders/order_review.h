#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/orders/order_intercept.h"
#include "core/orders/order_rule.h"
#include "core/orders/rule_evaluation.h"
#include "store/orders/order_facts.h"

namespace dj {

class Database;
class StockBook;

// One rule decision recorded on an order, newest last.
struct RuleLogEntry {
    Timestamp at = 0;
    std::string rule;
    std::string action;
    std::string detail;
    bool applied = true;
};
std::vector<RuleLogEntry> order_rule_log(Database& db, Id order_id);

// Every tag in use, for filters.
std::vector<std::string> order_tags_in_use(Database& db);

// The orders a change of rules applies to: waiting to ship, not in an open wave, not packed.
std::vector<Id> orders_rules_apply_to(Database& db);
// What rules decided for an order (priority, carrier, warehouse, rule tags, rule and intercept
// holds, gift lines, allocation) as one comparable text, to tell whether a review changed it.
std::string order_rule_state(Database& db, Id order_id);

// Puts one stored order through the shop's rules and standing intercepts, inside the caller's
// transaction, and records every decision on the order (order_rule_log). What rules decide is
// derived: reviewing again after a change drops rule holds, tags and gifts that no longer apply.
// A hold a person released stays released (order_hold_waiver).
class OrderReviewer {
  public:
    OrderReviewer(Database& db, StockBook& book);

    // The orders about to be reviewed, so what is known of them is read for all at once
    // (OrderFactsLoader::expect).
    void expect(const std::vector<Order>& orders);
    // `release_stock` runs before anything that invalidates the order's reservations (gift lines
    // change, another warehouse is chosen); the caller allocates again afterwards.
    ReviewOutcome review(Id order_id, Timestamp now, const std::function<void()>& release_stock);
    // The same for an order just inserted, without reading it back (OrderFactsLoader::new_order).
    ReviewOutcome review_new(const Order& order,
                             const std::vector<std::vector<SkuComponent>>& line_skus, Timestamp now,
                             const std::function<void()>& release_stock);

  private:
    struct GiftLine {
        std::string rule;
        Id sku_id = 0;
        std::string code;
        std::string name;
        Qty qty = 0;
        bool operator==(const GiftLine& o) const {
            return rule == o.rule && sku_id == o.sku_id && qty == o.qty;
        }
    };
    struct HoldWanted {
        std::string reason;
        bool intercept = false;
    };

    void load();
    ReviewOutcome decide(ReviewSubject& s, Timestamp now,
                         const std::function<void()>& release_stock);
    bool short_of_stock(const ReviewSubject& s);
    std::optional<Id> sku_id(const std::string& code, std::string* name);
    std::optional<Id> warehouse_id(const std::string& code);
    void apply_holds(const ReviewSubject& s, const std::map<std::string, HoldWanted>& wanted,
                     Timestamp now);
    void apply_tags(Id order_id, const std::vector<std::pair<std::string, std::string>>& tags);
    std::vector<GiftLine> current_gifts(Id order_id);
    bool apply_gifts(Id order_id, const std::vector<GiftLine>& gifts,
                     const std::function<void()>& release_stock);
    void log(Id order_id, Timestamp now, const RuleDecision& d);

    Database& db_;
    StockBook& book_;
    bool loaded_ = false;
    bool needs_stock_ = false;  // a rule looks at stock_short
    std::vector<OrderRule> rules_;
    std::vector<OrderIntercept> intercepts_;
    std::optional<OrderFactsLoader> loader_;
    std::map<std::string, std::optional<std::pair<Id, std::string>>> skus_;
    std::map<std::string, std::optional<Id>> warehouses_;
};

}  // namespace dj
