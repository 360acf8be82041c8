#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/orders/order_rule.h"

namespace dj {

// Rules as people read them, in the interface language: the rule editor, the rules list, the
// dry run and the reasons rules give. The codes stay in the rule files and the database.
std::string rule_field_name(RuleField f);
std::string rule_op_name(RuleField f, RuleOp op);  // "mentions none of" for keywords' not_in
std::string rule_action_name(RuleActionKind k);
// One value as named: platform and status codes by name, anything else as it is.
std::string rule_value_name(RuleField f, const std::string& value);
// A list as a person types it ("淘宝/天猫，京东" or "taobao, jd"; commas of either width, 、 or
// semicolons between): the values as stored, names of platforms and statuses turned into codes.
std::vector<std::string> parse_rule_values(RuleField f, std::string_view text);
// "Paid amount (yuan) at least 100.00", "Platform is one of Taobao/Tmall, JD".
std::string describe_condition(const RuleCondition& c);
// "Add a tag: 加急", "Add a gift: GIFT-01 x1 (when short: hold the order)".
std::string describe_action(const RuleAction& a);
// An order history's action as logged ("tag 加急", "intercept", "split CZ", "unsplit") in words.
std::string logged_action_text(std::string_view logged);
// The whole rule in one line: "conditions => actions" ("every order" without conditions).
std::string describe_rule(const OrderRule& r);

}  // namespace dj
