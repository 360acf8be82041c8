// DIANJIA_NOW is the program's "now": the same shop file, asked at two instants, answers as on
// each date (dashboard deadlines, expiry alerts, which months may close), and business dates
// are shop time (UTC+8) whatever the machine's zone.
#include "cli/cli_support.h"

using namespace cli_test;
using nlohmann::json;

namespace {

// OrderShop plus one paid Taobao order promised to ship by 2026-11-21 10:00 shop time.
struct ClockShop : OrderShop {
    ClockShop() {
        fs::path file = dir() / "promised.json";
        write_all(file, R"([{"store": "tb-main", "platform_order_id": "T-PROMISED",
            "status": "to_ship", "receiver": {"name": "张**", "province": "江苏省"},
            "paid_amount": "25.00", "created_at": "2026-11-20T10:00:00+08:00",
            "paid_at": "2026-11-20T10:01:00+08:00",
            "promised_ship_at": "2026-11-21T10:00:00+08:00",
            "lines": [{"seller_code": "TEA-001", "quantity": 2, "unit_price": "12.50"}]}])");
        ok({"orders", "import", file.string()});
    }
    long long figure(const std::string& now, const std::string& what) const {
        for (const json& row : list_at(now, {"dashboard"}))
            if (str(row, "what") == what) return num(row, "count");
        return -1;
    }
    // The open alerts of `kind` for MILK-01 after `alerts run` at `now`.
    std::size_t milk_alerts(const std::string& now, const std::string& kind) const {
        BOOST_TEST_REQUIRE(run_at(now, {"alerts", "run"}).code == 0);
        std::size_t n = 0;
        for (const json& a : list_at(now, {"alerts", "list"}))
            if (str(a, "sku") == "MILK-01" && str(a, "kind") == kind && str(a, "status") == "open")
                ++n;
        return n;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_clock, ClockShop)

BOOST_AUTO_TEST_CASE(dashboard_deadlines_follow_dianjia_now) {
    const std::string before = "2026-11-20T12:00:00+08:00";
    BOOST_TEST(figure(before, "due_within_24h") == 1);
    BOOST_TEST(figure(before, "overdue") == 0);
    BOOST_TEST(figure(before, "today.taobao.to_ship") == 1);  // paid that shop day
    const std::string after = "2026-11-23T09:00:00+08:00";
    BOOST_TEST(figure(after, "due_within_24h") == 0);
    BOOST_TEST(figure(after, "overdue") == 1);
    BOOST_TEST(figure(after, "today.taobao.to_ship") == -1);  // nothing created that day
}

BOOST_AUTO_TEST_CASE(expiry_alerts_follow_dianjia_now) {
    // MILK-01 batch L1 expires 2027-01-31; "expiring" means within 30 days.
    BOOST_TEST(milk_alerts("2026-12-20T09:00:00+08:00", "expiring") == 0u);
    BOOST_TEST(milk_alerts("2027-01-10T09:00:00+08:00", "expiring") == 1u);
    BOOST_TEST(milk_alerts("2027-02-05T09:00:00+08:00", "expired") == 1u);
    BOOST_TEST(milk_alerts("2027-02-05T09:00:00+08:00", "expiring") == 0u);  // resolved
}

BOOST_AUTO_TEST_CASE(period_close_follows_dianjia_now_in_shop_time) {
    // 2026-11-30 23:30 shop time: November is not over.
    Run early = run_at("2026-11-30T23:30:00+08:00", {"period", "close", "2026-11"});
    BOOST_TEST(early.code == 1);
    BOOST_TEST(contains(early.err, "2026-11"));
    // 2026-12-01 07:00 shop time is still 2026-11-30 in UTC: the shop's month is over anyway.
    BOOST_TEST(run_at("2026-12-01T07:00:00+08:00", {"period", "close", "2026-11"}).code == 0);
    json periods = list({"period", "list"});
    BOOST_TEST(row_where(periods, {{"month", "2026-11"}}).dump().find("closed") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(tables_show_beijing_time_json_and_utc_show_utc) {
    // Created at 10:00 shop time = 02:00 UTC, whatever the machine's zone (faketime runs).
    Run table = ok({"orders", "list"});
    BOOST_TEST(contains(table.out, "2026-11-20 10:00 +08:00"), table.out);
    BOOST_TEST(!contains(table.out, "02:00:00Z"), table.out);
    Run utc = ok({"--utc", "orders", "list"});
    BOOST_TEST(contains(utc.out, "2026-11-20T02:00:00Z"), utc.out);
    json row = row_where(list({"orders", "list"}), {{"order_id", "T-PROMISED"}});
    BOOST_TEST(str(row, "created_at") == "2026-11-20T02:00:00Z");
}

BOOST_AUTO_TEST_CASE(a_dianjia_now_that_is_not_a_time_is_refused_by_name) {
    Run r = run_at("next tuesday", {"dashboard"});
    BOOST_TEST(r.code == 1);
    BOOST_TEST(contains(r.err, "DIANJIA_NOW"));
    BOOST_TEST(contains(r.err, "next tuesday"));
}

BOOST_AUTO_TEST_SUITE_END()
