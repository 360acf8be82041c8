#include "demo/demo_shop.h"

#include <boost/test/unit_test.hpp>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "store/base/shop_stats.h"
#include "store/stock/ledger_check.h"
#include "store/stock/stock_queries.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace {
long long stat(Database& db, const std::string& name) {
    for (const auto& [n, v] : shop_stats(db))
        if (n == name) return v;
    return -1;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(demo_shop)

BOOST_AUTO_TEST_CASE(realistic_consistent_and_deterministic) {
    test::TempDir dir;
    DemoOptions options;
    options.orders = 300;
    options.seed = 7;
    options.today_days = days_from_date("2026-11-24");
    Database a(test::test_database(dir, "a.db"), test::fixed_clock());
    DemoReport report = build_demo_shop(a, options, test::test_actor());
    BOOST_TEST(report.skus >= 450);
    BOOST_TEST(report.skus <= 550);
    BOOST_TEST(report.locations >= 200);
    BOOST_TEST(report.orders == 300);
    BOOST_TEST(report.allocated > 200);
    BOOST_TEST(stat(a, "stores") == 4);
    BOOST_TEST(stat(a, "warehouses") == 2);
    BOOST_TEST(stat(a, "orders") == 300);
    BOOST_TEST(stat(a, "movements") > 20000);
    BOOST_TEST(check_ledger(a).empty());
    for (const char* kind :
         {"receive", "ship", "transfer_out", "transfer_in", "count", "return", "scrap"}) {
        BOOST_TEST(testing::SqlProbe(a).integer("SELECT count(*) FROM movement WHERE kind = ?",
                                                {kind}) > 0,
                   "no " << kind << " movements");
    }
    BOOST_TEST(testing::SqlProbe(a).integer(
                   "SELECT count(*) FROM shop_order WHERE receiver_name LIKE '%**'") > 30);
    BOOST_TEST(testing::SqlProbe(a).integer("SELECT count(*) FROM sku WHERE name LIKE '%龙井%'") >
               0);
    BOOST_TEST(testing::SqlProbe(a).integer("SELECT min(at) FROM movement") >=
               parse_time("2026-08-26", "t"));
    BOOST_TEST(testing::SqlProbe(a).integer("SELECT max(at) FROM movement") <
               parse_time("2026-11-25", "t"));

    Database b(test::test_database(dir, "b.db"), test::fixed_clock());
    build_demo_shop(b, options, test::test_actor());
    auto stock_a = list_stock(a, {});
    auto stock_b = list_stock(b, {});
    BOOST_TEST_REQUIRE(stock_a.size() == stock_b.size());
    for (std::size_t i = 0; i < stock_a.size(); ++i) {
        BOOST_TEST(stock_a[i].sku == stock_b[i].sku);
        BOOST_TEST(stock_a[i].on_hand == stock_b[i].on_hand);
        BOOST_TEST(stock_a[i].reserved == stock_b[i].reserved);
        BOOST_TEST(stock_a[i].avg_cost == stock_b[i].avg_cost);
    }
    BOOST_CHECK_THROW(build_demo_shop(a, options, test::test_actor()), InvalidInput);
}

BOOST_AUTO_TEST_SUITE_END()
