#include "core/orders/order_rule.h"

#include <array>
#include <set>
#include <utility>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {

constexpr std::array<std::pair<RuleField, std::string_view>, 17> kFields{{
    {RuleField::platform, "platform"},
    {RuleField::store, "store"},
    {RuleField::status, "status"},
    {RuleField::province, "province"},
    {RuleField::city, "city"},
    {RuleField::paid_amount, "paid_amount"},
    {RuleField::item_count, "item_count"},
    {RuleField::sku, "sku"},
    {RuleField::seller_flag, "seller_flag"},
    {RuleField::seller_memo, "seller_memo"},
    {RuleField::buyer_note, "buyer_note"},
    {RuleField::presale, "presale"},
    {RuleField::promised_within, "promised_within"},
    {RuleField::buyer_orders, "buyer_orders"},
    {RuleField::price_percent, "price_percent"},
    {RuleField::stock_short, "stock_short"},
    {RuleField::region_paused, "region_paused"},
}};

constexpr std::array<std::pair<RuleOp, std::string_view>, 8> kOps{{
    {RuleOp::in, "in"},
    {RuleOp::not_in, "not_in"},
    {RuleOp::at_least, "at_least"},
    {RuleOp::at_most, "at_most"},
    {RuleOp::below, "below"},
    {RuleOp::contains, "contains"},
    {RuleOp::is_true, "true"},
    {RuleOp::is_false, "false"},
}};

constexpr std::array<std::pair<RuleActionKind, std::string_view>, 8> kActions{{
    {RuleActionKind::tag, "tag"},
    {RuleActionKind::priority, "priority"},
    {RuleActionKind::hold, "hold"},
    {RuleActionKind::intercept, "intercept"},
    {RuleActionKind::warehouse, "warehouse"},
    {RuleActionKind::carrier, "carrier"},
    {RuleActionKind::gift, "gift"},
    {RuleActionKind::merge, "merge"},
}};

template <class E, std::size_t N>
std::string_view code_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [e, code] : table)
        if (e == value) return code;
    return "";
}

template <class E, std::size_t N>
std::optional<E> parse_code(const std::array<std::pair<E, std::string_view>, N>& table,
                            std::string_view code) {
    for (const auto& [e, c] : table)
        if (c == code) return e;
    return std::nullopt;
}

using Shape = RuleShape;

}  // namespace

RuleShape rule_field_shape(RuleField f) {
    switch (f) {
        case RuleField::paid_amount:
        case RuleField::item_count:
        case RuleField::promised_within:
        case RuleField::buyer_orders:
        case RuleField::price_percent:
            return Shape::number;
        case RuleField::presale:
        case RuleField::stock_short:
        case RuleField::region_paused:
            return Shape::flag;
        case RuleField::seller_memo:
        case RuleField::buyer_note:
            return Shape::keywords;
        default:
            return Shape::list;
    }
}

namespace {

bool op_fits(Shape shape, RuleOp op) {
    switch (shape) {
        case Shape::list:
            return op == RuleOp::in || op == RuleOp::not_in;
        case Shape::number:
            return op == RuleOp::at_least || op == RuleOp::at_most || op == RuleOp::below;
        case Shape::flag:
            return op == RuleOp::is_true || op == RuleOp::is_false;
        case Shape::keywords:
            return op == RuleOp::contains || op == RuleOp::not_in;
    }
    return false;
}

template <class E, std::size_t N>
std::vector<E> all_of(const std::array<std::pair<E, std::string_view>, N>& table) {
    std::vector<E> out;
    for (const auto& [e, code] : table)
        out.push_back(e);
    return out;
}

}  // namespace

bool rule_op_fits(RuleField f, RuleOp op) {
    return op_fits(rule_field_shape(f), op);
}

const std::vector<RuleField>& rule_fields() {
    static const std::vector<RuleField> all = all_of(kFields);
    return all;
}
const std::vector<RuleOp>& rule_ops() {
    static const std::vector<RuleOp> all = all_of(kOps);
    return all;
}
const std::vector<RuleActionKind>& rule_actions() {
    static const std::vector<RuleActionKind> all = all_of(kActions);
    return all;
}

std::string_view rule_field_code(RuleField f) {
    return code_of(kFields, f);
}
std::optional<RuleField> parse_rule_field(std::string_view code) {
    return parse_code(kFields, code);
}
std::string_view rule_op_code(RuleOp op) {
    return code_of(kOps, op);
}
std::optional<RuleOp> parse_rule_op(std::string_view code) {
    return parse_code(kOps, code);
}
std::string_view rule_action_code(RuleActionKind k) {
    return code_of(kActions, k);
}
std::optional<RuleActionKind> parse_rule_action(std::string_view code) {
    return parse_code(kActions, code);
}

std::string_view gift_shortfall_code(GiftShortfall g) {
    return g == GiftShortfall::hold ? "hold" : "ship_without";
}

std::optional<GiftShortfall> parse_gift_shortfall(std::string_view code) {
    if (code == "hold") return GiftShortfall::hold;
    if (code == "ship_without") return GiftShortfall::ship_without;
    return std::nullopt;
}

void validate_rule(const OrderRule& rule) {
    if (rule.name.empty()) throw InvalidInput(tr("A rule needs a name"));
    for (std::size_t i = 0; i < rule.conditions.size(); ++i) {
        const RuleCondition& c = rule.conditions[i];
        std::string where = std::to_string(i + 1);
        std::string field(rule_field_code(c.field));
        Shape shape = rule_field_shape(c.field);
        if (!op_fits(shape, c.op))
            throw InvalidInput(
                trf("Rule {0}, condition {1} ({2}): the operator {3} does not "
                    "fit this field",
                    rule.name, where, field, rule_op_code(c.op)));
        if ((shape == Shape::list || shape == Shape::keywords) && c.values.empty())
            throw InvalidInput(trf("Rule {0}, condition {1} ({2}): give at least one value",
                                   rule.name, where, field));
        if (shape == Shape::number && c.number < 0)
            throw InvalidInput(
                trf("Rule {0}, condition {1} ({2}): the number must not be "
                    "negative",
                    rule.name, where, field));
        if (c.field == RuleField::buyer_orders && c.hours <= 0)
            throw InvalidInput(trf("Rule {0}, condition {1} ({2}): hours must be at least 1",
                                   rule.name, where, field));
    }
    if (rule.actions.empty())
        throw InvalidInput(trf("Rule {0} has no actions: say what it does", rule.name));
    for (std::size_t i = 0; i < rule.actions.size(); ++i) {
        const RuleAction& a = rule.actions[i];
        std::string where = std::to_string(i + 1);
        std::string kind(rule_action_code(a.kind));
        bool needs_value = a.kind == RuleActionKind::tag || a.kind == RuleActionKind::warehouse ||
                           a.kind == RuleActionKind::carrier || a.kind == RuleActionKind::gift;
        if (needs_value && a.value.empty())
            throw InvalidInput(
                trf("Rule {0}, action {1} ({2}): give its value", rule.name, where, kind));
        if (a.kind == RuleActionKind::priority &&
            (a.priority < 0 || a.priority > kMaxOrderPriority))
            throw InvalidInput(trf("Rule {0}, action {1}: priority must be 0 to 9, got {2}",
                                   rule.name, where, std::to_string(a.priority)));
        if (a.kind == RuleActionKind::gift && a.qty < 1)
            throw InvalidInput(
                trf("Rule {0}, action {1}: a gift quantity must be at least 1", rule.name, where));
    }
}

void validate_rule_set(const std::vector<OrderRule>& rules) {
    std::set<std::string> names;
    for (const OrderRule& r : rules) {
        validate_rule(r);
        if (!names.insert(r.name).second)
            throw InvalidInput(trf("Two rules are named {0}: names must be unique", r.name));
    }
}

}  // namespace dj
