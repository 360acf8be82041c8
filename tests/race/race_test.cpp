#define BOOST_TEST_MODULE race_tests
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "demo/demo_shop.h"
#include "ops/observers.h"
#include "simulator/platform_simulator.h"
#include "store/base/database.h"
#include "store/stock/ledger_check.h"
#include "store/testing/sql_probe.h"
#include "temp_dir.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace {

constexpr int kStations = 4;
constexpr int kOpsPerStation = 1000;

// What one station wrote (race_station.cpp).
struct StationLog {
    std::map<std::string, int> ok, refused;  // by kind
    std::vector<std::int64_t> movements;
    std::vector<std::string> refusals, errors;
    std::map<std::string, std::string> example;  // a refusal of each kind
    int own_syncs = 0, syncs_elsewhere = 0, failed_syncs = 0;
};

StationLog read_log(const std::string& path) {
    StationLog log;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string what, kind;
        words >> what >> kind;
        std::string rest;
        std::getline(words, rest);
        if (what == "ok") {
            ++log.ok[kind];
            std::istringstream ids(rest);
            for (std::int64_t id; ids >> id;)
                log.movements.push_back(id);
        } else if (what == "refused") {
            ++log.refused[kind];
            log.refusals.push_back(rest);
            log.example.emplace(kind, rest);
        } else if (what == "sync") {
            if (rest.rfind(" own", 0) == 0) ++log.own_syncs;
            if (rest.rfind(" elsewhere", 0) == 0) ++log.syncs_elsewhere;
            if (rest.rfind(" failed", 0) == 0) ++log.failed_syncs;
        } else {
            log.errors.push_back(line);
        }
    }
    return log;
}

// The SKUs the simulated platforms' buyers order most: the stations fight over their stock with
// the orders the syncs reserve.
std::string busiest_skus(PlatformSimulator& sim, std::size_t n) {
    std::map<std::string, int> lines;
    sim.with_shop([&](SimShop& shop) {
        for (Platform p : {Platform::taobao, Platform::jd, Platform::pinduoduo, Platform::douyin})
            for (const Order& o : shop.orders(p))
                for (const OrderLine& l : o.lines)
                    ++lines[l.seller_code];
        return 0;
    });
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [code, count] : lines)
        ranked.emplace_back(-count, code);
    std::sort(ranked.begin(), ranked.end());
    std::string out;
    for (std::size_t i = 0; i < std::min(n, ranked.size()); ++i)
        out += (i ? "," : "") + ranked[i].second;
    return out;
}

pid_t start_station(const std::vector<std::string>& args) {
    std::vector<std::string> a = args;
    a.insert(a.begin(), DJ_RACE_STATION_PATH);
    std::vector<char*> argv;
    for (std::string& s : a)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workstations)

// Four workstations ship, receive, count and sync on one shop at once, 1,000 operations each on
// the same few SKUs: nothing oversells, every movement a station was told about is in the
// ledger once and nothing else is, the ledger agrees with the balances, every order is stored
// once, and what was refused was refused with a message.
BOOST_AUTO_TEST_CASE(four_stations_at_once_lose_and_oversell_nothing) {
    ops::install_observers();
    test::TempDir dir;
    const std::string shop = test::test_database(dir, "shop.db");
    FixedClock clock(test::kNow);
    PlatformSimulator sim(clock, [] {
        SimulatorOptions o;
        o.orders = 400;
        return o;
    }());
    sim.start(0);
    std::string skus;
    {
        Database db(shop, clock);
        DemoOptions demo;
        demo.orders = 0;
        demo.history_days = 5;
        demo.platform_endpoint = sim.endpoint();
        build_demo_shop(db, demo, test::test_actor());
        skus = busiest_skus(sim, 6);
    }
    BOOST_TEST_MESSAGE("SKUs raced for: " << skus);

    const auto race_start = std::chrono::steady_clock::now();
    std::vector<pid_t> stations;
    for (int s = 1; s <= kStations; ++s)
        stations.push_back(start_station(
            {shop, "race-" + std::to_string(s), std::to_string(kOpsPerStation),
             std::to_string(s * 7919), skus, dir.file("station-" + std::to_string(s) + ".log")}));
    for (pid_t pid : stations) {
        int status = 0;
        BOOST_TEST_REQUIRE(waitpid(pid, &status, 0) == pid);
        BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 0), "a station failed: " << status);
    }

    BOOST_TEST_MESSAGE(
        kStations * kOpsPerStation
        << " operations in "
        << std::chrono::duration<double>(std::chrono::steady_clock::now() - race_start).count()
        << " s");
    Database db(shop, clock, Database::Mode::existing);
    testing::SqlProbe probe(db);
    std::multiset<std::int64_t> told;
    std::map<std::string, int> ok, refused;
    int own_syncs = 0, syncs_elsewhere = 0;
    for (int s = 1; s <= kStations; ++s) {
        StationLog log = read_log(dir.file("station-" + std::to_string(s) + ".log"));
        BOOST_TEST(log.errors.empty(), "station " << s << ": " << log.errors.front());
        BOOST_TEST(log.failed_syncs == 0);
        for (const std::string& why : log.refusals)
            BOOST_TEST(why.size() > 10, "refused without a message: " << why);
        told.insert(log.movements.begin(), log.movements.end());
        for (const auto& [kind, n] : log.ok)
            ok[kind] += n;
        for (const auto& [kind, n] : log.refused)
            refused[kind] += n;
        for (const auto& [kind, why] : log.example)
            if (s == 1) BOOST_TEST_MESSAGE("a " << kind << " refused:" << why);
        own_syncs += log.own_syncs;
        syncs_elsewhere += log.syncs_elsewhere;
    }
    BOOST_TEST_MESSAGE("posted: " << ok["ship"] << " shipments, " << ok["receive"] << " receipts, "
                                  << ok["count"] << " counts; refused: " << refused["ship"]
                                  << " shipments, " << refused["receive"] << " receipts, "
                                  << refused["count"] << " counts; syncs: " << own_syncs << " run, "
                                  << syncs_elsewhere << " taken from another station");
    // The race is real: shipments both went through and ran out of stock.
    BOOST_TEST(ok["ship"] > 100);
    BOOST_TEST(refused["ship"] > 0);
    BOOST_TEST(ok["receive"] > 100);
    BOOST_TEST(ok["count"] > 10);
    BOOST_TEST(own_syncs > 0);

    // Every movement a station was told about is in the ledger, once; nothing else is.
    std::multiset<std::int64_t> stored;
    for (const testing::SqlRow& row :
         probe.rows("SELECT id FROM movement WHERE workstation LIKE 'race-%'"))
        stored.insert(row[0].integer);
    BOOST_TEST(told.size() == std::set<std::int64_t>(told.begin(), told.end()).size());
    BOOST_TEST((stored == told));
    // No oversell: neither warehouse allows negative stock.
    BOOST_TEST(probe.integer("SELECT count(*) FROM stock_balance WHERE on_hand < 0") == 0);
    BOOST_TEST(probe.integer("SELECT count(*) FROM stock_lot WHERE on_hand < 0") == 0);
    BOOST_TEST(check_ledger(db).empty());
    // Every order the platforms hold is stored once, whichever station pulled it.
    BOOST_TEST(probe.integer("SELECT count(*) FROM shop_order") ==
               probe.integer("SELECT count(DISTINCT store_id || '/' || platform_order_id) FROM "
                             "shop_order"));
    BOOST_TEST(probe.integer("SELECT count(*) FROM shop_order") > 100);
}

BOOST_AUTO_TEST_SUITE_END()
