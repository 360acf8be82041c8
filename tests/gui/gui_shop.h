#pragma once

#include <string>
#include <vector>

#include "demo/demo_shop.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"

namespace dj::test {

// A demo shop of 60 orders in a file of its own, for a GUI test to drive the window on and then
// read back (with a connection of the test's own, not the window's).
struct GuiShop {
    TempDir dir;
    std::string path = dir.file("shop.db");
    GuiShop() {
        Database db(path, fixed_clock());
        DemoOptions options;
        options.orders = 60;
        build_demo_shop(db, options, Actor{"demo", "owner", "test"});
    }
    long long count(const std::string& query) const {
        return testing::SqlProbe(path).integer(query);
    }
    std::string text(const std::string& query) const { return testing::SqlProbe(path).text(query); }
    std::string status(const std::string& order) const {
        return text("SELECT status FROM shop_order WHERE platform_order_id = '" + order + "'");
    }
    // An allocated order waiting to ship, not held, not merged or split, with a ZTO label.
    std::string ready_order(int skip = 0) const {
        return text(
            "SELECT o.platform_order_id FROM shop_order o JOIN order_waybill w ON w.order_id = "
            "o.id WHERE o.status = 'to_ship' AND o.allocation = 'allocated' AND w.carrier = "
            "'ZTO' AND o.id NOT IN (SELECT order_id FROM order_hold) AND o.split_from IS NULL "
            "AND o.id NOT IN (SELECT order_id FROM order_merge) AND o.id NOT IN (SELECT "
            "parcel_order_id FROM order_merge) ORDER BY o.id LIMIT 1 OFFSET " +
            std::to_string(skip));
    }
    // The drive steps that scan every item of `order`, one scan per unit.
    std::vector<std::string> item_scans(const std::string& order) const {
        std::vector<std::string> scans;
        for (const testing::SqlRow& line : testing::SqlProbe(path).rows(
                 "SELECT k.code, i.qty FROM order_line_item i JOIN order_line l ON l.id = "
                 "i.order_line_id JOIN shop_order o ON o.id = l.order_id JOIN sku k ON k.id = "
                 "i.sku_id WHERE o.platform_order_id = ?",
                 {order}))
            for (int i = 0; i < line[1].integer; ++i)
                scans.push_back("scan:" + line[0].text);
        return scans;
    }
};

}  // namespace dj::test
