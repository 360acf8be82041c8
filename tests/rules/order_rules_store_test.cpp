#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "interchange/rule_json.h"
#include "ops/order_decisions.h"
#include "ops/order_intake.h"
#include "ops/order_rules.h"
#include "ops/waves.h"
#include "store/base/audit_log.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "store/orders/rule_dry_run.h"
#include "store/orders/rule_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/testing/sql_probe.h"
#include "wave_shop.h"

using namespace dj;

namespace {

struct Fixture : test::WaveShop {
    // An order built the way sync and import store it; `tweak` sets what a test needs.
    Id place(const std::string& id, const std::function<void(Order&)>& tweak = {}) {
        accept(order(id, tweak));
        return id_of(id);
    }
    Order order(const std::string& id, const std::function<void(Order&)>& tweak = {}) {
        Order o;
        o.store_id = 1;
        o.platform_order_id = id;
        o.status = OrderStatus::to_ship;
        o.buyer_nick = "buyer-" + id;
        o.receiver = {"李**", "139****" + id, "浙江省", "杭州市", "西湖区", "文三路***"};
        o.created_at = now - 3600;
        o.paid_at = o.created_at;
        o.modified_at = o.created_at;
        o.lines.push_back({0, "5013", "TEA-1", "西湖龙井", 1, 9900});
        if (tweak) tweak(o);
        return o;
    }
    Id id_of(const std::string& number) {
        return testing::SqlProbe(db).integer(
            "SELECT id FROM shop_order WHERE platform_order_id = '" + number + "'");
    }
    void accept(const Order& o) {
        StockPosting p(db);
        ops::OrderIntake(p, Actor{"tester", "owner", "test"}).take(o).stored;
        p.commit();
    }
    std::vector<std::string> hold_keys(Id order) {
        std::vector<std::string> keys;
        for (const OrderHold& h : OrderHoldRepository(db).list(order))
            keys.push_back(std::string(hold_source_code(h.source)) + ":" + h.source_key);
        return keys;
    }
    std::string allocation(Id order) {
        return testing::SqlProbe(db).text("SELECT allocation FROM shop_order WHERE id = " +
                                          std::to_string(order));
    }
    long long count(const std::string& sql) { return testing::SqlProbe(db).integer(sql); }
    void import_rules(const std::string& json) {
        ops::import_rules(db, test::test_actor(), parse_rules_json(json, "test"));
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(order_rules, Fixture)

BOOST_AUTO_TEST_CASE(the_five_defaults_are_there_in_order) {
    std::vector<std::string> names;
    for (const OrderRule& r : RuleRepository(db).list())
        names.push_back(r.name);
    BOOST_TEST(names ==
               (std::vector<std::string>{"refund-intercept", "duplicate-buyer", "price-anomaly",
                                         "paused-region", "same-day-urgent"}));
}

BOOST_AUTO_TEST_CASE(refund_intercepts_and_a_withdrawn_refund_releases) {
    Order o;
    Id id = place("R1", [&](Order& x) { o = x; });
    BOOST_TEST(allocation(id) == "allocated");
    BOOST_TEST(hold_keys(id).empty());
    o.status = OrderStatus::refund_requested;
    o.modified_at += 60;
    accept(o);
    auto hold = OrderHoldRepository(db).find(id);
    BOOST_TEST_REQUIRE(hold.has_value());
    BOOST_TEST(hold->source_key == "refund-intercept");
    BOOST_TEST(hold->intercept);  // its stock was allocated: the packer must be stopped
    BOOST_TEST(count("SELECT count(*) FROM order_rule_log WHERE rule = 'refund-intercept' AND "
                     "action = 'intercept'") == 1);
    o.status = OrderStatus::to_ship;  // the buyer changed their mind
    o.modified_at += 60;
    accept(o);
    BOOST_TEST(hold_keys(id).empty());
    BOOST_TEST(allocation(id) == "allocated");
}

BOOST_AUTO_TEST_CASE(the_third_order_of_a_buyer_in_a_day_is_held) {
    auto same_buyer = [](Order& o) { o.buyer_nick = "回头客"; };
    Id a = place("D1", same_buyer);
    Id b = place("D2", same_buyer);
    Id c = place("D3", same_buyer);
    BOOST_TEST(hold_keys(a).empty());
    BOOST_TEST(hold_keys(b).empty());
    BOOST_TEST(hold_keys(c) == (std::vector<std::string>{"rule:duplicate-buyer"}));
    BOOST_TEST(OrderHoldRepository(db).find(c)->reason.find("3") != std::string::npos);
}

// A sync takes a batch of orders with their buyers' orders read at once: each order still
// counts the orders its buyer has at that moment, as when taken one at a time.
BOOST_AUTO_TEST_CASE(a_batch_counts_each_buyers_orders_as_they_stand) {
    auto nick = [](const std::string& n) { return [n](Order& o) { o.buyer_nick = n; }; };
    auto receiver = [](const std::string& address) {
        return [address](Order& o) {
            o.buyer_nick.clear();
            o.receiver = {"王**", "13800001111", "浙江省", "杭州市", "西湖区", address};
        };
    };
    place("A0", nick("老王"));
    place("R0", receiver("文一路1号"));
    place("C0", nick("老张"));
    place("Z0", [&](Order& o) {
        o.buyer_nick = "老赵";
        o.created_at = now - 30 * 3600;  // before the day the rule looks back on
    });
    Order moved = order("C0", nick("老李"));  // the stored order is now 老李's
    moved.modified_at += 60;
    std::vector<Order> batch = {order("A1", nick("老王")),
                                order("A2", nick("老王")),
                                order("R1", receiver("文一路1号")),
                                order("R2", receiver("文二路2号")),
                                order("R3", receiver("文一路1号")),
                                order("L1", nick("老李")),
                                moved,
                                order("L2", nick("老李")),
                                order("Z1", nick("老赵")),
                                order("Z2", nick("老赵"))};
    {
        StockPosting p(db);
        ops::OrderIntake intake(p, Actor{"tester", "owner", "test"});
        intake.expect(batch);
        for (const Order& o : batch)
            intake.take(o);
        p.commit();
    }
    std::vector<std::string> held;
    for (const char* number : {"A1", "A2", "R1", "R2", "R3", "L1", "C0", "L2", "Z1", "Z2"})
        if (!hold_keys(id_of(number)).empty()) held.emplace_back(number);
    BOOST_TEST(held == (std::vector<std::string>{"A2", "R3", "L2"}));
}

BOOST_AUTO_TEST_CASE(a_price_far_below_reference_is_held) {
    CatalogueRepository(db).set_reference_price(1, 20000);  // TEA-1
    Id ok = place("P1", [](Order& o) { o.lines[0].unit_price = 12000; });
    Id cheap = place("P2", [](Order& o) { o.lines[0].unit_price = 9900; });
    BOOST_TEST(hold_keys(ok).empty());
    BOOST_TEST(hold_keys(cheap) == (std::vector<std::string>{"rule:price-anomaly"}));
}

BOOST_AUTO_TEST_CASE(a_same_day_note_makes_the_order_urgent_and_tags_it) {
    Id id = place("U1", [](Order& o) { o.buyer_note = "今天必须发，明天要用"; });
    BOOST_TEST(count("SELECT priority FROM shop_order WHERE id = " + std::to_string(id)) == 1);
    OrderFilter f;
    f.tag = "加急";
    auto tagged = OrderRepository(db).list(f);
    BOOST_TEST_REQUIRE(tagged.size() == 1u);
    BOOST_TEST(tagged[0].id == id);
    BOOST_TEST(tagged[0].tags == (std::vector<std::string>{"加急"}));
    BOOST_TEST(tagged[0].priority == 1);
}

BOOST_AUTO_TEST_CASE(gifts_come_with_stock_or_are_tagged_short) {
    {
        WriteTransaction tx(db);
        Sku gift;
        gift.code = "GIFT-1";
        gift.name = "茶匙";
        CatalogueRepository(db).save_sku(gift);
        tx.commit();
    }
    import_rules(R"([{"name":"cup-gift","when":[{"field":"sku","op":"in","values":["TEA-1"]}],
                      "then":[{"action":"gift","sku":"CUP-1","qty":2}]},
                     {"name":"spoon","when":[{"field":"paid_amount","op":"at_least","number":20000}],
                      "then":[{"action":"gift","sku":"GIFT-1","qty":1,"if_short":"ship_without"}]},
                     {"name":"spoon-strict","when":[{"field":"paid_amount","op":"at_least","number":30000}],
                      "then":[{"action":"gift","sku":"GIFT-1","qty":1}]}])");
    Id id = place("G1");
    // The gift line is stored apart from the platform's lines and its stock is reserved.
    BOOST_TEST(allocation(id) == "allocated");
    BOOST_TEST(count("SELECT sum(i.reserved_qty) FROM order_line l JOIN order_line_item i ON "
                     "i.order_line_id = l.id WHERE l.gift_rule = 'cup-gift' AND l.order_id = " +
                     std::to_string(id)) == 2);
    BOOST_TEST(OrderRepository(db).find(id)->lines.size() == 1u);
    // No spoons in stock: "ship without" only tags, the strict rule holds.
    Id rich = place("G2", [](Order& o) {
        o.lines[0].quantity = 3;
        o.paid_amount = 29700;
    });
    BOOST_TEST(hold_keys(rich).empty());
    BOOST_TEST(count("SELECT count(*) FROM order_tag WHERE tag = 'gift short' AND order_id = " +
                     std::to_string(rich)) == 1);
    Id richer = place("G3", [](Order& o) {
        o.lines[0].quantity = 4;
        o.paid_amount = 39600;
    });
    BOOST_TEST(hold_keys(richer) == (std::vector<std::string>{"rule:spoon-strict"}));
    // Re-reviewing the same order does not add the gift twice.
    Order again = *OrderRepository(db).find(id);
    again.buyer_note = "谢谢";
    again.modified_at += 60;
    accept(again);
    BOOST_TEST(count("SELECT count(*) FROM order_line WHERE gift_rule IS NOT NULL AND order_id = " +
                     std::to_string(id)) == 1);
    BOOST_TEST(count("SELECT sum(i.reserved_qty) FROM order_line l JOIN order_line_item i ON "
                     "i.order_line_id = l.id WHERE l.order_id = " +
                     std::to_string(id)) == 3);  // one tea and two cups
    BOOST_TEST(allocation(id) == "allocated");
}

BOOST_AUTO_TEST_CASE(rules_choose_warehouse_and_carrier) {
    import_rules(R"([{"name":"south","when":[{"field":"province","op":"in","values":["浙江"]}],
                      "then":[{"action":"warehouse","value":"GZ"},{"action":"carrier","value":"SF"}]}])");
    Id id = place("W1");
    BOOST_TEST(count("SELECT warehouse_id FROM shop_order WHERE id = " + std::to_string(id)) == 2);
    BOOST_TEST(testing::SqlProbe(db).text("SELECT carrier FROM shop_order WHERE id = " +
                                          std::to_string(id)) == "SF");
}

BOOST_AUTO_TEST_CASE(a_release_by_a_person_sticks) {
    auto same_buyer = [](Order& o) { o.buyer_nick = "回头客"; };
    place("S1", same_buyer);
    place("S2", same_buyer);
    Order o;
    Id id = place("S3", [&](Order& x) {
        same_buyer(x);
        o = x;
    });
    BOOST_TEST(!hold_keys(id).empty());
    ops::release_order(db, test::test_actor(), id);
    o.buyer_note = "请用顺丰";
    o.modified_at += 60;
    accept(o);
    BOOST_TEST(hold_keys(id).empty());
}

BOOST_AUTO_TEST_CASE(disabled_rules_do_nothing) {
    ops::set_rule_enabled(db, test::test_actor(), "duplicate-buyer", false);
    auto same_buyer = [](Order& o) { o.buyer_nick = "回头客"; };
    place("E1", same_buyer);
    place("E2", same_buyer);
    BOOST_TEST(hold_keys(place("E3", same_buyer)).empty());
    BOOST_CHECK_THROW(ops::set_rule_enabled(db, test::test_actor(), "nope", true), NotFound);
    BOOST_TEST(audit_entries(db).at(1).action == "rule.disable");
    BOOST_TEST(audit_entries(db).at(0).action == "orders.review");
}

BOOST_AUTO_TEST_CASE(changing_the_rules_reviews_every_waiting_order_not_yet_in_a_wave) {
    Id waved = place("C3");
    BOOST_TEST_REQUIRE(ops::create_waves(db, test::test_actor(), {}).size() == 1u);
    Id zj = place("C1");
    Id js = place("C2", [](Order& o) {
        o.receiver.province = "江苏省";
        o.receiver.city = "常州市";
    });
    auto tags = [&](Id id) {
        return count("SELECT count(*) FROM order_tag WHERE tag = '浙江客户' AND order_id = " +
                     std::to_string(id));
    };
    ops::RulesApplied applied = ops::import_rules(
        db, test::test_actor(),
        parse_rules_json(R"([{"name":"zj","when":[{"field":"province","op":"in","values":["浙江"]}],
                              "then":[{"action":"tag","value":"浙江客户"},{"action":"priority","priority":1}]}])",
                         "test"));
    BOOST_TEST(applied.reviewed == 2);  // C3 is in a wave
    BOOST_TEST(applied.changed == 1);
    BOOST_TEST(tags(zj) == 1);
    BOOST_TEST(tags(js) == 0);
    BOOST_TEST(tags(waved) == 0);
    BOOST_TEST(count("SELECT priority FROM shop_order WHERE id = " + std::to_string(zj)) == 1);
    BOOST_TEST(ops::rules_applied_text(applied) ==
               "2 waiting order(s) were reviewed again by the rules, 1 changed");

    applied = ops::set_rule_enabled(db, test::test_actor(), "zj", false);
    BOOST_TEST(applied.reviewed == 2);
    BOOST_TEST(applied.changed == 1);
    BOOST_TEST(tags(zj) == 0);
    // Nothing to change: said so.
    applied = ops::set_rule_enabled(db, test::test_actor(), "zj", false);
    BOOST_TEST(applied.changed == 0);
    BOOST_TEST(audit_entries(db).front().detail == "2 reviewed, 0 changed");
}

BOOST_AUTO_TEST_CASE(dry_run_reports_and_changes_nothing) {
    place("Y1", [](Order& o) { o.buyer_note = "加急"; });
    place("Y2");
    std::vector<OrderRule> candidate = parse_rules_json(
        R"([{"name":"zj","when":[{"field":"province","op":"in","values":["浙江"]}],
             "then":[{"action":"tag","value":"浙江"},{"action":"hold","reason":"check"}]}])",
        "candidate");
    std::string before = test::dump_content(db);
    DryRunSummary current = dry_run_rules(db, RuleRepository(db).list(), now - 86400, now);
    DryRunSummary tried = dry_run_rules(db, candidate, now - 86400, now);
    BOOST_TEST(test::dump_content(db) == before);
    BOOST_TEST(current.orders == 2);
    BOOST_TEST_REQUIRE(current.rows.size() == 1u);
    BOOST_TEST(current.rows[0].order_id == "Y1");
    BOOST_TEST(current.rows[0].rule == "same-day-urgent");
    BOOST_TEST(current.rows[0].actions == (std::vector<std::string>{"priority 1", "tag 加急"}));
    BOOST_TEST(tried.rows.size() == 2u);
    BOOST_TEST(tried.rows[1].actions == (std::vector<std::string>{"tag 浙江", "hold"}));
}

BOOST_AUTO_TEST_CASE(rules_round_trip_through_json) {
    std::vector<OrderRule> rules = RuleRepository(db).list();
    std::string exported = rules_to_json(rules);
    std::vector<OrderRule> back = parse_rules_json(exported, "export");
    BOOST_TEST(rules_to_json(back) == exported);
    BOOST_CHECK_THROW(parse_rules_json(R"([{"name":"x","then":[{"action":"fly"}]}])", "f.json"),
                      InvalidInput);
    try {
        parse_rules_json(R"([{"name":"x","when":[{"field":"colour","op":"in"}],"then":[]}])",
                         "f.json");
        BOOST_FAIL("unknown field accepted");
    } catch (const InvalidInput& e) {
        std::string m = e.what();
        BOOST_TEST(m.find("f.json") != std::string::npos);
        BOOST_TEST(m.find("colour") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
