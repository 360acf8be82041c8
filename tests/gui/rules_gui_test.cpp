// The rule form in the real window (AT-SPI; tests/gui/drive_app.py): a rule made from the lists
// (a condition on the paid amount in yuan, a tag and a priority), previewed on the waiting
// orders, saved; then checked in the database: the rule as stored (money in fen) and the
// waiting orders it tagged.
#define BOOST_TEST_MODULE gui_rules_tests
#include <boost/test/unit_test.hpp>

#include "gui_shop.h"
#include "run_app.h"

using namespace dj;

BOOST_FIXTURE_TEST_SUITE(gui_rules, test::GuiShop)

BOOST_AUTO_TEST_CASE(a_rule_made_with_the_form_tags_the_orders_it_catches) {
    long long big = count(
        "SELECT count(*) FROM shop_order WHERE status = 'to_ship' AND paid_amount_fen >= 30000");
    BOOST_TEST_REQUIRE(big > 0);
    BOOST_TEST_REQUIRE(
        test::drive_app(
            dir.file("home"), path, "rules",
            {"press:新建规则…", "field:规则名称：=大单加急", "pick:条件项：=实付金额（元）",
             "pick:判断：=至少", "field:值：=300", "press:添加条件", "pick:动作：=打标签",
             "field:动作内容：=大单", "press:添加动作", "pick:动作：=设优先级",
             "field:动作内容：=8", "press:添加动作", "press:在待发订单上预览",
             "see:个待发订单中会命中", "press:保存规则", "see:已按规则重新审核"}) == 0);
    std::string stored = text("SELECT definition FROM order_rule WHERE name = '大单加急'");
    BOOST_TEST(
        stored.find(R"("field":"paid_amount","number":30000,"op":"at_least")") != std::string::npos,
        stored);
    BOOST_TEST(stored.find(R"("action":"priority","priority":8)") != std::string::npos, stored);
    // Every waiting order of 300 yuan or more not yet in a wave carries the tag; no other does.
    BOOST_TEST(count("SELECT count(*) FROM order_tag t JOIN shop_order o ON o.id = t.order_id "
                     "WHERE t.tag = '大单' AND o.paid_amount_fen < 30000") == 0);
    BOOST_TEST(count("SELECT count(*) FROM order_tag WHERE tag = '大单' AND rule = '大单加急'") >
               0);
}

BOOST_AUTO_TEST_SUITE_END()
