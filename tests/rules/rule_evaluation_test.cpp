#include "core/orders/rule_evaluation.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "core/orders/order_intercept.h"
#include "core/orders/region.h"

using namespace dj;

namespace {

constexpr Timestamp kNow = 1'800'000'000;

OrderFacts facts() {
    OrderFacts f;
    f.platform = "taobao";
    f.store = "tb-main";
    f.status = OrderStatus::to_ship;
    f.province = "江苏省";
    f.city = "南京市";
    f.paid_amount = 12800;
    f.created_at = kNow - 600;
    f.now = kNow;
    f.lines = {{{"TEA-1"}, 2, 5000, 10000}, {{"CUP-1"}, 1, 2800, std::nullopt}};
    f.buyer_order_times = {f.created_at};
    return f;
}

RuleCondition cond(RuleField field, RuleOp op, std::vector<std::string> values = {},
                   long long number = 0) {
    RuleCondition c;
    c.field = field;
    c.op = op;
    c.values = std::move(values);
    c.number = number;
    return c;
}

bool matches(const RuleCondition& c, const OrderFacts& f) {
    return condition_matches(c, f).has_value();
}

OrderRule rule(std::string name, std::vector<RuleCondition> when, std::vector<RuleAction> then) {
    OrderRule r;
    r.name = std::move(name);
    r.conditions = std::move(when);
    r.actions = std::move(then);
    return r;
}

RuleAction act(RuleActionKind kind, std::string value = {}, int priority = 0) {
    RuleAction a;
    a.kind = kind;
    a.value = std::move(value);
    a.priority = priority;
    return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rule_evaluation)

BOOST_AUTO_TEST_CASE(list_fields_match_in_and_not_in) {
    OrderFacts f = facts();
    BOOST_TEST(matches(cond(RuleField::platform, RuleOp::in, {"jd", "taobao"}), f));
    BOOST_TEST(!matches(cond(RuleField::platform, RuleOp::in, {"jd"}), f));
    BOOST_TEST(matches(cond(RuleField::platform, RuleOp::not_in, {"jd"}), f));
    BOOST_TEST(matches(cond(RuleField::store, RuleOp::in, {"tb-main"}), f));
    BOOST_TEST(matches(cond(RuleField::status, RuleOp::in, {"to_ship"}), f));
    BOOST_TEST(!matches(cond(RuleField::status, RuleOp::in, {"refund_requested"}), f));
    // Province and city names match with or without their suffix.
    BOOST_TEST(matches(cond(RuleField::province, RuleOp::in, {"江苏"}), f));
    BOOST_TEST(matches(cond(RuleField::city, RuleOp::in, {"南京"}), f));
    BOOST_TEST(!matches(cond(RuleField::city, RuleOp::in, {"苏州"}), f));
    BOOST_TEST(matches(cond(RuleField::sku, RuleOp::in, {"CUP-1", "X"}), f));
    BOOST_TEST(!matches(cond(RuleField::sku, RuleOp::in, {"X"}), f));
    BOOST_TEST(matches(cond(RuleField::sku, RuleOp::not_in, {"X"}), f));
    f.seller_flag = 3;
    BOOST_TEST(matches(cond(RuleField::seller_flag, RuleOp::in, {"3"}), f));
}

BOOST_AUTO_TEST_CASE(numbers_compare_at_least_at_most_and_below) {
    OrderFacts f = facts();
    BOOST_TEST(matches(cond(RuleField::paid_amount, RuleOp::at_least, {}, 12800), f));
    BOOST_TEST(!matches(cond(RuleField::paid_amount, RuleOp::at_least, {}, 12801), f));
    BOOST_TEST(matches(cond(RuleField::paid_amount, RuleOp::at_most, {}, 12800), f));
    BOOST_TEST(!matches(cond(RuleField::paid_amount, RuleOp::below, {}, 12800), f));
    BOOST_TEST(matches(cond(RuleField::item_count, RuleOp::at_least, {}, 3), f));
    BOOST_TEST(!matches(cond(RuleField::item_count, RuleOp::at_least, {}, 4), f));
}

BOOST_AUTO_TEST_CASE(keywords_flags_and_times) {
    OrderFacts f = facts();
    f.buyer_note = "麻烦今天必须发，谢谢";
    auto note = cond(RuleField::buyer_note, RuleOp::contains, {"加急", "今天必须发"});
    auto seen = condition_matches(note, f);
    BOOST_TEST_REQUIRE(seen.has_value());
    BOOST_TEST(seen->find("今天必须发") != std::string::npos);
    BOOST_TEST(!matches(cond(RuleField::buyer_note, RuleOp::not_in, {"今天必须发"}), f));
    f.seller_memo = "";
    BOOST_TEST(!matches(cond(RuleField::seller_memo, RuleOp::contains, {"x"}), f));
    BOOST_TEST(!matches(cond(RuleField::presale, RuleOp::is_true), f));
    f.presale = true;
    BOOST_TEST(matches(cond(RuleField::presale, RuleOp::is_true), f));
    BOOST_TEST(!matches(cond(RuleField::promised_within, RuleOp::at_most, {}, 24), f));
    f.promised_ship_at = kNow + 5 * 3600;
    BOOST_TEST(matches(cond(RuleField::promised_within, RuleOp::at_most, {}, 6), f));
    BOOST_TEST(!matches(cond(RuleField::promised_within, RuleOp::at_most, {}, 4), f));
    f.promised_ship_at = kNow - 3600;  // already late counts as 0 hours left
    BOOST_TEST(matches(cond(RuleField::promised_within, RuleOp::at_most, {}, 0), f));
    BOOST_TEST(!matches(cond(RuleField::stock_short, RuleOp::is_true), f));
    f.stock_short = true;
    BOOST_TEST(matches(cond(RuleField::stock_short, RuleOp::is_true), f));
    BOOST_TEST(matches(cond(RuleField::region_paused, RuleOp::is_false), f));
}

BOOST_AUTO_TEST_CASE(buyer_orders_count_within_the_window_only) {
    OrderFacts f = facts();
    auto dup = cond(RuleField::buyer_orders, RuleOp::at_least, {}, 3);
    dup.hours = 24;
    f.buyer_order_times = {f.created_at - 25 * 3600, f.created_at - 3600, f.created_at};
    BOOST_TEST(!matches(dup, f));  // the first is outside 24 h
    f.buyer_order_times.push_back(f.created_at - 7200);
    BOOST_TEST(matches(dup, f));
    // Orders placed after this one do not count toward it.
    f.buyer_order_times = {f.created_at, f.created_at + 60, f.created_at + 120};
    BOOST_TEST(!matches(dup, f));
}

BOOST_AUTO_TEST_CASE(price_percent_takes_the_cheapest_line_with_a_reference) {
    OrderFacts f = facts();  // TEA-1 at 50.00 against 100.00: 50 percent; CUP-1 has none
    BOOST_TEST(matches(cond(RuleField::price_percent, RuleOp::below, {}, 60), f));
    BOOST_TEST(!matches(cond(RuleField::price_percent, RuleOp::below, {}, 50), f));
    BOOST_TEST(matches(cond(RuleField::price_percent, RuleOp::at_least, {}, 50), f));
    f.lines[0].reference_price.reset();
    BOOST_TEST(!matches(cond(RuleField::price_percent, RuleOp::below, {}, 60), f));
}

BOOST_AUTO_TEST_CASE(rules_run_in_order_with_conflicts_resolved) {
    OrderFacts f = facts();
    std::vector<OrderRule> rules{
        rule("to-gz", {cond(RuleField::province, RuleOp::in, {"江苏"})},
             {act(RuleActionKind::warehouse, "GZ"), act(RuleActionKind::priority, "", 2),
              act(RuleActionKind::tag, "江浙沪")}),
        rule("to-cz", {},
             {act(RuleActionKind::warehouse, "CZ"), act(RuleActionKind::carrier, "SF"),
              act(RuleActionKind::priority, "", 1), act(RuleActionKind::tag, "江浙沪")}),
        rule("off", {}, {act(RuleActionKind::tag, "never")}),
        rule("stopper", {cond(RuleField::paid_amount, RuleOp::at_least, {}, 100)},
             {act(RuleActionKind::priority, "", 5)}),
        rule("after-stop", {}, {act(RuleActionKind::tag, "late")}),
    };
    rules[2].enabled = false;
    rules[3].stop = true;
    ReviewOutcome out = evaluate_rules(rules, f);
    BOOST_TEST(out.matched_rules == (std::vector<std::string>{"to-gz", "to-cz", "stopper"}));
    BOOST_TEST(*out.warehouse == "GZ");  // the first rule to choose decides
    BOOST_TEST(*out.carrier == "SF");
    BOOST_TEST(*out.priority == 5);  // the highest wins
    BOOST_TEST(out.tags == (std::vector<std::string>{"江浙沪"}));
    const RuleDecision& lost = out.decisions[3];
    BOOST_TEST(lost.rule == "to-cz");
    BOOST_TEST(!lost.applied);
    BOOST_TEST(lost.note.find("to-gz") != std::string::npos);
    BOOST_TEST(!out.decisions[5].applied);  // priority 1 after 2
}

BOOST_AUTO_TEST_CASE(validation_names_the_rule_and_the_problem) {
    OrderRule r =
        rule("bad", {cond(RuleField::paid_amount, RuleOp::in, {"1"})}, {act(RuleActionKind::hold)});
    try {
        validate_rule(r);
        BOOST_FAIL("accepted an operator that does not fit");
    } catch (const InvalidInput& e) {
        std::string m = e.what();
        BOOST_TEST(m.find("bad") != std::string::npos);
        BOOST_TEST(m.find("paid_amount") != std::string::npos);
    }
    BOOST_CHECK_THROW(validate_rule(rule("x", {}, {})), InvalidInput);
    BOOST_CHECK_THROW(validate_rule(rule("x", {}, {act(RuleActionKind::priority, "", 10)})),
                      InvalidInput);
    BOOST_CHECK_THROW(validate_rule(rule("x", {}, {act(RuleActionKind::tag)})), InvalidInput);
    BOOST_CHECK_THROW(validate_rule(rule("x", {cond(RuleField::buyer_note, RuleOp::contains)},
                                         {act(RuleActionKind::hold)})),
                      InvalidInput);
    BOOST_CHECK_THROW(validate_rule_set({rule("a", {}, {act(RuleActionKind::hold)}),
                                         rule("a", {}, {act(RuleActionKind::hold)})}),
                      InvalidInput);
}

BOOST_AUTO_TEST_CASE(regions_and_intercepts_cover_what_they_name) {
    BOOST_TEST(short_region_name("广西壮族自治区") == "广西");
    BOOST_TEST(short_region_name("新疆维吾尔自治区") == "新疆");
    BOOST_TEST(short_region_name("上海市") == "上海");
    BOOST_TEST(short_region_name("江苏") == "江苏");
    BOOST_TEST(region_covers("江苏省", "", "江苏", "常州市"));
    BOOST_TEST(region_covers("江苏", "南京", "江苏省", "南京市"));
    BOOST_TEST(!region_covers("江苏", "南京", "江苏省", "常州市"));
    BOOST_TEST(!region_covers("浙江省", "", "江苏省", "常州市"));
    InterceptSubject o{"江苏省", "常州市", "tb-main", "ZTO", {"TEA-1"}};
    OrderIntercept i;
    i.scope = InterceptScope::sku;
    i.target = "TEA-1";
    BOOST_TEST(intercept_covers(i, o));
    i.target = "CUP-1";
    BOOST_TEST(!intercept_covers(i, o));
    i.scope = InterceptScope::carrier;
    i.target = "ZTO";
    BOOST_TEST(intercept_covers(i, o));
    i.scope = InterceptScope::store;
    i.target = "jd-main";
    BOOST_TEST(!intercept_covers(i, o));
}

BOOST_AUTO_TEST_SUITE_END()
