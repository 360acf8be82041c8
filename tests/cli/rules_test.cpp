#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

namespace {

struct RuleShop : OrderShop {
    RuleShop() { ok({"orders", "import", fixture("orders_good.json")}); }
    json order_row(const std::string& id) const {
        return row_where(list({"orders", "list"}), {{"order_id", id}});
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_rules, RuleShop)

BOOST_AUTO_TEST_CASE(rules_list_export_import_enable_disable) {
    json rules = list({"rules", "list"});
    BOOST_TEST_REQUIRE(rules.size() == 5u);
    BOOST_TEST(str(rules.at(0), "name") == "refund-intercept");
    BOOST_TEST(str(rules.at(1), "enabled") == "yes");
    json exported = json::parse(ok({"rules", "export"}).out);
    BOOST_TEST_REQUIRE(exported.size() == 5u);
    // Edit the exported file: turn one rule off and add one.
    exported.at(0)["enabled"] = false;
    exported.push_back(json::parse(
        R"({"name":"zhejiang-sf","when":[{"field":"province","op":"in","values":["浙江"]}],
            "then":[{"action":"carrier","value":"SF"},{"action":"tag","value":"顺丰"}]})"));
    fs::path file = dir() / "rules.json";
    write_all(file, exported.dump());
    ok({"rules", "import", file.string()});
    rules = list({"rules", "list"});
    BOOST_TEST_REQUIRE(rules.size() == 6u);
    BOOST_TEST(str(rules.at(0), "enabled") == "no");
    BOOST_TEST(str(rules.at(5), "name") == "zhejiang-sf");
    ok({"rules", "enable", "refund-intercept"});
    BOOST_TEST(str(list({"rules", "list"}).at(0), "enabled") == "yes");
    ok({"rules", "disable", "same-day-urgent"});
    BOOST_TEST(str(list({"rules", "list"}).at(4), "enabled") == "no");
    Run missing = fails({"rules", "enable", "no-such-rule"});
    BOOST_TEST(contains(missing.err, "no-such-rule"));
    // A broken file names the file, the rule and the field, and changes nothing.
    write_all(file, R"([{"name":"bad","when":[{"field":"colour","op":"in","values":["x"]}],
                         "then":[{"action":"hold"}]}])");
    auto before = dump_db(db());
    Run bad = fails({"rules", "import", file.string()});
    BOOST_TEST(contains(bad.err, "rules.json"));
    BOOST_TEST(contains(bad.err, "bad"));
    BOOST_TEST(contains(bad.err, "colour"));
    BOOST_TEST(dump_db(db()) == before);
}

BOOST_AUTO_TEST_CASE(deleting_a_rule_releases_what_it_held_and_keeps_it_in_the_audit) {
    fs::path file = dir() / "hold-jiangsu.json";
    write_all(file, R"([{"name":"hold-jiangsu","when":[{"field":"province","op":"in",
                         "values":["江苏"]}],"then":[{"action":"hold"}]}])");
    ok({"rules", "import", file.string()});
    BOOST_TEST(contains(str(order_row(kOrder1), "hold_reason"), "hold-jiangsu"));
    Run deleted = ok({"rules", "delete", "hold-jiangsu"});
    BOOST_TEST(contains(deleted.out, "hold-jiangsu"));
    BOOST_TEST(order_row(kOrder1).at("hold_reason").is_null());
    BOOST_TEST(list({"rules", "list"}).size() == 5u);
    BOOST_TEST(sql_text(db(),
                        "SELECT detail FROM audit_log WHERE action = 'rule.delete' AND "
                        "subject = 'hold-jiangsu'")
                   .find("江苏") != std::string::npos);
    Run missing = fails({"rules", "delete", "hold-jiangsu"});
    BOOST_TEST(contains(missing.err, "No rule named hold-jiangsu"));
}

BOOST_AUTO_TEST_CASE(dry_run_lists_what_rules_would_do_and_changes_nothing) {
    fs::path candidate = dir() / "candidate.json";
    write_all(candidate,
              R"([{"name":"zj-hold","when":[{"field":"province","op":"in","values":["浙江"]}],
                   "then":[{"action":"hold","reason":"check"},{"action":"tag","value":"浙江"}]}])");
    auto before = dump_db(db());
    json rows = list({"rules", "dry-run", "--days", "3650", "--rule", candidate.string()});
    BOOST_TEST(dump_db(db()) == before);
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(str(rows.at(0), "order_id") == kOrder2);
    BOOST_TEST(str(rows.at(0), "rule") == "zj-hold");
    BOOST_TEST(rows.at(0).at("actions") == json::parse(R"(["hold", "tag 浙江"])"));
    // The stored rules: nothing in the fixture trips them.
    BOOST_TEST(list({"rules", "dry-run", "--days", "3650"}).empty());
    BOOST_TEST(list({"rules", "dry-run", "--days", "1"}).empty());
}

BOOST_AUTO_TEST_CASE(region_intercept_holds_shows_and_lifts) {
    Run caught = ok({"intercept", "region", "江苏省", "--reason", "台风"});
    BOOST_TEST(contains(caught.out, " 1 "), caught.out);
    json row = order_row(kOrder1);
    BOOST_TEST(contains(str(row, "hold_reason"), "台风"));
    BOOST_TEST(order_row(kOrder2).at("hold_reason").is_null());
    json intercepts = list({"intercept", "list"});
    BOOST_TEST_REQUIRE(intercepts.size() == 1u);
    BOOST_TEST(num(intercepts.at(0), "held") == 1);
    BOOST_TEST(str(intercepts.at(0), "target") == "江苏省");
    std::string id = std::to_string(num(intercepts.at(0), "id"));
    // Waves leave it out while it is held.
    ok({"order", "waybill", kOrder1, "--carrier", "ZTO", "--tracking", "75310000000001"});
    json wave = parse_json(ok_json({"wave", "create", "--carrier", "ZTO"}));
    BOOST_TEST(wave.at("wave").is_null());
    ok({"intercept", "lift", id});
    BOOST_TEST(order_row(kOrder1).at("hold_reason").is_null());
    BOOST_TEST(list({"intercept", "list"}).empty());
    BOOST_TEST(list({"intercept", "list", "--all"}).size() == 1u);
    Run again = fails({"intercept", "lift", id});
    BOOST_TEST(contains(again.err, id));
    fails({"intercept", "region", "江苏省"}, 2);  // --reason is required
    // Places are checked against GB/T 2260 and stored by their official names.
    Run mars = fails({"intercept", "region", "火星", "--reason", "测试"});
    BOOST_TEST(contains(mars.err, "not a province"), mars.err);
    Run elsewhere = fails({"intercept", "region", "江苏", "--city", "杭州", "--reason", "测试"});
    BOOST_TEST(contains(elsewhere.err, "not a city of 江苏省"), elsewhere.err);
    ok({"intercept", "region", "内蒙古", "--city", "呼和浩特", "--reason", "暴雪"});
    json snow = list({"intercept", "list"});
    BOOST_TEST_REQUIRE(snow.size() == 1u);
    BOOST_TEST(str(snow[0], "target") == "内蒙古自治区");
    BOOST_TEST(str(snow[0], "city") == "呼和浩特市");
    fs::path rule = dir() / "mars.json";
    write_all(rule, R"([{"name":"mars","when":[{"field":"province","op":"in","values":["火星"]}],
                        "then":[{"action":"tag","value":"x"}]}])");
    Run bad_rule = fails({"rules", "import", rule.string()});
    BOOST_TEST(contains(bad_rule.err, "Rule mars"), bad_rule.err);
}

BOOST_AUTO_TEST_CASE(order_hold_release_and_listing_keys) {
    json row = order_row(kOrder1);
    BOOST_TEST(row.contains("tags"));
    BOOST_TEST(row.at("tags").is_array());
    BOOST_TEST(num(row, "priority") == 0);
    BOOST_TEST(row.at("hold_reason").is_null());
    ok({"order", "hold", kOrder1, "--reason", "地址待确认"});
    BOOST_TEST(str(order_row(kOrder1), "hold_reason") == "地址待确认");
    ok({"order", "release", kOrder1});
    BOOST_TEST(order_row(kOrder1).at("hold_reason").is_null());
    Run twice = fails({"order", "release", kOrder1});
    BOOST_TEST(contains(twice.err, kOrder1));
    fails({"order", "hold", "no-such-order", "--reason", "x"});
}

BOOST_AUTO_TEST_CASE(a_same_day_note_is_tagged_and_listed_by_tag) {
    fs::path file = dir() / "urgent.json";
    write_all(file, R"([{"store":"tb-main","platform_order_id":"U-1","status":"to_ship",
        "buyer_note":"今天必须发","receiver":{"province":"江苏省","city":"常州市"},
        "paid_amount":"40.00","created_at":"2026-11-21T10:00:00+08:00",
        "lines":[{"seller_code":"TEA-001","quantity":1,"unit_price":"40.00"}]}])");
    ok({"orders", "import", file.string()});
    json tagged = list({"orders", "list", "--tag", "加急"});
    BOOST_TEST_REQUIRE(tagged.size() == 1u);
    BOOST_TEST(str(tagged.at(0), "order_id") == "U-1");
    BOOST_TEST(num(tagged.at(0), "priority") == 1);
    BOOST_TEST(tagged.at(0).at("tags") == json::parse(R"(["加急"])"));
}

BOOST_AUTO_TEST_CASE(merge_orders_to_one_receiver_and_unmerge) {
    // A second order from 张** to the same door, typed with a blank in the address.
    fs::path file = dir() / "again.json";
    write_all(file, R"([{"store": "tb-main", "platform_order_id": "3912345678901239999",
        "status": "to_ship", "receiver": {"name": "张**", "phone": "138****5678",
        "province": "江苏省", "city": "常州市", "district": "武进区", "address": "湖塘镇 **"},
        "paid_amount": "12.50", "created_at": "2026-11-20T15:00:00+08:00",
        "modified_at": "2026-11-20T15:00:00+08:00",
        "lines": [{"seller_code": "TEA-001", "quantity": 1, "unit_price": "12.50"}]}])");
    ok({"orders", "import", file.string()});
    const std::string again = "3912345678901239999";
    json groups = list({"orders", "mergeable"});
    BOOST_TEST_REQUIRE(groups.size() == 1u);
    BOOST_TEST(groups.at(0).at("orders") == json::array({kOrder1, again}));
    BOOST_TEST(order_row(again).at("parcel").is_null());

    Run refused = fails({"order", "merge", kOrder1, kOrder2});
    BOOST_TEST(contains(refused.err, "different receivers"), refused.err);
    Run merged = ok({"order", "merge", kOrder1, again});
    BOOST_TEST(contains(merged.out, kOrder1), merged.out);
    BOOST_TEST(str(order_row(again), "parcel") == kOrder1);
    BOOST_TEST(list({"orders", "mergeable"}).empty());

    ok({"order", "unmerge", again});
    BOOST_TEST(order_row(again).at("parcel").is_null());
    json applied = list({"orders", "mergeable", "--merge"});
    BOOST_TEST_REQUIRE(applied.size() == 1u);
    BOOST_TEST(str(applied.at(0), "parcel") == kOrder1);
    BOOST_TEST(str(order_row(again), "parcel") == kOrder1);
    Run twice = fails({"order", "unmerge", kOrder2});
    BOOST_TEST(contains(twice.err, "not merged"), twice.err);
}

BOOST_AUTO_TEST_SUITE_END()
