// Settings as the owner uses them, through the real window: the shop's name typed and saved;
// a new store added (name, platform, warehouse), its credentials tried against a simulated
// platform (refused, then accepted) and kept.
#define BOOST_TEST_MODULE gui_settings_tests

#include <boost/test/unit_test.hpp>

#include "gui_shop.h"
#include "ops/shop_setup.h"
#include "ops/users.h"
#include "run_app.h"
#include "simulator/platform_simulator.h"
#include "standard_observers.h"
#include "test_clock.h"

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

// A pack bench is named once in Settings; what it records afterwards carries that name, and the
// next start keeps it.
BOOST_AUTO_TEST_CASE(the_workstation_is_named_and_its_changes_carry_the_name) {
    BOOST_TEST_REQUIRE(test::drive_app(dir.file("home"), path, "settings",
                                       {"field:本工作站名称（记录在每笔库存变动上）：=打包台2",
                                        "press:保存工作站名称", "press:确定",
                                        "field:店铺名称（用于报表）：=山间茶铺", "press:保存名称",
                                        "wait:1"}) == 0);
    BOOST_TEST(text("SELECT workstation FROM audit_log WHERE action = 'shop.name'") == "打包台2");
    BOOST_TEST(test::read_all(dir.file("home") + "/.local/share/dianjia/dianjia.ini")
                   .find("name=打包台2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_owner_adds_a_store_and_tries_its_credentials) {
    PlatformSimulator sim(test::fixed_clock());
    sim.start(0);
    BOOST_TEST_REQUIRE(
        test::drive_app(
            dir.file("home"), path, "settings",
            {"press:添加店铺…", "enter:山间茶铺拼多多店", "choose:拼多多", "press:确定",
             "choose:常州仓 (CZ)", "press:确定", "field:App Key：=sim-app",
             "field:App Secret：=not-the-secret",
             "field:接口地址（可选，用于中转）：=" + sim.endpoint(), "press:测试连接",
             "see:连接失败", "field:App Secret：=sim-secret", "field:Access Token：=sim-token",
             "press:测试连接", "see:平台已应答", "press:保存", "wait:1"}) == 0);
    BOOST_TEST(count("SELECT count(*) FROM shop_store s JOIN warehouse w ON w.id = "
                     "s.default_warehouse_id WHERE s.name = '山间茶铺拼多多店' AND s.platform = "
                     "'pinduoduo' AND w.code = 'CZ'") == 1);
    BOOST_TEST(count("SELECT count(*) FROM store_connection c JOIN shop_store s ON s.id = "
                     "c.store_id WHERE s.name = '山间茶铺拼多多店' AND c.app_key = 'sim-app'") ==
               1);
}

// The audit log as a screen: a packer is refused it, naming the permission; the owner filters
// it by action and sees who named the shop.
BOOST_AUTO_TEST_CASE(the_audit_log_is_shown_to_those_who_may_see_it) {
    {
        Database db(path, test::fixed_clock());
        ops::set_shop_name(db, Actor{"demo", "owner", "test"}, "山间茶铺");
        ops::add_user(db, ops::actor_without_users("老板", "office"),
                      {"老板", "owner", {}, "owner-password-1"});
        Actor owner = ops::log_in(db, "老板", "owner-password-1", "office");
        ops::add_user(db, owner, {"小王", "packer", {}, "packer-password-1"});
    }
    BOOST_TEST_REQUIRE(test::drive_app(dir.file("packer"), path, "audit",
                                       {"field:用户=小王", "field:密码=packer-password-1",
                                        "press:登录", "see:audit.see"}) == 0);
    BOOST_TEST_REQUIRE(
        test::drive_app(dir.file("owner"), path, "audit",
                        {"field:用户=老板", "field:密码=owner-password-1", "press:登录",
                         "field:操作=shop", "press:查看", "see:1 条记录"}) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
