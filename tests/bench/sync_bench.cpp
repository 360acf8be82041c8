// Measures issue 4's speed goals against the loopback simulator and prints the figures:
//   full sync of 50,000 orders over the four platforms into an empty shop   under 10 s
//   incremental sync with nothing new                                        under 200 ms a store

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "bench_db.h"
#include "core/base/clock.h"
#include "demo/demo_shop.h"
#include "http_client.h"
#include "ops/observers.h"
#include "ops/sync_stores.h"
#include "simulator/platform_simulator.h"
#include "store/base/database.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

// The demo catalogue and stock without any order, every store connected to the simulator.
void prepare_shop(Database& db, const PlatformSimulator& sim, const Actor& actor) {
    DemoOptions demo;
    demo.orders = 0;
    demo.history_days = 5;
    build_demo_shop(db, demo, actor);
    WriteTransaction tx(db);
    SimulatorOptions defaults;
    for (const ShopStore& s : CatalogueRepository(db).list_stores()) {
        StoreConnection c;
        c.store_id = s.id;
        c.app_key = defaults.app_key;
        c.app_secret = defaults.app_secret;
        c.token = defaults.token;
        c.endpoint = sim.endpoint();
        StoreConnectionRepository(db).save(c);
    }
    tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
    dj::ops::install_observers();
    std::printf("engine: %s\n", bench::engine_name());
    std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    Actor actor{"bench", "system", "bench"};

    SimulatorOptions options;
    options.orders = 50000;
    PlatformSimulator sim(test::fixed_clock(), options);
    sim.start(0);
    Database db(bench::fresh_database(dir, "bench-sync.db"), test::fixed_clock());
    prepare_shop(db, sim, actor);
    // The client logs each request's duration: their sum is the time spent waiting on HTTP.
    long http_ms = 0;
    HttpClient http(HttpOptions{}, [&http_ms](const std::string& line) {
        std::size_t ms = line.rfind(" ms, ");
        std::size_t from = line.rfind(' ', ms - 1);
        http_ms += std::stol(line.substr(from + 1, ms - from - 1));
    });
    ops::SyncedOrders intake(db, actor);
    SyncEngine engine(db, http, intake, actor);

    // The full sync, store after store as SyncEngine::sync runs it, timed per store.
    bool ok = true;
    double full = 0;
    for (const ShopStore& s : CatalogueRepository(db).list_stores()) {
        long http_before = http_ms;
        auto start = Stopwatch::now();
        StoreSyncReport r = engine.sync_store(s, std::nullopt);
        double seconds = seconds_since(start);
        full += seconds;
        ok = ok && r.ok;
        std::printf(
            "  %-9s %.2f s (HTTP %.2f s): %2d windows, %3d pages, %5d orders, %5d new%s%s\n",
            r.store.c_str(), seconds, (http_ms - http_before) / 1000.0, r.windows, r.pages,
            r.orders, r.created, r.ok ? "" : "; FAILED: ", r.error.c_str());
    }
    long long stored = testing::SqlProbe(db).integer("SELECT count(*) FROM shop_order");
    std::printf(
        "full sync: %lld orders stored in %.2f s, %d requests answered in %.2f s (goal < 10 s)\n",
        stored, full, sim.requests(), http_ms / 1000.0);

    // Nothing changed on the platforms since: each store re-reads only the overlap.
    for (const ShopStore& s : CatalogueRepository(db).list_stores()) {
        int requests = sim.requests();
        auto start = Stopwatch::now();
        StoreSyncReport r = engine.sync_store(s, std::nullopt);
        double ms = seconds_since(start) * 1000.0;
        ok = ok && r.ok && r.created == 0 && r.updated == 0;
        std::printf(
            "incremental sync %-9s %.1f ms, %d requests, %d orders re-read, %d new, %d updated "
            "(goal < 200 ms)%s%s\n",
            s.code.c_str(), ms, sim.requests() - requests, r.orders, r.created, r.updated,
            r.ok ? "" : " FAILED: ", r.error.c_str());
    }
    return ok ? 0 : 1;
}
