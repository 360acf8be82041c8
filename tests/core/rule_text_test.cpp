#include "core/orders/rule_text.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

BOOST_AUTO_TEST_SUITE(rule_text)

BOOST_AUTO_TEST_CASE(typed_lists_become_stored_codes) {
    // Names of platforms and statuses as a person types them, any comma.
    std::vector<std::string> p =
        parse_rule_values(RuleField::platform, "Taobao/Tmall，jd、 Douyin ");
    BOOST_TEST((p == std::vector<std::string>{"taobao", "jd", "douyin"}));
    std::vector<std::string> s = parse_rule_values(RuleField::status, "Refund requested; to_ship");
    BOOST_TEST((s == std::vector<std::string>{"refund_requested", "to_ship"}));
    // Other fields keep the text; empty items are dropped.
    std::vector<std::string> k = parse_rule_values(RuleField::seller_memo, "加急,, 今天发 ");
    BOOST_TEST((k == std::vector<std::string>{"加急", "今天发"}));
    BOOST_TEST(parse_rule_values(RuleField::sku, " , ").empty());
}

BOOST_AUTO_TEST_CASE(conditions_actions_and_rules_read_as_words) {
    RuleCondition paid{RuleField::paid_amount, RuleOp::at_least, {}, 30000, 24};
    BOOST_TEST(describe_condition(paid) == "Paid amount (yuan) at least 300.00");
    RuleCondition where{RuleField::platform, RuleOp::in, {"taobao", "jd"}, 0, 24};
    BOOST_TEST(describe_condition(where) == "Platform is one of Taobao/Tmall, JD");
    RuleCondition memo{RuleField::seller_memo, RuleOp::not_in, {"急"}, 0, 24};
    BOOST_TEST(describe_condition(memo) == "Seller memo mentions none of 急");
    RuleCondition buyer{RuleField::buyer_orders, RuleOp::at_least, {}, 3, 48};
    BOOST_TEST(describe_condition(buyer) == "Orders by the same buyer within 48 h at least 3");
    RuleCondition presale{RuleField::presale, RuleOp::is_true, {}, 0, 24};
    BOOST_TEST(describe_condition(presale) == "Presale: yes");

    RuleAction gift{RuleActionKind::gift, "GIFT-01", 0, 2, GiftShortfall::ship_without};
    BOOST_TEST(describe_action(gift) == "Add a gift: GIFT-01 x2 (when short: ship without it)");
    RuleAction priority{RuleActionKind::priority, "", 8, 1, GiftShortfall::hold};
    BOOST_TEST(describe_action(priority) == "Set the priority: 8");

    OrderRule r;
    r.conditions = {paid, where};
    r.actions = {priority, {RuleActionKind::tag, "大单", 0, 1, GiftShortfall::hold}};
    BOOST_TEST(describe_rule(r) ==
               "Paid amount (yuan) at least 300.00 and Platform is one of Taobao/Tmall, JD  =>  "
               "Set the priority: 8; Add a tag: 大单");
    r.conditions.clear();
    BOOST_TEST(describe_rule(r).rfind("every order  =>  ", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
