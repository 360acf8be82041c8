// The dashboard's figures open what they count: a click on 缺货订单 shows just the orders short
// of stock (and 显示全部订单 every order again), a click on 商品未对应 the listings to map, a
// click on 偏低 under stock just the places whose stock runs low.
#define BOOST_TEST_MODULE gui_dashboard_tests
#include <boost/test/unit_test.hpp>

#include "gui_shop.h"
#include "ops/shop_queries.h"
#include "run_app.h"

using namespace dj;

BOOST_FIXTURE_TEST_SUITE(gui_dashboard, test::GuiShop)

BOOST_AUTO_TEST_CASE(a_figure_opens_the_list_it_counts) {
    long long short_orders =
        count("SELECT count(*) FROM shop_order WHERE status = 'to_ship' AND allocation = 'short'");
    long long unmapped = count(
        "SELECT count(*) FROM shop_order WHERE status = 'to_ship' AND allocation = 'unmapped'");
    long long total = count("SELECT count(*) FROM shop_order");
    long long low = [this] {
        Database db(path, test::fixed_clock());
        return ops::dashboard(db).skus_low;
    }();
    BOOST_TEST_REQUIRE(low > 0);
    BOOST_TEST_REQUIRE(short_orders > 0);
    BOOST_TEST_REQUIRE(unmapped > 0);
    std::string all = std::to_string(total) + " 个订单";
    int status = test::drive_app(
        dir.file("home"), path, "dashboard",
        {"see:商品未对应", "click:缺货订单", "see:只看：缺货的订单",
         "see:" + std::to_string(short_orders) + " / " + all, "press:显示全部订单",
         "see:" + std::to_string(total) + " / " + all, "key:ctrl+1", "click:商品未对应",
         "see:卡住了 " + std::to_string(unmapped) + " 个等待发货的订单", "key:ctrl+1",
         "click:偏低（不足 7 天的销量）", "see:" + std::to_string(low) + " 行（只看：偏低）",
         "press:显示全部", "wait:0.3"});
    BOOST_TEST(status == 0);
}

BOOST_AUTO_TEST_SUITE_END()
