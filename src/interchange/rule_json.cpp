#include "interchange/rule_json.h"

#include <nlohmann/json.hpp>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "interchange/import_text.h"

namespace dj {
namespace {

using json = nlohmann::json;

class RuleReader {
  public:
    explicit RuleReader(std::string_view source) : source_(source) {}

    OrderRule rule(const json& j, std::size_t position) {
        who_ = "#" + std::to_string(position + 1);
        if (!j.is_object()) fail("", tr("expected an object"));
        OrderRule r;
        r.name = text(j, "name", true);
        who_ = r.name;
        r.enabled = boolean(j, "enabled", true);
        r.stop = boolean(j, "stop", false);
        if (j.contains("when")) {
            const json& when = j.at("when");
            if (!when.is_array()) fail("when", tr("expected a list of conditions"));
            for (const json& c : when)
                r.conditions.push_back(condition(c));
        }
        if (!j.contains("then") || !j.at("then").is_array())
            fail("then", tr("expected a list of actions"));
        for (const json& a : j.at("then"))
            r.actions.push_back(action(a));
        return r;
    }

  private:
    [[noreturn]] void fail(std::string_view field, const std::string& problem) {
        throw InvalidInput(trf("{0}: rule {1}, field {2}: {3}", source_, who_, field, problem));
    }

    std::string text(const json& j, const char* key, bool required) {
        if (!j.contains(key)) {
            if (required) fail(key, tr("missing"));
            return "";
        }
        if (!j.at(key).is_string()) fail(key, tr("expected text"));
        std::string v = j.at(key).get<std::string>();
        if (required && v.empty()) fail(key, tr("must not be empty"));
        return v;
    }

    bool boolean(const json& j, const char* key, bool fallback) {
        if (!j.contains(key)) return fallback;
        if (!j.at(key).is_boolean()) fail(key, tr("expected true or false"));
        return j.at(key).get<bool>();
    }

    long long integer(const json& j, const char* key, long long fallback) {
        if (!j.contains(key)) return fallback;
        if (!j.at(key).is_number_integer()) fail(key, tr("expected a whole number"));
        return j.at(key).get<long long>();
    }

    RuleCondition condition(const json& j) {
        if (!j.is_object()) fail("when", tr("expected an object"));
        RuleCondition c;
        std::string field = text(j, "field", true);
        auto f = parse_rule_field(field);
        if (!f) fail("when.field", trf("unknown field {0}", field));
        c.field = *f;
        std::string op = text(j, "op", true);
        auto o = parse_rule_op(op);
        if (!o) fail("when.op", trf("unknown operator {0}", op));
        c.op = *o;
        if (j.contains("values")) {
            if (!j.at("values").is_array()) fail("when.values", tr("expected a list of texts"));
            for (const json& v : j.at("values")) {
                if (v.is_string())
                    c.values.push_back(v.get<std::string>());
                else if (v.is_number_integer())
                    c.values.push_back(std::to_string(v.get<long long>()));
                else
                    fail("when.values", tr("expected a list of texts"));
            }
        } else if (j.contains("value")) {
            c.values.push_back(text(j, "value", true));
        }
        c.number = integer(j, "number", 0);
        c.hours = static_cast<int>(integer(j, "hours", 24));
        return c;
    }

    RuleAction action(const json& j) {
        if (!j.is_object()) fail("then", tr("expected an object"));
        RuleAction a;
        std::string kind = text(j, "action", true);
        auto k = parse_rule_action(kind);
        if (!k) fail("then.action", trf("unknown action {0}", kind));
        a.kind = *k;
        switch (a.kind) {
            case RuleActionKind::hold:
            case RuleActionKind::intercept:
                a.value = text(j, "reason", false);
                break;
            case RuleActionKind::gift:
                a.value = text(j, "sku", true);
                a.qty = integer(j, "qty", 1);
                if (j.contains("if_short")) {
                    std::string s = text(j, "if_short", true);
                    auto g = parse_gift_shortfall(s);
                    if (!g) fail("then.if_short", trf("expected hold or ship_without, got {0}", s));
                    a.if_short = *g;
                }
                break;
            case RuleActionKind::priority:
                a.priority = static_cast<int>(integer(j, "priority", 1));
                break;
            case RuleActionKind::merge:
                break;
            default:
                a.value = text(j, "value", true);
        }
        return a;
    }

    std::string source_;
    std::string who_;
};

json condition_json(const RuleCondition& c) {
    json j{{"field", rule_field_code(c.field)}, {"op", rule_op_code(c.op)}};
    switch (c.field) {
        case RuleField::paid_amount:
        case RuleField::item_count:
        case RuleField::promised_within:
        case RuleField::price_percent:
            j["number"] = c.number;
            break;
        case RuleField::buyer_orders:
            j["number"] = c.number;
            j["hours"] = c.hours;
            break;
        case RuleField::presale:
        case RuleField::stock_short:
        case RuleField::region_paused:
            break;
        default:
            j["values"] = c.values;
    }
    return j;
}

json action_json(const RuleAction& a) {
    json j{{"action", rule_action_code(a.kind)}};
    switch (a.kind) {
        case RuleActionKind::hold:
        case RuleActionKind::intercept:
            if (!a.value.empty()) j["reason"] = a.value;
            break;
        case RuleActionKind::gift:
            j["sku"] = a.value;
            j["qty"] = a.qty;
            j["if_short"] = gift_shortfall_code(a.if_short);
            break;
        case RuleActionKind::priority:
            j["priority"] = a.priority;
            break;
        case RuleActionKind::merge:
            break;
        default:
            j["value"] = a.value;
    }
    return j;
}

json rule_json(const OrderRule& r) {
    json when = json::array();
    for (const RuleCondition& c : r.conditions)
        when.push_back(condition_json(c));
    json then = json::array();
    for (const RuleAction& a : r.actions)
        then.push_back(action_json(a));
    return {
        {"name", r.name}, {"enabled", r.enabled}, {"stop", r.stop}, {"when", when}, {"then", then}};
}

json parse_document(std::string_view text, std::string_view source) {
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        throw InvalidInput(
            trf("{0} is not valid JSON: it breaks off or has a mistake at {1} (byte {2}). Check "
                "the file's quotes, commas and brackets there.",
                source, text_position(text, e.byte > 0 ? e.byte - 1 : 0), std::to_string(e.byte)));
    }
}

}  // namespace

std::vector<OrderRule> parse_rules_json(std::string_view text, std::string_view source) {
    json doc = parse_document(text, source);
    if (doc.is_object() && doc.contains("rules")) doc = doc.at("rules");
    if (doc.is_object()) doc = json::array({doc});
    if (!doc.is_array()) throw InvalidInput(trf("{0}: expected a list of rules", source));
    RuleReader reader(source);
    std::vector<OrderRule> rules;
    for (std::size_t i = 0; i < doc.size(); ++i)
        rules.push_back(reader.rule(doc[i], i));
    validate_rule_set(rules);
    return rules;
}

OrderRule parse_rule_json(std::string_view text, std::string_view source) {
    OrderRule r = RuleReader(source).rule(parse_document(text, source), 0);
    validate_rule(r);
    return r;
}

std::string rule_to_json(const OrderRule& rule) {
    return rule_json(rule).dump();
}

std::string rules_to_json(const std::vector<OrderRule>& rules) {
    json out = json::array();
    for (const OrderRule& r : rules)
        out.push_back(rule_json(r));
    return out.dump(2);
}

}  // namespace dj
