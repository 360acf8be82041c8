// The window's ways of shipping, driven through its real controls (AT-SPI: buttons found by
// their labels and pressed, text typed, rows selected; tests/gui/drive_app.py), then checked in
// the database: the orders view's "Ship from stock" with its confirmation, the carrier and
// number asked for an order without a label (a malformed number refused), and the pack station
// shipping a parcel when its last item is scanned.
#define BOOST_TEST_MODULE gui_ship_tests
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <iostream>

#include "gui_shop.h"
#include "run_app.h"
#include "standard_observers.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"

using namespace dj;

namespace {

struct ShipShop : test::GuiShop {
    long long confirmations(const std::string& order) const {
        return count("SELECT count(*) FROM outbox WHERE kind = 'shipment' AND subject = '" + order +
                     "'");
    }
    long long audited(const std::string& order) const {
        return count("SELECT count(*) FROM audit_log WHERE action = 'order.ship' AND subject = '" +
                     order + "'");
    }
    int drive(const std::string& view, const std::vector<std::string>& steps) const {
        return test::drive_app(dir.file("home"), path, view, steps);
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_ship, ShipShop)

BOOST_AUTO_TEST_CASE(orders_view_ships_under_the_label_after_asking) {
    std::string order = ready_order();
    BOOST_TEST_REQUIRE(!order.empty());
    BOOST_TEST_REQUIRE(
        drive("orders", {"type:搜索=" + order, "see:1 / ", "row:" + order, "press:从库存发货",
                         "see:" + order + " 用 中通快递", "press:发货", "wait:1.5"}) == 0);
    BOOST_TEST(status(order) == "shipped");
    BOOST_TEST(confirmations(order) == 1);
    BOOST_TEST(audited(order) == 1);
}

BOOST_AUTO_TEST_CASE(orders_view_asks_carrier_and_number_and_refuses_a_bad_one) {
    std::string bad = ready_order(0);
    std::string good = ready_order(1);
    BOOST_TEST_REQUIRE(!good.empty());
    testing::SqlProbe(path).exec(
        "DELETE FROM order_waybill WHERE order_id IN (SELECT id FROM shop_order WHERE "
        "platform_order_id IN ('" +
        bad + "', '" + good + "'))");
    BOOST_TEST_REQUIRE(
        drive("orders", {"type:搜索=" + bad, "see:1 / ", "row:" + bad, "press:从库存发货",
                         "choose:中通快递 (ZTO)", "press:确定", "enter:12345", "press:发货",
                         "see:不是中通快递的运单号", "press:确定", "type:搜索=" + good,
                         "row:" + good, "press:从库存发货", "choose:中通快递 (ZTO)", "press:确定",
                         "enter:75312345678901", "press:发货", "wait:1.5"}) == 0);
    BOOST_TEST(status(bad) == "to_ship");
    BOOST_TEST(confirmations(bad) == 0);
    BOOST_TEST(status(good) == "shipped");
    BOOST_TEST(confirmations(good) == 1);
    BOOST_TEST(text("SELECT tracking_no FROM order_waybill w JOIN shop_order o ON o.id = "
                    "w.order_id WHERE o.platform_order_id = '" +
                    good + "'") == "75312345678901");
}

BOOST_AUTO_TEST_CASE(pack_station_ships_when_the_last_item_is_scanned) {
    std::string order = ready_order();
    std::vector<std::string> steps{"scan:" + order, "see:订单 " + order};
    for (const std::string& s : item_scans(order))
        steps.push_back(s);
    steps.push_back("see:已打包并以 中通快递");
    BOOST_TEST_REQUIRE(drive("pack", steps) == 0);
    BOOST_TEST(status(order) == "shipped");
    BOOST_TEST(confirmations(order) == 1);
    BOOST_TEST(audited(order) == 1);
    BOOST_TEST(count("SELECT count(*) FROM order_packed p JOIN shop_order o ON o.id = "
                     "p.order_id WHERE o.platform_order_id = '" +
                     order + "'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
