#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "core/base/clock.h"
#include "demo/demo_shop.h"
#include "http_client.h"
#include "ops/sync_stores.h"
#include "simulator/platform_simulator.h"
#include "store/base/database.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

namespace dj::test {

inline Actor sync_actor() {
    return Actor{"tester", "owner", "test-station"};
}

inline HttpOptions fast_http() {
    HttpOptions o;
    o.timeout_ms = 400;
    o.max_attempts = 3;
    o.backoff_ms = 5;
    o.max_backoff_ms = 20;
    return o;
}

// A demo shop (SKUs TEA-0001… with stock, stores tb-main, jd-main, pdd-main, dy-main) whose
// stores point at a simulator on a free port of 127.0.0.1.
struct SyncFixture {
    std::filesystem::path dir;
    FixedClock clock{kNow};  // the shop's and the simulated platforms' now
    PlatformSimulator sim;
    HttpClient http{fast_http()};
    std::unique_ptr<Database> db;

    explicit SyncFixture(int orders = 120)
        : sim(clock, [orders] {
              SimulatorOptions o;
              o.orders = orders;
              o.stall_ms = 700;
              return o;
          }()) {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() /
              ("dianjia-sync-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(dir);
        sim.start(0);
        open();
        // The demo's own connections (the simulator's default credentials), on this port.
        DemoOptions demo;
        demo.orders = 0;
        demo.history_days = 5;
        demo.platform_endpoint = sim.endpoint();
        build_demo_shop(*db, demo, sync_actor());
    }
    ~SyncFixture() {
        db.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::string db_path() const { return test::test_database_at((dir / "shop.db").string()); }
    // Closes and reopens the database, as a restart of the program does.
    void open() {
        db.reset();
        db = std::make_unique<Database>(db_path(), clock);
    }
    std::int64_t count(const std::string& sql) { return testing::SqlProbe(*db).integer(sql); }
    // A sync as the window and the CLI run it (ops::sync_stores), ending at `now` (the clock is
    // set there).
    std::vector<StoreSyncReport> sync_at(Timestamp now, const std::string& store,
                                         std::optional<Timestamp> since) {
        clock.set(now);
        return ops::sync_stores(*db, http, sync_actor(), store, since);
    }
};

}  // namespace dj::test
