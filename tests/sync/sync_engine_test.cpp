#include "sync/sync_engine.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "core/base/error.h"
#include "kill_cli.h"
#include "ops/store_check.h"
#include "platform_error.h"
#include "store/base/audit_log.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "store/orders/sync_state_repository.h"
#include "store/stock/ledger_check.h"
#include "store/testing/sql_probe.h"
#include "sync_fixture.h"
#include "test_clock.h"

using namespace dj;

namespace {

// What the simulated platforms hold that a sync up to `now` must store: modified during the
// first-sync lookback, and for Pinduoduo settled for 3 minutes.
std::int64_t expected_orders(PlatformSimulator& sim, Timestamp now) {
    return sim.with_shop([&](SimShop& shop) {
        std::int64_t n = 0;
        for (Platform p : {Platform::taobao, Platform::jd, Platform::pinduoduo, Platform::douyin})
            n += static_cast<std::int64_t>(
                shop.modified_between(p, now - 86400, now - (p == Platform::pinduoduo ? 180 : 0),
                                      false)
                    .size());
        return n;
    });
}

struct Fixture : test::SyncFixture {
    std::vector<StoreSyncReport> sync(Timestamp now) { return sync_at(now, "", std::nullopt); }
    std::int64_t orders() { return count("SELECT count(*) FROM shop_order"); }
    std::int64_t distinct() {
        return count("SELECT count(DISTINCT store_id || '/' || platform_order_id) FROM shop_order");
    }
};

// Runs `dianjia-cli --db DB sync` and SIGKILLs it once the simulator has answered `requests`
// more calls, the way a power cut or the task manager ends it. Returns false when the sync
// finished first.
bool kill_sync_after(PlatformSimulator& sim, const std::string& db_path, int requests) {
    int start = sim.requests();
    return test::kill_cli_when({"--db", db_path, "sync"},
                               [&] { return sim.requests() >= start + requests; });
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sync_engine, Fixture)

// A store's credentials tried before orders depend on them (the window's 测试连接, `store
// test`): the stored ones work; a wrong secret gets the platform's own refusal; none are asked
// for before anything is sent.
BOOST_AUTO_TEST_CASE(a_connection_is_tried_with_a_harmless_call) {
    BOOST_TEST(ops::check_store_connection(*db, http, test::test_actor(), "tb-main").carriers > 0u);
    BOOST_TEST(ops::check_store_connection(*db, http, test::test_actor(), "dy-main").carriers > 0u);
    StoreConnection wrong;
    wrong.platform = Platform::pinduoduo;
    wrong.app_key = "sim-app";
    wrong.app_secret = "not-the-secret";
    wrong.token = "sim-token";
    wrong.endpoint = sim.endpoint();
    int before = sim.requests();
    try {
        ops::check_store_connection(http, wrong);
        BOOST_FAIL("a wrong secret was accepted");
    } catch (const PlatformError& e) {
        BOOST_TEST(std::string(e.what()).find("签名错误") != std::string::npos, e.what());
    }
    BOOST_TEST(sim.requests() > before);
    wrong.app_secret.clear();
    before = sim.requests();
    BOOST_CHECK_THROW(ops::check_store_connection(http, wrong), InvalidInput);
    BOOST_TEST(sim.requests() == before);
}

BOOST_AUTO_TEST_CASE(full_then_incremental_sync_is_idempotent) {
    Timestamp now = test::kNow;
    for (const StoreSyncReport& r : sync(now))
        BOOST_TEST(r.ok, r.store << " " << r.error);
    std::int64_t expected = expected_orders(sim, now);
    BOOST_TEST(expected > 50);
    BOOST_TEST(orders() == expected);
    BOOST_TEST(count("SELECT count(*) FROM shop_order WHERE allocation = 'allocated'") > 0);
    std::string before = testing::SqlProbe(*db).text(
        "SELECT group_concat(id || status || allocation || "
        "modified_at) FROM shop_order");
    for (const StoreSyncReport& r : sync(test::kNow)) {
        BOOST_TEST(r.ok);
        BOOST_TEST(r.created == 0);
        BOOST_TEST(r.updated == 0);
    }
    BOOST_TEST(testing::SqlProbe(*db).text("SELECT group_concat(id || status || allocation || "
                                           "modified_at) FROM shop_order") == before);
    BOOST_TEST(count("SELECT count(*) FROM sync_state WHERE cursor_at IS NOT NULL") == 4);
}

BOOST_AUTO_TEST_CASE(faults_lose_and_duplicate_nothing_and_the_cursor_waits) {
    Timestamp now = test::kNow;
    sim.inject(SimFault::duplicate_across_pages, 40);
    sync(now);
    BOOST_TEST(orders() == distinct());
    for (SimFault f : {SimFault::malformed_json, SimFault::expired_token}) {
        sim.inject(f, 1, Platform::taobao);
        Timestamp later = test::kNow;
        std::optional<Timestamp> cursor_before = SyncStateRepository(*db).get(1).cursor;
        auto reports = sync_at(later, "tb-main", std::nullopt);
        BOOST_TEST(!reports.at(0).ok);
        SyncState state = SyncStateRepository(*db).get(1);
        BOOST_TEST(state.failing);
        BOOST_TEST(state.cursor.value_or(0) == cursor_before.value_or(0));
        if (f == SimFault::malformed_json) BOOST_TEST(!state.last_raw_body.empty());
    }
    sync(test::kNow);
    BOOST_TEST(SyncStateRepository(*db).get(1).failing == false);
    BOOST_TEST(orders() == expected_orders(sim, test::kNow));
    BOOST_TEST(orders() == distinct());
}

BOOST_AUTO_TEST_CASE(a_fault_mid_window_stores_nothing_of_that_window) {
    // First sync of a fresh store fails on its second page: nothing of the window is kept, and
    // the retry stores everything once.
    sim.with_shop([](SimShop& shop) {
        shop.clear();
        shop.generate(7, 1000, test::kNow);
        return 0;
    });
    sim.inject(SimFault::duplicate_across_pages, 1, Platform::jd);
    sim.inject(SimFault::malformed_json, 1, Platform::jd);
    auto r = sync_at(test::kNow, "jd-main", std::nullopt);
    BOOST_TEST(!r.at(0).ok);
    BOOST_TEST(count("SELECT count(*) FROM shop_order o JOIN shop_store s ON s.id = o.store_id "
                     "WHERE s.code = 'jd-main'") == 0);
    r = sync_at(test::kNow, "jd-main", std::nullopt);
    BOOST_TEST(r.at(0).ok);
    BOOST_TEST(r.at(0).created == 250);
}

BOOST_AUTO_TEST_CASE(cancel_and_refund_release_stock_and_hold_the_order) {
    sync(test::kNow);
    // Two allocated taobao orders: one refund request, one cancellation.
    std::vector<std::pair<Id, std::string>> picked;
    for (const testing::SqlRow& q : testing::SqlProbe(*db).rows(
             "SELECT o.id, o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id = "
             "o.store_id WHERE s.code = 'tb-main' AND o.allocation = 'allocated' ORDER BY o.id "
             "LIMIT 2"))
        picked.emplace_back(q[0].integer, q[1].text);
    BOOST_REQUIRE(picked.size() == 2u);
    Timestamp now = test::kNow;
    sim.with_shop([&](SimShop& shop) {
        Order a = *shop.find(Platform::taobao, picked[0].second);
        a.status = OrderStatus::refund_requested;
        a.modified_at = now - 5;
        shop.put(Platform::taobao, a);
        Order b = *shop.find(Platform::taobao, picked[1].second);
        b.status = OrderStatus::cancelled;
        b.modified_at = now - 5;
        shop.put(Platform::taobao, b);
        return 0;
    });
    std::int64_t reserved_before = count("SELECT sum(reserved) FROM stock_balance");
    auto r = sync_at(now, "tb-main", std::nullopt);
    BOOST_TEST(r.at(0).held == 2);
    BOOST_TEST(r.at(0).intercepts == 2);
    BOOST_TEST(count("SELECT sum(reserved) FROM stock_balance") < reserved_before);
    for (auto& [id, pid] : picked) {
        BOOST_TEST(allocation_code(OrderRepository(*db).find(id)->allocation) == "none");
        std::optional<OrderHold> hold = OrderHoldRepository(*db).find(id);
        BOOST_REQUIRE(hold);
        BOOST_TEST(!hold->reason.empty());
    }
}

BOOST_AUTO_TEST_CASE(a_sync_killed_midway_completes_next_time_without_loss_or_duplicate) {
    Timestamp generated = test::kNow;
    sim.with_shop([&](SimShop& shop) {
        shop.clear();
        shop.generate(11, 12000, generated);
        return 0;
    });
    int killed = 0;
    for (int requests : {25, 40, 60}) {
        if (kill_sync_after(sim, db_path(), requests)) ++killed;
        BOOST_TEST(check_ledger(*db).empty());
    }
    BOOST_TEST(killed > 0);
    BOOST_TEST(orders() < expected_orders(sim, test::kNow));

    Timestamp now = test::kNow;
    for (const StoreSyncReport& r : sync(now))
        BOOST_TEST(r.ok, r.store << " " << r.error);
    BOOST_TEST(orders() == expected_orders(sim, now));
    BOOST_TEST(orders() == distinct());
    std::set<std::string> stored;
    for (const testing::SqlRow& q : testing::SqlProbe(*db).rows(
             "SELECT s.platform || '/' || o.platform_order_id FROM shop_order o "
             "JOIN shop_store s ON s.id = o.store_id"))
        stored.insert(q[0].text);
    std::size_t missing = sim.with_shop([&](SimShop& shop) {
        std::size_t n = 0;
        for (Platform p : {Platform::taobao, Platform::jd, Platform::pinduoduo, Platform::douyin})
            for (const Order* o : shop.modified_between(p, generated - 86400, now - 180, false))
                if (!stored.count(std::string(platform_code(p)) + "/" + o->platform_order_id)) ++n;
        return n;
    });
    BOOST_TEST(missing == 0u);
    // Reservations: the ledger's figures agree, and every order holds exactly what its status
    // says (all of its units while allocated, nothing otherwise).
    BOOST_TEST(check_ledger(*db).empty());
    BOOST_TEST(count("SELECT count(*) FROM order_line_item i JOIN order_line l ON l.id = "
                     "i.order_line_id JOIN shop_order o ON o.id = l.order_id WHERE "
                     "i.reserved_qty <> CASE o.allocation WHEN 'allocated' THEN i.qty ELSE 0 "
                     "END") == 0);
}

BOOST_AUTO_TEST_CASE(a_sync_waiting_for_a_slow_platform_holds_no_lock) {
    // The platform stalls the first calls past the client's timeout (retried), as a slow
    // network does; meanwhile another program on the shop writes, waiting at most 200 ms.
    sim.inject(SimFault::timeout, 2, Platform::taobao);
    std::vector<StoreSyncReport> reports;
    std::thread syncing([&] { reports = sync_at(test::kNow, "tb-main", std::nullopt); });
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    std::string written;
    try {
        Database other(db_path(), clock, Database::Mode::existing, 200);
        WriteTransaction tx(other);
        audit(other, test::sync_actor(), "test.write", "during-sync");
        tx.commit();
        written = "yes";
    } catch (const std::exception& e) {
        written = e.what();
    }
    syncing.join();
    BOOST_TEST(written == "yes");
    BOOST_TEST_REQUIRE(reports.size() == 1u);
    BOOST_TEST(reports[0].ok, reports[0].error);
    BOOST_TEST(reports[0].created > 0);
    BOOST_TEST(check_ledger(*db).empty());
}

// Two workstations press Sync for one store at once: the second waits for the first and shows
// its result; the platform is asked once.
BOOST_AUTO_TEST_CASE(a_second_station_syncing_the_same_store_takes_the_first_ones_result) {
    sim.inject(SimFault::timeout, 2, Platform::taobao);  // the first sync takes a while
    std::vector<StoreSyncReport> first;
    std::thread station_a([&] { first = sync_at(test::kNow, "tb-main", std::nullopt); });
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    FixedClock later(test::kNow + 5);
    Database other(db_path(), later, Database::Mode::existing);
    HttpClient other_http(test::fast_http());
    std::vector<StoreSyncReport> second =
        ops::sync_stores(other, other_http, test::sync_actor(), "tb-main", std::nullopt);
    station_a.join();
    const int requests = sim.requests();
    BOOST_TEST_REQUIRE(first.size() == 1u);
    BOOST_TEST_REQUIRE(second.size() == 1u);
    BOOST_TEST(first[0].ok, first[0].error);
    BOOST_TEST(!first[0].synced_elsewhere);
    BOOST_TEST(first[0].created > 0);
    BOOST_TEST(second[0].ok, second[0].error);
    BOOST_TEST(second[0].synced_elsewhere);
    BOOST_TEST(second[0].orders == 0);
    BOOST_TEST(orders() == first[0].created);
    // Once the first is done, a sync of its own runs again.
    std::vector<StoreSyncReport> third =
        ops::sync_stores(other, other_http, test::sync_actor(), "tb-main", std::nullopt);
    BOOST_TEST(!third[0].synced_elsewhere);
    BOOST_TEST(sim.requests() > requests);
    BOOST_TEST(check_ledger(*db).empty());
}

BOOST_AUTO_TEST_SUITE_END()
