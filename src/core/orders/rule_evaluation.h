#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/orders/order.h"
#include "core/orders/order_rule.h"

namespace dj {

// One platform line as the rules see it: the local SKUs it maps to and, when every one has a
// reference price, what one unit should cost.
struct RuleLine {
    std::vector<std::string> skus;
    Qty quantity = 0;
    Fen unit_price = 0;
    std::optional<Fen> reference_price;
};

// Everything a rule may look at, gathered before evaluation so evaluation is pure.
struct OrderFacts {
    std::string platform;
    std::string store;
    OrderStatus status = OrderStatus::to_ship;
    std::string province;
    std::string city;
    Fen paid_amount = 0;
    int seller_flag = 0;
    std::string seller_memo;
    std::string buyer_note;
    bool presale = false;
    Timestamp created_at = 0;
    std::optional<Timestamp> promised_ship_at;
    std::vector<RuleLine> lines;
    // When the same buyer's orders in the same store were placed (this one included).
    std::vector<Timestamp> buyer_order_times;
    bool stock_short = false;
    bool region_paused = false;
    Timestamp now = 0;
};

// Which rule did what, and why: kept on the order so its history explains itself.
struct RuleDecision {
    std::string rule;
    RuleAction action;
    std::string why;      // the matched conditions, for people (deferred text: readable())
    bool applied = true;  // false: an earlier rule already decided this (see `note`)
    std::string note;     // deferred text
};

struct ReviewOutcome {
    std::vector<RuleDecision> decisions;
    std::vector<std::string> matched_rules;
    // The effective result (only from applied decisions).
    std::vector<std::string> tags;
    std::optional<int> priority;
    std::optional<std::string> warehouse;
    std::optional<Id> warehouse_id;  // `warehouse` as the shop knows it, when it exists
    std::optional<std::string> carrier;
    bool merge = false;  // join the receiver's other waiting orders in one parcel
};

// Whether one condition holds, and a short text saying what was seen when it does.
std::optional<std::string> condition_matches(const RuleCondition& c, const OrderFacts& facts);

// Applies the enabled rules in order. Several rules may match: tags and gifts add up, every hold
// is kept (each with its own reason), the highest priority wins, and the first rule to choose a
// warehouse or a carrier decides it (later choices are recorded as not applied). A matching rule
// with `stop` ends the evaluation.
ReviewOutcome evaluate_rules(const std::vector<OrderRule>& rules, const OrderFacts& facts);

}  // namespace dj
