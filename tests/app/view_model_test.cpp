#include <atomic>
#include <boost/test/unit_test.hpp>

#include "../store/test_db.h"
#include "app/affected_by.h"
#include "app/order_table.h"
#include "app/stock_table.h"
#include "core/base/clock.h"
#include "demo/demo_shop.h"
#include "ops/order_decisions.h"
#include "store/orders/order_repository.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;

namespace {

struct DemoShop {
    test::TempDir dir;
    Database db{dir.file("demo.db"), test::fixed_clock()};
    DemoShop() {
        DemoOptions options;
        options.orders = 400;
        options.today_days = days_from_date("2026-11-24");
        build_demo_shop(db, options, test::test_actor());
    }
};

std::vector<OrderRow> read_all(Database& db) {
    Progress progress;
    return OrderTable::read(db, test::test_actor(), progress);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(view_models, DemoShop)

BOOST_AUTO_TEST_CASE(order_rows_match_the_store) {
    std::vector<OrderRow> rows = read_all(db);
    BOOST_TEST_REQUIRE(rows.size() == 400u);
    auto summaries = OrderRepository(db).list({});
    std::map<Id, const OrderSummary*> by_id;
    for (const OrderSummary& s : summaries)
        by_id[s.id] = &s;
    for (const OrderRow& r : rows) {
        const OrderSummary& s = *by_id.at(r.id);
        BOOST_TEST(r.order_id == s.platform_order_id);
        BOOST_TEST(r.units == s.units);
        BOOST_TEST(r.amount == s.paid_amount);
        BOOST_TEST(!r.items.empty());
    }
}

BOOST_AUTO_TEST_CASE(filter_and_sort_rebuild_the_index_only) {
    OrderTable table;
    std::vector<OrderRow> rows = read_all(db);
    table.load(rows);
    table.apply({});
    BOOST_TEST(table.size() == 400u);
    for (std::size_t i = 1; i < table.size(); ++i)
        BOOST_TEST(table.row(i - 1).created <= table.row(i).created);

    OrderQuery jd;
    jd.store = "jd-main";
    table.apply(jd);
    BOOST_TEST(table.size() > 0u);
    BOOST_TEST(table.size() < 400u);
    for (std::size_t i = 0; i < table.size(); ++i)
        BOOST_TEST(table.row(i).store == "jd-main");
    BOOST_TEST(table.total() == 400u);

    OrderQuery by_amount;
    by_amount.sort = OrderColumn::amount;
    by_amount.ascending = false;
    table.apply(by_amount);
    for (std::size_t i = 1; i < table.size(); ++i)
        BOOST_TEST(table.row(i - 1).amount >= table.row(i).amount);

    // Text finds an order by its id, by a SKU code (any case) and by the receiver.
    const OrderRow& sample = rows[17];
    OrderQuery text;
    text.text = sample.order_id;
    table.apply(text);
    BOOST_TEST_REQUIRE(table.size() == 1u);
    BOOST_TEST(table.row(0).id == sample.id);
    BOOST_TEST(table.find(sample.id) == 0);
    std::string sku = sample.items.substr(0, sample.items.find("×"));
    for (char& c : sku)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    text.text = sku;
    table.apply(text);
    BOOST_TEST(table.size() >= 1u);
    BOOST_TEST(table.find(sample.id) >= 0);
    text.text = "no such thing";
    table.apply(text);
    BOOST_TEST(table.size() == 0u);
    BOOST_TEST(table.find(sample.id) == -1);
}

BOOST_AUTO_TEST_CASE(created_since_filter) {
    OrderTable table;
    table.load(read_all(db));
    OrderQuery recent;
    recent.created_from = parse_time("2026-11-24", "t");
    table.apply(recent);
    long long n =
        testing::SqlProbe(db).integer("SELECT count(*) FROM shop_order WHERE created_at >= " +
                                      std::to_string(recent.created_from));
    BOOST_TEST(n > 0);
    BOOST_TEST(static_cast<long long>(table.size()) == n);
}

BOOST_AUTO_TEST_CASE(holds_and_priority_show_and_filter) {
    // The demo's rules already hold a few orders; hold one more by hand.
    Id free = testing::SqlProbe(db).integer(
        "SELECT min(id) FROM shop_order WHERE id NOT IN "
        "(SELECT order_id FROM order_hold)");
    ops::hold_order(db, test::test_actor(), free, "地址待确认");
    ops::set_order_priority(db, test::test_actor(), 7, 1);
    long long held_orders =
        testing::SqlProbe(db).integer("SELECT count(DISTINCT order_id) FROM order_hold");
    OrderTable table;
    table.load(read_all(db));
    OrderQuery held;
    held.held_only = true;
    table.apply(held);
    BOOST_TEST(static_cast<long long>(table.size()) == held_orders);
    long at = table.find(free);
    BOOST_TEST_REQUIRE(at >= 0);
    BOOST_TEST(table.row(static_cast<std::size_t>(at)).hold == "地址待确认");
    table.apply({});
    BOOST_TEST(table.row(static_cast<std::size_t>(table.find(7))).priority == 1);
}

BOOST_AUTO_TEST_CASE(tags_from_rules_show_and_filter) {
    // The demo's same-day notes are tagged by the default rule.
    long long tagged =
        testing::SqlProbe(db).integer("SELECT count(*) FROM order_tag WHERE tag = '加急'");
    BOOST_TEST_REQUIRE(tagged > 0);
    OrderTable table;
    table.load(read_all(db));
    OrderQuery urgent;
    urgent.tag = "加急";
    table.apply(urgent);
    BOOST_TEST(static_cast<long long>(table.size()) == tagged);
    BOOST_TEST(table.row(0).tags == (std::vector<std::string>{"加急"}));
    BOOST_TEST(table.row(0).priority == 1);
    urgent.tag = "no-such-tag";
    table.apply(urgent);
    BOOST_TEST(table.size() == 0u);
}

BOOST_AUTO_TEST_CASE(status_filter_and_cancel) {
    OrderTable table;
    table.load(read_all(db));
    OrderQuery waiting;
    waiting.status = "to_ship";
    table.apply(waiting);
    long long n =
        testing::SqlProbe(db).integer("SELECT count(*) FROM shop_order WHERE status = 'to_ship'");
    BOOST_TEST(static_cast<long long>(table.size()) == n);
    Progress cancelled;
    cancelled.cancel = true;
    BOOST_TEST(OrderTable::read(db, test::test_actor(), cancelled).empty());
}

BOOST_AUTO_TEST_CASE(stock_rows_levels_and_filters) {
    StockTable table;
    std::vector<StockViewRow> rows = StockTable::read(db, Actor{"t", "owner", "ws"});
    BOOST_TEST_REQUIRE(rows.size() > 500u);
    for (const StockViewRow& r : rows) {
        BOOST_TEST(r.available == r.on_hand - r.reserved);
        if (r.available <= 0) BOOST_TEST((r.level == StockLevel::out));
    }
    table.load(rows);
    StockQuery problems;
    problems.problems_only = true;
    table.apply(problems);
    for (std::size_t i = 0; i < table.size(); ++i)
        BOOST_TEST((table.row(i).level != StockLevel::enough));
    StockQuery gz;
    gz.warehouse = "GZ";
    gz.sort = StockColumn::value;
    gz.ascending = false;
    table.apply(gz);
    BOOST_TEST(table.size() > 0u);
    for (std::size_t i = 1; i < table.size(); ++i) {
        BOOST_TEST(table.row(i).warehouse == "GZ");
        BOOST_TEST(table.row(i - 1).value >= table.row(i).value);
    }
    StockQuery tea;
    tea.text = "龙井";
    table.apply(tea);
    BOOST_TEST(table.size() > 0u);
    for (std::size_t i = 0; i < table.size(); ++i)
        BOOST_TEST(table.row(i).name.find("龙井") != std::string::npos);
}

// Another workstation's change reloads the views that read a table it changed, and only those:
// a rule or a message elsewhere leaves 50,000 orders where they are.
BOOST_AUTO_TEST_CASE(a_change_elsewhere_reloads_only_the_views_reading_its_tables) {
    const std::vector<std::string> stock{"stock_balance", "sku"};
    BOOST_TEST(app::affected_by(stock, {"audit_log", "stock_balance"}));
    BOOST_TEST(!app::affected_by(stock, {"audit_log", "order_rule"}));
    BOOST_TEST(app::affected_by(stock, {"*"}));  // after a reconnect nobody knows what changed
    BOOST_TEST(!app::affected_by(stock, {}));
    BOOST_TEST(app::affected_by({}, {"audit_log"}));  // a view naming nothing reloads always
    BOOST_TEST(!app::affected_by({}, {}));
}

BOOST_AUTO_TEST_SUITE_END()
