// Settings as the owner uses them, through the real window: the shop's name typed and saved;
// a new store added (name, platform, warehouse), its credentials tried against a simulated
// platform (refused, then accepted) and kept.
#define BOOST_TEST_MODULE gui_settings_tests

#include <boost/test/unit_test.hpp>
#include <cstdlib>

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
    // The demo shop had a name: the audit log keeps it.
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'shop.name' AND detail = "
                     "'店家生活馆 → 山间茶铺'") == 1);
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
                         "pick:操作=店铺设置", "press:查看", "see:1 条记录"}) == 0);
}

// 用户 view: the owner, who switched in at the pack station with a badge (a PIN is no second
// check), adds a packer; the window asks for the owner's password again (a wrong one first) and
// then adds the user.
BOOST_AUTO_TEST_CASE(the_owner_adds_a_user_in_the_window_after_a_second_check) {
    {
        Database db(path, test::fixed_clock());
        ops::add_user(db, ops::actor_without_users("老板", "setup-pc"),
                      {"老板", "owner", {}, "owner-password-1"});
        Actor owner = ops::log_in(db, "老板", "owner-password-1", "setup-pc");
        ops::set_badge(db, owner, "老板", "BADGE-0001", "2468");
        ops::add_user(db, owner, {"小王", "packer", {}, "packer-password-1"});
    }
    BOOST_TEST_REQUIRE(test::drive_app(dir.file("home"), path, "pack",
                                       {"field:用户=小王",
                                        "field:密码=packer-password-1",
                                        "press:登录",
                                        "press:切换用户…",
                                        "scan:BADGE-0001",
                                        "keys:2468",
                                        "key:Return",
                                        "see:当前打包人：老板（店主）",
                                        "key:ctrl+g",
                                        "see:2 个用户",
                                        "press:添加用户…",
                                        "field:用户名=小李",
                                        "pick:角色=打包员",
                                        "field:密码=new-packer-pass",
                                        "field:再次输入密码=new-packer-pass",
                                        "press:添加",
                                        "field:您的密码=not-the-password",
                                        "press:确认",
                                        "see:用户名或密码错误",
                                        "field:您的密码=owner-password-1",
                                        "press:确认",
                                        "see:3 个用户"}) == 0);
    BOOST_TEST(count("SELECT count(*) FROM app_user WHERE name = '小李' AND role = 'packer'") == 1);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'user.add' AND subject = "
                     "'小李' AND user = '老板'") == 1);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'user.second_check' AND "
                     "user = '老板'") == 1);
}

// Buyer data leaves the window only by 导出订单…, as the owner: the file has full phones and
// the export is in the audit log.
BOOST_AUTO_TEST_CASE(the_owner_exports_orders_with_their_buyers) {
    {
        Database db(path, test::fixed_clock());
        ops::add_user(db, ops::actor_without_users("老板", "setup-pc"),
                      {"老板", "owner", {}, "owner-password-1"});
    }
    std::string file = dir.file("orders.xlsx");
    BOOST_TEST_REQUIRE(test::drive_app(dir.file("home"), path, "orders",
                                       {"field:用户=老板", "field:密码=owner-password-1",
                                        "press:登录", "press:导出订单…", "focus:choose-file",
                                        // The name field has the focus: the whole path replaces
                                        // the proposed name.
                                        "wait:1", "key:ctrl+a", "keys:" + file, "key:Return",
                                        "see:个订单已保存到"}) == 0);
    // The workbook's text, unzipped.
    std::string text_file = dir.file("orders.txt");
    BOOST_TEST_REQUIRE(std::system(("python3 -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                    "print(''.join(z.read(n).decode() for n in z.namelist()))\" " +
                                    file + " > " + text_file)
                                       .c_str()) == 0);
    std::string workbook = test::read_all(text_file);
    // One the platform sent in full (most are masked by the platforms already).
    std::string phone = text("SELECT receiver_phone FROM shop_order WHERE receiver_phone NOT LIKE "
                             "'%*%' ORDER BY id LIMIT 1");
    BOOST_TEST_REQUIRE(!phone.empty());
    BOOST_TEST(workbook.find(phone) != std::string::npos, phone);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'orders.export' AND user = "
                     "'老板' AND subject = '" + file + "' AND detail = '60 orders'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
