#include "core/orders/rule_text.h"

#include <algorithm>

#include "core/base/money.h"
#include "core/base/platform.h"
#include "core/base/text.h"
#include "core/base/translate.h"
#include "core/orders/order.h"

namespace dj {

std::string rule_field_name(RuleField f) {
    switch (f) {
        case RuleField::platform:
            return tr("Platform");
        case RuleField::store:
            return tr("Store");
        case RuleField::status:
            return tr("Order status");
        case RuleField::province:
            return tr("Province");
        case RuleField::city:
            return tr("City");
        case RuleField::paid_amount:
            return tr("Paid amount (yuan)");
        case RuleField::item_count:
            return tr("Items (units)");
        case RuleField::sku:
            return tr("SKU");
        case RuleField::seller_flag:
            return tr("Seller flag");
        case RuleField::seller_memo:
            return tr("Seller memo");
        case RuleField::buyer_note:
            return tr("Buyer note");
        case RuleField::presale:
            return tr("Presale");
        case RuleField::promised_within:
            return tr("Hours until the promised shipping time");
        case RuleField::buyer_orders:
            return tr("Orders by the same buyer");
        case RuleField::price_percent:
            return tr("Lowest price as a percentage of the reference price");
        case RuleField::stock_short:
            return tr("Short of stock");
        case RuleField::region_paused:
            return tr("Address in a paused region");
    }
    return std::string(rule_field_code(f));
}

std::string rule_op_name(RuleField f, RuleOp op) {
    bool words = rule_field_shape(f) == RuleShape::keywords;
    switch (op) {
        case RuleOp::in:
            return tr("is one of");
        case RuleOp::not_in:
            return words ? tr("mentions none of") : tr("is none of");
        case RuleOp::at_least:
            return tr("at least");
        case RuleOp::at_most:
            return tr("at most");
        case RuleOp::below:
            return tr("below");
        case RuleOp::contains:
            return tr("mentions any of");
        case RuleOp::is_true:
            return tr("yes");
        case RuleOp::is_false:
            return tr("no");
    }
    return std::string(rule_op_code(op));
}

std::string rule_action_name(RuleActionKind k) {
    switch (k) {
        case RuleActionKind::tag:
            return tr("Add a tag");
        case RuleActionKind::priority:
            return tr("Set the priority");
        case RuleActionKind::hold:
            return tr("Hold the order");
        case RuleActionKind::intercept:
            return tr("Intercept (packing stops too)");
        case RuleActionKind::warehouse:
            return tr("Ship from warehouse");
        case RuleActionKind::carrier:
            return tr("Use carrier");
        case RuleActionKind::gift:
            return tr("Add a gift");
        case RuleActionKind::merge:
            return tr("Ship with the receiver's other orders");
    }
    return std::string(rule_action_code(k));
}

std::string rule_value_name(RuleField f, const std::string& value) {
    if (f == RuleField::platform)
        if (std::optional<Platform> p = platform_from_code(value)) return platform_name(*p);
    if (f == RuleField::status)
        if (std::optional<OrderStatus> s = order_status_from_code(value))
            return order_status_name(*s);
    return value;
}

std::vector<std::string> parse_rule_values(RuleField f, std::string_view text) {
    std::vector<std::string> out;
    std::string all(text);
    for (const char* wide : {"，", "、", "；"})
        for (std::size_t at = all.find(wide); at != std::string::npos; at = all.find(wide))
            all.replace(at, std::string_view(wide).size(), ",");
    std::replace(all.begin(), all.end(), ';', ',');
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t end = all.find(',', start);
        if (end == std::string::npos) end = all.size();
        std::string item(trimmed(std::string_view(all).substr(start, end - start)));
        start = end + 1;
        if (item.empty()) continue;
        if (f == RuleField::platform)
            for (Platform p :
                 {Platform::taobao, Platform::jd, Platform::pinduoduo, Platform::douyin})
                if (item == platform_name(p)) item = std::string(platform_code(p));
        if (f == RuleField::status)
            for (OrderStatus s :
                 {OrderStatus::pending_payment, OrderStatus::to_ship, OrderStatus::shipped,
                  OrderStatus::completed, OrderStatus::cancelled, OrderStatus::refund_requested,
                  OrderStatus::refunded})
                if (item == order_status_name(s)) item = std::string(order_status_code(s));
        out.push_back(item);
    }
    return out;
}

std::string describe_condition(const RuleCondition& c) {
    std::string field = rule_field_name(c.field);
    std::string op = rule_op_name(c.field, c.op);
    switch (rule_field_shape(c.field)) {
        case RuleShape::flag:
            return trf("{0}: {1}", field, op);
        case RuleShape::number: {
            std::string number = c.field == RuleField::paid_amount ? format_yuan(c.number)
                                                                   : std::to_string(c.number);
            if (c.field == RuleField::buyer_orders)
                return trf("{0} within {1} h {2} {3}", field, std::to_string(c.hours), op, number);
            return trf("{0} {1} {2}", field, op, number);
        }
        case RuleShape::list:
        case RuleShape::keywords:
            break;
    }
    std::string values;
    for (const std::string& v : c.values)
        values += (values.empty() ? "" : tr(", ")) + rule_value_name(c.field, v);
    return trf("{0} {1} {2}", field, op, values);
}

std::string describe_action(const RuleAction& a) {
    std::string name = rule_action_name(a.kind);
    switch (a.kind) {
        case RuleActionKind::priority:
            return trf("{0}: {1}", name, std::to_string(a.priority));
        case RuleActionKind::gift:
            return trf("{0}: {1} x{2} ({3})", name, a.value, std::to_string(a.qty),
                       a.if_short == GiftShortfall::hold ? tr("when short: hold the order")
                                                         : tr("when short: ship without it"));
        case RuleActionKind::hold:
        case RuleActionKind::intercept:
            return a.value.empty() ? name : trf("{0}: {1}", name, a.value);
        case RuleActionKind::merge:
            return name;
        case RuleActionKind::tag:
        case RuleActionKind::warehouse:
        case RuleActionKind::carrier:
            break;
    }
    return trf("{0}: {1}", name, a.value);
}

std::string logged_action_text(std::string_view logged) {
    std::string_view code = logged.substr(0, logged.find(' '));
    std::string_view rest =
        code.size() < logged.size() ? logged.substr(code.size() + 1) : std::string_view();
    std::string name;
    if (std::optional<RuleActionKind> k = parse_rule_action(code))
        name = rule_action_name(*k);
    else if (code == "split")
        name = tr("Split over warehouses");
    else if (code == "unsplit")
        name = tr("Put the split parts back together");
    else if (logged == "lines changed")
        return tr("The platform changed the lines");
    else
        return std::string(logged);
    return rest.empty() ? name : trf("{0}: {1}", name, rest);
}

std::string describe_rule(const OrderRule& r) {
    std::string when, then;
    for (const RuleCondition& c : r.conditions)
        when += (when.empty() ? "" : tr(" and ")) + describe_condition(c);
    for (const RuleAction& a : r.actions)
        then += (then.empty() ? "" : tr("; ")) + describe_action(a);
    return (when.empty() ? tr("every order") : when) + "  =>  " + then;
}

}  // namespace dj
