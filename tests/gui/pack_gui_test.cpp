// The pack station as a packer uses it, driven through the real window (AT-SPI and real key
// presses, tests/gui/drive_app.py) and checked in the database: another order scanned while a
// parcel is open switches to it, the scanner's Enter reaches the scan field after a file dialog
// is cancelled, a parcel without a waybill ships once its label's number is scanned, and the
// wave list counts packed parcels.
#define BOOST_TEST_MODULE gui_pack_tests

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "gui_shop.h"
#include "ops/fulfilment_queries.h"
#include "ops/users.h"
#include "ops/waves.h"
#include "run_app.h"
#include "standard_observers.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"

using namespace dj;

namespace {

struct PackShop : test::GuiShop {
    std::vector<std::string> ready_orders(int n) const {
        std::vector<std::string> out;
        for (int i = 0; i < n; ++i)
            if (std::string o = ready_order(i); !o.empty()) out.push_back(o);
        return out;
    }
    int drive(const std::vector<std::string>& steps) const {
        return test::drive_app(dir.file("home"), path, "pack", steps);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_pack, PackShop)

BOOST_AUTO_TEST_CASE(another_order_scanned_mid_parcel_switches_to_it) {
    std::vector<std::string> orders = ready_orders(2);
    BOOST_TEST_REQUIRE(orders.size() == 2u);
    const std::string& first = orders[0];
    const std::string& second = orders[1];
    std::vector<std::string> steps{"scan:" + first, "see:订单 " + first, "scan:" + second,
                                   "see:订单 " + first + " 未打包完", "see:订单 " + second};
    for (const std::string& s : item_scans(second))
        steps.push_back(s);
    steps.push_back("see:已打包并以 中通快递");
    BOOST_TEST_REQUIRE(drive(steps) == 0);
    BOOST_TEST(status(second) == "shipped");
    BOOST_TEST(status(first) == "to_ship");
    // Scanning another order is no wrong item.
    BOOST_TEST(count("SELECT count(*) FROM pack_scan WHERE outcome = 'wrong_item'") == 0);
}

BOOST_AUTO_TEST_CASE(the_scanner_reaches_the_scan_field_after_a_cancelled_file_dialog) {
    Actor actor{"demo", "owner", "test"};
    {
        Database db(path, test::fixed_clock());
        WaveRequest one;
        one.max_waves = 1;
        ops::create_waves(db, actor, one);
    }
    std::string order = ready_orders(1).at(0);
    // Without a window manager (Xvfb) nothing hands the keyboard back to the window when the
    // dialog's process ends: "focus:--view pack" does what the window manager does.
    BOOST_TEST_REQUIRE(
        drive({"press:面单 PDF…", "focus:src/app/dianjia", "wait:2", "key:Escape", "wait:1",
               "focus:--view pack", "scan:" + order, "see:订单 " + order}) == 0);
}

BOOST_AUTO_TEST_CASE(a_parcel_without_a_waybill_ships_when_its_label_is_scanned) {
    std::string order = ready_orders(1).at(0);
    testing::SqlProbe(path).exec(
        "DELETE FROM order_waybill WHERE order_id = (SELECT id FROM shop_order WHERE "
        "platform_order_id = '" +
        order + "')");
    Actor actor{"demo", "owner", "test"};
    std::string wave;
    {
        Database db(path, test::fixed_clock());
        WaveRequest request;
        request.carrier = "";  // the orders without a waybill
        std::vector<WaveInfo> made = ops::create_waves(db, actor, request);
        BOOST_TEST_REQUIRE(!made.empty());
        wave = made.front().number;
    }
    std::vector<std::string> steps{"scan:" + order, "see:订单 " + order};
    for (const std::string& s : item_scans(order))
        steps.push_back(s);
    steps.insert(steps.end(), {"see:还没有运单", "scan:75312345678901", "choose:中通快递 (ZTO)",
                               "press:确定", "see:已打包并以 中通快递"});
    BOOST_TEST_REQUIRE(drive(steps) == 0);
    BOOST_TEST(status(order) == "shipped");
    BOOST_TEST(text("SELECT w.carrier || ' ' || w.tracking_no FROM order_waybill w JOIN "
                    "shop_order o ON o.id = w.order_id WHERE o.platform_order_id = '" +
                    order + "'") == "ZTO 75312345678901");
    BOOST_TEST(count("SELECT count(*) FROM outbox WHERE kind = 'shipment' AND subject = '" + order +
                     "'") == 1);
    Database db(path, test::fixed_clock());
    for (const WaveInfo& w : ops::list_waves(db))
        if (w.number == wave) BOOST_TEST(w.packed == 1);
}

// A shared pack station: the owner logs in at start, then a packer takes over by scanning their
// badge and typing the PIN (a wrong PIN first), and what they pack is theirs in the ledger.
BOOST_AUTO_TEST_CASE(a_packer_switches_in_with_a_badge_and_packs_as_themselves) {
    {
        Database db(path, test::fixed_clock());
        ops::add_user(db, ops::actor_without_users("老板", "office"),
                      {"老板", "owner", {}, "owner-password-1"});
        Actor owner = ops::log_in(db, "老板", "owner-password-1", "office");
        ops::add_user(db, owner, {"小王", "packer", {}, "packer-password-1"});
        ops::set_badge(db, owner, "小王", "BADGE-0007", "4321");
    }
    std::string order = ready_orders(1).at(0);
    std::vector<std::string> steps{"field:用户=老板",
                                   "field:密码=owner-password-1",
                                   "press:登录",
                                   "see:当前打包人：老板（店主）",
                                   "press:切换用户…",
                                   "scan:BADGE-0007",
                                   "keys:0000",
                                   "key:Return",
                                   "see:用户名或密码错误",
                                   "scan:BADGE-0007",
                                   "keys:4321",
                                   "key:Return",
                                   "see:当前打包人：小王（打包员）",
                                   "scan:" + order,
                                   "see:订单 " + order};
    for (const std::string& s : item_scans(order))
        steps.push_back(s);
    steps.push_back("see:已打包并以 中通快递");
    BOOST_TEST_REQUIRE(drive(steps) == 0);
    BOOST_TEST(status(order) == "shipped");
    BOOST_TEST(text("SELECT operator || ' ' || role FROM movement WHERE kind = 'ship' ORDER BY id "
                    "DESC LIMIT 1") == "小王 packer");
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'user.login' AND user = '小王' "
                     "AND detail = 'badge'") == 1);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'user.login_failed' AND "
                     "user = '小王'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
