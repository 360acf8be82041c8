#include "core/alerts/alert_rules.h"

#include <boost/test/unit_test.hpp>

#include "core/alerts/alert_text.h"
#include "core/alerts/stock_thresholds.h"
#include "core/base/clock.h"
#include "core/base/translate.h"

using namespace dj;

namespace {

const long kToday = days_from_date("2026-11-24");

std::vector<AlertKind> kinds(const AlertFacts& f, const AlertThresholds& t = {}) {
    std::vector<AlertKind> out;
    for (const AlertCondition& c : evaluate_alerts(f, t, kToday))
        out.push_back(c.kind);
    return out;
}

bool has(const std::vector<AlertKind>& ks, AlertKind k) {
    return std::find(ks.begin(), ks.end(), k) != ks.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(alert_rules)

BOOST_AUTO_TEST_CASE(low_stock_at_or_below_reorder_point) {
    AlertFacts f;
    f.on_hand = f.available = 10;
    f.reorder_point = 10;
    BOOST_TEST(has(kinds(f), AlertKind::low_stock));
    f.available = 11;
    BOOST_TEST(!has(kinds(f), AlertKind::low_stock));
    f.reorder_point = 0;  // nobody buys it: no reorder point to fall under
    f.available = 0;
    BOOST_TEST(kinds(f).empty());
}

BOOST_AUTO_TEST_CASE(one_stock_level_alert_at_a_time_the_gravest) {
    AlertFacts f;
    f.available = 0;
    BOOST_TEST(kinds(f).empty());
    f.recent_shipped = 3;
    f.reorder_point = 5;
    // Out of stock replaces low stock.
    BOOST_TEST((kinds(f) == std::vector<AlertKind>{AlertKind::out_of_stock}));
    // Orders waiting that nothing can serve: oversold replaces both.
    f.short_units = 2;
    f.short_orders = 1;
    auto conditions = evaluate_alerts(f, {}, kToday);
    BOOST_TEST_REQUIRE(conditions.size() == 1u);
    BOOST_TEST((conditions[0].kind == AlertKind::oversold));
    BOOST_TEST(conditions[0].figures == "orders=1;units=2");
    f.available = 2;  // exactly enough: the orders are short of something else
    BOOST_TEST((kinds(f) == std::vector<AlertKind>{AlertKind::low_stock}));
}

BOOST_AUTO_TEST_CASE(oversold_counts_only_the_units_missing) {
    // 19 short orders need 51 of this SKU, 128 are available: they lack other SKUs.
    AlertFacts f;
    f.on_hand = f.available = 128;
    f.short_units = 51;
    f.short_orders = 19;
    f.recent_shipped = 60;
    BOOST_TEST(kinds(f).empty());
    f.available = 40;
    auto conditions = evaluate_alerts(f, {}, kToday);
    BOOST_TEST_REQUIRE(conditions.size() == 1u);
    BOOST_TEST(alert_detail_text(AlertKind::oversold, conditions[0].figures) ==
               "19 orders short of 11 units");
}

BOOST_AUTO_TEST_CASE(overstock_only_with_a_maximum) {
    AlertFacts f;
    f.on_hand = f.available = 500;
    BOOST_TEST(!has(kinds(f), AlertKind::overstock));
    AlertThresholds t;
    t.max_stock = 500;
    BOOST_TEST(!has(kinds(f, t), AlertKind::overstock));
    t.max_stock = 499;
    BOOST_TEST(has(kinds(f, t), AlertKind::overstock));
}

BOOST_AUTO_TEST_CASE(expiring_and_expired_batches) {
    AlertFacts f;
    f.on_hand = f.available = 20;
    f.lots = {{kToday + 31, 5, "L1"}};
    BOOST_TEST(!has(kinds(f), AlertKind::expiring));
    f.lots = {{kToday + 30, 5, "L1"}, {kToday, 1, "L2"}};  // day 30 and today are within 30 days
    auto conditions = evaluate_alerts(f, {}, kToday);
    BOOST_TEST_REQUIRE(conditions.size() == 1u);
    BOOST_TEST(conditions[0].figures == "units=6;first_expiry=2026-11-24;within_days=30");
    BOOST_TEST(alert_detail_text(AlertKind::expiring, conditions[0].figures) ==
               "6 units expire by 2026-11-24 (within 30 days)");
    f.lots = {{kToday - 1, 4, "B1202"}, {kToday - 3, 2, "B0901"}, {kToday + 40, 9, "B1301"}};
    conditions = evaluate_alerts(f, {}, kToday);
    BOOST_TEST_REQUIRE(conditions.size() == 1u);
    BOOST_TEST((conditions[0].kind == AlertKind::expired));
    // The alert names the batches, earliest first.
    BOOST_TEST(alert_detail_text(AlertKind::expired, conditions[0].figures) ==
               "6 units past expiry in stock, not available: batch B0901 2026-11-21 x2, B1202 "
               "2026-11-23 x4 (earliest 2026-11-21); scrap them");
    BOOST_TEST(!has(kinds(f), AlertKind::expiring));
    f.lots = {{kToday - 1, 0, "L1"}};  // an empty batch warns about nothing
    BOOST_TEST(kinds(f).empty());
}

BOOST_AUTO_TEST_CASE(stagnant_after_n_days_with_stock) {
    AlertFacts f;
    f.on_hand = f.available = 3;
    f.days_without_outbound = 59;
    BOOST_TEST(!has(kinds(f), AlertKind::stagnant));
    f.days_without_outbound = 60;
    BOOST_TEST(has(kinds(f), AlertKind::stagnant));
    f.on_hand = f.available = 0;
    BOOST_TEST(!has(kinds(f), AlertKind::stagnant));
}

BOOST_AUTO_TEST_CASE(count_loss_above_percent_of_on_hand) {
    AlertFacts f;
    f.on_hand = f.available = 90;
    f.recent_count_losses = {{10, 100}};  // exactly 10 %: not above
    BOOST_TEST(!has(kinds(f), AlertKind::count_loss));
    f.recent_count_losses = {{10, 100}, {11, 100}};
    BOOST_TEST(has(kinds(f), AlertKind::count_loss));
    AlertThresholds t;
    t.count_loss_percent = 20;
    BOOST_TEST(!has(kinds(f, t), AlertKind::count_loss));
}

BOOST_AUTO_TEST_CASE(reconcile_opens_once_refreshes_and_resolves) {
    std::vector<AlertCondition> now{{AlertKind::low_stock, "a"}, {AlertKind::expired, "b"}};
    AlertChanges c = reconcile_alerts({}, now);
    BOOST_TEST(c.open.size() == 2u);
    // Still holding: no second alert, only new figures.
    c = reconcile_alerts({{7, AlertKind::low_stock, "old"}, {8, AlertKind::expired, "b"}}, now);
    BOOST_TEST(c.open.empty());
    BOOST_TEST_REQUIRE(c.refresh.size() == 1u);
    BOOST_TEST(c.refresh[0].first == 7);
    BOOST_TEST(c.resolve.empty());
    // Cleared: resolved.
    c = reconcile_alerts({{7, AlertKind::low_stock, "a"}, {9, AlertKind::stagnant, "s"}},
                         {{AlertKind::low_stock, "a"}});
    BOOST_TEST(c.open.empty());
    BOOST_TEST(c.refresh.empty());
    BOOST_TEST(c.resolve == std::vector<Id>{9});
}

// The stored figures are the same whoever evaluated; the text follows whoever reads it.
BOOST_AUTO_TEST_CASE(detail_text_follows_the_readers_language) {
    AlertFacts f;
    f.on_hand = f.available = 3;
    f.reorder_point = 5;
    auto conditions = evaluate_alerts(f, {}, kToday);
    BOOST_TEST_REQUIRE(conditions.size() == 1u);
    const std::string figures = conditions[0].figures;
    BOOST_TEST(alert_detail_text(AlertKind::low_stock, figures) ==
               "available 3 at or below reorder point 5");
    set_translator([](const char* id) {
        std::string msgid = id;
        if (msgid == "available {0} at or below reorder point {1}")
            return std::string("可用 {0} 件，已降至再订货点 {1} 或以下");
        if (msgid == "Low stock") return std::string("库存偏低");
        return msgid;
    });
    BOOST_TEST(evaluate_alerts(f, {}, kToday)[0].figures == figures);
    BOOST_TEST(alert_detail_text(AlertKind::low_stock, figures) ==
               "可用 3 件，已降至再订货点 5 或以下");
    Alert a;
    a.kind = AlertKind::low_stock;
    a.sku = "CUP-1";
    a.warehouse = "CZ";
    a.figures = figures;
    a.opened_at = parse_time("2026-11-24T13:04:16+08:00", "t");
    NotificationText n = alert_notification(a);
    BOOST_TEST(n.title == "[Dianjia stock alert] 库存偏低: SKU CUP-1 in warehouse CZ");
    BOOST_TEST(n.body == "可用 3 件，已降至再订货点 5 或以下 (since 2026-11-24 13:04:16)");
    set_translator(nullptr);
    BOOST_TEST(split_notification(join_notification(n)).title == n.title);
    BOOST_TEST(split_notification(join_notification(n)).body == n.body);
    BOOST_TEST(split_notification("one line").body == "one line");
}

BOOST_AUTO_TEST_CASE(figures_of_every_kind_and_older_sentences) {
    AlertFacts f;
    f.on_hand = 120;
    f.available = 0;
    f.recent_shipped = 9;
    f.short_units = 4;
    f.short_orders = 2;
    f.lots = {{kToday + 3, 5, "L1"}, {kToday - 2, 1, "L2"}};
    f.days_without_outbound = 70;
    f.recent_count_losses = {{30, 150}};
    AlertThresholds t;
    t.max_stock = 100;
    std::vector<std::string> texts;
    for (const AlertCondition& c : evaluate_alerts(f, t, kToday))
        texts.push_back(alert_detail_text(c.kind, c.figures));
    std::vector<std::string> expected{
        "2 orders short of 4 units",
        "on hand 120 above maximum 100",
        "5 units expire by 2026-11-27 (within 30 days)",
        "1 units past expiry in stock, not available: batch L2 2026-11-22 x1 (earliest "
        "2026-11-22); scrap them",
        "nothing shipped for 70 days, 120 on hand",
        "a count took 30 of 150 on hand (over 10 %)"};
    BOOST_TEST(texts == expected, boost::test_tools::per_element());
    BOOST_TEST(alert_detail_text(AlertKind::out_of_stock, "available=0;short_units=0;shipped=9") ==
               "available 0; 0 units waiting, 9 shipped in 28 days");
    // Figures stored by an older version, and a sentence, show as they were written.
    BOOST_TEST(alert_detail_text(AlertKind::expired, "units=1;first_expiry=2026-11-22") ==
               "1 units past expiry (earliest 2026-11-22) in stock");
    BOOST_TEST(alert_detail_text(AlertKind::low_stock, "可用 4 件") == "可用 4 件");
    BOOST_TEST(alert_figure("available=4;reorder_point=5", "reorder_point").value() == "5");
    BOOST_TEST(!alert_figure("available=4", "reorder").has_value());
}

BOOST_AUTO_TEST_CASE(thresholds_most_specific_scope_wins) {
    ThresholdBook b;
    BOOST_TEST(b.value(Threshold::expiry_days, 1, 2) == 30);
    BOOST_TEST(!b.get(Threshold::reorder_point, 1, 2).has_value());
    b.set(Threshold::expiry_days, 0, 0, 20);  // shop
    b.set(Threshold::expiry_days, 0, 2, 15);  // warehouse 2
    b.set(Threshold::expiry_days, 1, 0, 10);  // SKU 1
    b.set(Threshold::expiry_days, 1, 3, 5);   // SKU 1 in warehouse 3
    BOOST_TEST(b.value(Threshold::expiry_days, 9, 9) == 20);
    BOOST_TEST(b.value(Threshold::expiry_days, 9, 2) == 15);
    BOOST_TEST(b.value(Threshold::expiry_days, 1, 2) == 10);
    BOOST_TEST(b.value(Threshold::expiry_days, 1, 3) == 5);
}

BOOST_AUTO_TEST_SUITE_END()
