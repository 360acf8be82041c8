#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/orders/order_rule.h"

namespace dj {

// Order rules as JSON: what `rules export` writes and `rules import` reads, and how the database
// keeps each rule. A file is a list of rules (or {"rules": [...]}, or one rule):
//   { "name": "duplicate-buyer", "enabled": true, "stop": false,
//     "when": [ { "field": "buyer_orders", "op": "at_least", "number": 3, "hours": 24 } ],
//     "then": [ { "action": "hold", "reason": "..." } ] }
// Conditions: "values" (a list, or one string in "value") for list and keyword fields, "number"
// for numeric ones (paid_amount in fen, price_percent in percent), nothing for flags.
// Actions: tag/warehouse/carrier take "value", hold/intercept "reason", priority "priority",
// gift "sku", "qty" and "if_short" (hold | ship_without). Every problem throws InvalidInput naming
// the source, the rule and the field.
std::vector<OrderRule> parse_rules_json(std::string_view text, std::string_view source);
OrderRule parse_rule_json(std::string_view text, std::string_view source);

std::string rule_to_json(const OrderRule& rule);
std::string rules_to_json(const std::vector<OrderRule>& rules);

}  // namespace dj
