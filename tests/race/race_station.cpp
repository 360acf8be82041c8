// One workstation of the race test (race_test.cpp): ships, receives, counts and syncs on a shop
// shared with three others, and writes what became of each operation, one line each:
//   ok KIND MOVEMENT_ID…       posted (a count that matched posts none)
//   refused KIND MESSAGE        refused with a message for the person
//   sync STORE own|elsewhere|failed MESSAGE
// Anything else thrown is a failure of the program: it is written as "error" and ends it.
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "http_client.h"
#include "ops/observers.h"
#include "ops/stock_moves.h"
#include "ops/sync_stores.h"
#include "store/base/database.h"
#include "test_clock.h"

namespace {

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string word; std::getline(in, word, ',');)
        out.push_back(word);
    return out;
}

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

}  // namespace

// race_station DB STATION OPS SEED SKU,SKU,… OUT
int main(int argc, char** argv) {
    if (argc != 7) {
        std::cerr << "usage: race_station DB STATION OPS SEED SKUS OUT\n";
        return 2;
    }
    using namespace dj;
    const std::string db_path = argv[1], station = argv[2];
    const int ops = std::stoi(argv[3]);
    std::mt19937_64 rng(std::stoull(argv[4]));
    const std::vector<std::string> skus = split(argv[5]);
    std::ofstream out(argv[6]);
    ops::install_observers();
    const FixedClock clock(test::kNow);
    const Actor actor{"race", "manager", station};
    try {
        Database db(db_path, clock, Database::Mode::existing);
        HttpOptions http_options;
        http_options.timeout_ms = 2000;
        HttpClient http(http_options);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        for (int i = 0; i < ops; ++i) {
            const int roll = pick(100);
            if (roll < 4) {
                for (const StoreSyncReport& r : ops::sync_stores(db, http, actor)) {
                    out << "sync " << r.store << ' '
                        << (!r.ok                ? "failed"
                            : r.synced_elsewhere ? "elsewhere"
                                                 : "own")
                        << ' ' << one_line(r.error) << '\n';
                }
                continue;
            }
            ops::StockMove m;
            m.sku = skus[static_cast<std::size_t>(pick(static_cast<int>(skus.size())))];
            m.warehouse = "CZ";
            m.doc = "RACE-" + station + "-" + std::to_string(i);
            std::string kind;
            if (roll < 55) {
                kind = "ship";
                m.kind = ops::StockMoveKind::ship;
                m.qty = 1 + pick(4);
            } else if (roll < 85) {
                kind = "receive";
                m.kind = ops::StockMoveKind::receive;
                m.qty = 1 + pick(6);
                m.location = ops::receiving_location_code();
                m.batch = "R-" + station;
                m.expiry = "2028-12-31";
            } else {
                kind = "count";
                m.kind = ops::StockMoveKind::count;
                m.qty = pick(60);
                m.location = ops::receiving_location_code();
                m.reason = m.doc;
            }
            try {
                std::vector<Movement> posted = ops::move_stock(db, actor, m);
                out << "ok " << kind;
                for (const Movement& p : posted)
                    out << ' ' << p.id;
                out << '\n';
            } catch (const Error& e) {
                // Refused: not enough stock, or another station kept the shop too long.
                out << "refused " << kind << ' ' << one_line(e.what()) << '\n';
            }
        }
    } catch (const std::exception& e) {
        out << "error " << one_line(e.what()) << '\n';
        return 1;
    }
    return 0;
}
