#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace dj {

// What a condition looks at. Codes are fixed: they are the rule file's and the database's words.
enum class RuleField {
    platform,         // values: platform codes
    store,            // values: store codes
    status,           // values: order status codes
    province,         // values: province names ("江苏" matches "江苏省")
    city,             // values: city names
    paid_amount,      // number: fen
    item_count,       // number: units over all lines
    sku,              // values: local SKU codes; the order holds any of them
    seller_flag,      // values: flag numbers ("1".."5")
    seller_memo,      // values: keywords, any of them
    buyer_note,       // values: keywords, any of them
    presale,          // no value: the order is a presale
    promised_within,  // number: hours until the promised ship time (or already late)
    buyer_orders,     // number: orders by the same buyer within `hours` (this one included)
    price_percent,    // number: the cheapest line's unit price as a percentage of its reference
    stock_short,      // no value: some line cannot be served from the order's warehouse
    region_paused,    // no value: an active region intercept covers the address
};

enum class RuleOp { in, not_in, at_least, at_most, below, contains, is_true, is_false };

struct RuleCondition {
    RuleField field = RuleField::status;
    RuleOp op = RuleOp::in;
    std::vector<std::string> values;
    long long number = 0;
    int hours = 24;  // buyer_orders only: how far back to count
};

enum class RuleActionKind {
    tag,
    priority,
    hold,
    intercept,  // a hold that stops the packer too: the order may already be picked
    warehouse,
    carrier,
    gift,
    merge,  // ship in one parcel with the receiver's other waiting orders of the store
};

// What to do with a gift that is out of stock.
enum class GiftShortfall { hold, ship_without };

struct RuleAction {
    RuleActionKind kind = RuleActionKind::tag;
    std::string value;  // tag text, hold reason, warehouse / carrier / gift SKU code
    int priority = 0;   // priority only
    Qty qty = 1;        // gift only
    GiftShortfall if_short = GiftShortfall::hold;
};

// Conditions all hold (an empty list always matches); actions run in their order.
struct OrderRule {
    Id id = 0;
    std::string name;  // unique; how people and the CLI name the rule
    bool enabled = true;
    bool stop = false;  // later rules are not evaluated for an order this one matched
    std::vector<RuleCondition> conditions;
    std::vector<RuleAction> actions;
};

// What a field's condition compares: one of some values, a number, yes or no, or keywords in a
// text. The operators that fit each: list in/not_in; number at_least/at_most/below; flag
// is_true/is_false; keywords contains/not_in.
enum class RuleShape { list, number, flag, keywords };
RuleShape rule_field_shape(RuleField f);
bool rule_op_fits(RuleField f, RuleOp op);
// Every field, every operator and every action, in the order the editor offers them.
const std::vector<RuleField>& rule_fields();
const std::vector<RuleOp>& rule_ops();
const std::vector<RuleActionKind>& rule_actions();

std::string_view rule_field_code(RuleField f);
std::optional<RuleField> parse_rule_field(std::string_view code);
std::string_view rule_op_code(RuleOp op);
std::optional<RuleOp> parse_rule_op(std::string_view code);
std::string_view rule_action_code(RuleActionKind k);
std::optional<RuleActionKind> parse_rule_action(std::string_view code);
std::string_view gift_shortfall_code(GiftShortfall g);
std::optional<GiftShortfall> parse_gift_shortfall(std::string_view code);

// Refuses (InvalidInput naming the rule, the condition or action and the field) an operator
// that does not fit its field, a missing value, a priority outside 0..9 or a gift quantity < 1.
void validate_rule(const OrderRule& rule);
// Names must be unique within a rule set.
void validate_rule_set(const std::vector<OrderRule>& rules);

// Highest priority a rule or a person may give an order; waves take higher numbers first.
inline constexpr int kMaxOrderPriority = 9;

}  // namespace dj
