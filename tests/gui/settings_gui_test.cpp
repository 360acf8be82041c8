// Settings as the owner uses them, through the real window: the shop's name typed and saved,
// then printed on the month-end report instead of the database file's name.
#define BOOST_TEST_MODULE gui_settings_tests

#include <boost/test/unit_test.hpp>

#include "gui_shop.h"
#include "run_app.h"
#include "standard_observers.h"

using namespace dj;

BOOST_FIXTURE_TEST_SUITE(gui_settings, test::GuiShop)

BOOST_AUTO_TEST_CASE(the_owner_names_the_shop) {
    BOOST_TEST_REQUIRE(test::drive_app(dir.file("home"), path, "settings",
                                       {"field:店铺名称（用于报表）：=山间茶铺", "press:保存名称",
                                        "wait:1"}) == 0);
    BOOST_TEST(text("SELECT name FROM shop_profile") == "山间茶铺");
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'shop.name' AND detail = "
                     "'山间茶铺'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
