// Measures the order-rule goals on this machine and prints the figures:
//   20 rules evaluated on 50,000 orders (rules dry-run)   under 1 s
//   a region intercept over 50,000 open orders            under 200 ms
// and, for scale, the demo build with every order reviewed as it is stored, and re-reviewing
// stored orders one by one (what sync does per changed order).

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/base/clock.h"
#include "demo/demo_shop.h"
#include "interchange/rule_json.h"
#include "ops/observers.h"
#include "ops/order_review.h"
#include "ops/order_rules.h"
#include "store/base/database.h"
#include "store/orders/intercept_service.h"
#include "store/orders/rule_dry_run.h"
#include "store/orders/rule_repository.h"
#include "store/stock/stock_posting.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

// Fifteen rules a busy shop might add to the five defaults.
constexpr const char* kShopRules = R"([
 {"name":"remote-ems","when":[{"field":"province","op":"in","values":["新疆","西藏","青海"]}],
  "then":[{"action":"carrier","value":"EMS"},{"action":"tag","value":"偏远"}]},
 {"name":"big-order","when":[{"field":"paid_amount","op":"at_least","number":50000}],
  "then":[{"action":"tag","value":"大单"},{"action":"priority","priority":2}]},
 {"name":"many-items","when":[{"field":"item_count","op":"at_least","number":5}],
  "then":[{"action":"tag","value":"多件"}]},
 {"name":"tea-gift","when":[{"field":"sku","op":"in","values":["TEA-0001","TEA-0002","TEA-0003"]}],
  "then":[{"action":"tag","value":"送茶匙"}]},
 {"name":"flag-red","when":[{"field":"seller_flag","op":"in","values":["1"]}],
  "then":[{"action":"tag","value":"红旗"}]},
 {"name":"memo-sample","when":[{"field":"seller_memo","op":"contains","values":["送小样"]}],
  "then":[{"action":"tag","value":"小样"}]},
 {"name":"jd-fast","when":[{"field":"platform","op":"in","values":["jd"]}],
  "then":[{"action":"priority","priority":1}]},
 {"name":"douyin-tag","when":[{"field":"platform","op":"in","values":["douyin"]}],
  "then":[{"action":"tag","value":"抖店"}]},
 {"name":"due-soon","when":[{"field":"promised_within","op":"at_most","number":12}],
  "then":[{"action":"priority","priority":3}]},
 {"name":"short","when":[{"field":"stock_short","op":"true"}],
  "then":[{"action":"tag","value":"缺货"}]},
 {"name":"presale","when":[{"field":"presale","op":"true"}],
  "then":[{"action":"hold","reason":"预售"}]},
 {"name":"south-gz","when":[{"field":"province","op":"in","values":["广东","广西","海南","福建"]}],
  "then":[{"action":"warehouse","value":"GZ"}]},
 {"name":"repeat-48h","when":[{"field":"buyer_orders","op":"at_least","number":5,"hours":48}],
  "then":[{"action":"tag","value":"常客"}]},
 {"name":"unpaid","when":[{"field":"status","op":"in","values":["pending_payment"]}],
  "then":[{"action":"tag","value":"待付款"}]},
 {"name":"note-address","when":[{"field":"buyer_note","op":"contains","values":["地址","改"]}],
  "then":[{"action":"hold","reason":"买家要改地址"}]}
])";

}  // namespace

int main(int argc, char** argv) {
    dj::ops::install_observers();
    std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    std::filesystem::path path = dir / "bench-rules.db";
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    Actor actor{"bench", "system", "bench"};
    Database db(path.string(), test::fixed_clock());
    {
        DemoOptions options;
        options.orders = 50000;
        auto start = Stopwatch::now();
        build_demo_shop(db, options, actor);
        std::printf("demo --orders 50000, each order reviewed by the 5 default rules: %.2f s\n",
                    seconds_since(start));
    }
    ops::import_rules(db, actor, parse_rules_json(kShopRules, "bench"));
    std::vector<OrderRule> rules = RuleRepository(db).list();
    Timestamp now = test::kNow;
    {
        auto start = Stopwatch::now();
        DryRunSummary s = dry_run_rules(db, rules, now - 30 * 86400LL, now);
        std::printf("dry run: %zu rules on %d orders in %.3f s, %zu matches (goal < 1 s)\n",
                    rules.size(), s.orders, seconds_since(start), s.rows.size());
    }
    {
        std::vector<Id> ids;
        for (const testing::SqlRow& q :
             testing::SqlProbe(db).rows("SELECT id FROM shop_order ORDER BY id LIMIT 5000"))
            ids.push_back(q[0].integer);
        auto start = Stopwatch::now();
        StockPosting posting(db);
        ops::OrderReview review(posting);
        for (Id id : ids)
            review.review(id);
        posting.commit();
        double s = seconds_since(start);
        std::printf("review one by one with %zu rules: %zu orders in %.3f s (%.0f orders/s)\n",
                    rules.size(), ids.size(), s, static_cast<double>(ids.size()) / s);
    }
    {
        long long open = testing::SqlProbe(db).integer(
            "SELECT count(*) FROM shop_order WHERE status IN "
            "('pending_payment', 'to_ship', 'refund_requested')");
        OrderIntercept typhoon;
        typhoon.target = "江苏省";
        typhoon.reason = "台风";
        auto start = Stopwatch::now();
        auto created = ops::create_intercept(db, actor, typhoon);
        std::printf("intercept region over %lld open orders: %d caught in %.3f s (goal < 0.2 s)\n",
                    open, created.caught, seconds_since(start));
        start = Stopwatch::now();
        int released = ops::lift_intercept(db, actor, created.id);
        std::printf("lift: %d released and reviewed again in %.3f s\n", released,
                    seconds_since(start));
    }
    return 0;
}
