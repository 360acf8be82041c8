// The orders view on 100,000 orders: loading them, a text filter, a sort, and memory.
// Goals: start-up to the orders view under 1.5 s, a text filter under 100 ms, under 200 MB.
// tests/bench/gui_startup.sh times the real window on the same database.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/order_table.h"
#include "demo/demo_shop.h"
#include "ops/observers.h"
#include "store/base/database.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

double ms_since(Stopwatch::time_point t) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - t).count();
}

long rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long kb = 0;
    while (status >> key)
        if (key == "VmRSS:") {
            status >> kb;
            break;
        }
    return kb / 1024;
}

}  // namespace

int main(int argc, char** argv) {
    dj::ops::install_observers();
    std::string path =
        argc > 1 ? argv[1] : (std::filesystem::temp_directory_path() / "bench-100k.db").string();
    if (!std::filesystem::exists(path)) {
        Database db(path, test::fixed_clock());
        DemoOptions options;
        options.orders = 100000;
        build_demo_shop(db, options, Actor{"bench", "system", "bench"});
    }
    long before = rss_mb();
    Database db(path, test::fixed_clock(), Database::Mode::existing);
    Progress progress;
    auto t = Stopwatch::now();
    OrderTable table;
    table.load(OrderTable::read(db, Actor{"bench", "owner", "bench"}, progress));
    table.apply({});
    double load = ms_since(t);
    t = Stopwatch::now();
    OrderQuery text;
    text.text = "tea-00";
    table.apply(text);
    double filter = ms_since(t);
    std::size_t matches = table.size();
    t = Stopwatch::now();
    OrderQuery sorted;
    sorted.sort = OrderColumn::amount;
    sorted.ascending = false;
    table.apply(sorted);
    double sort = ms_since(t);
    std::printf(
        "orders view on %zu orders: load %.0f ms, text filter %.1f ms (%zu matches), "
        "sort by amount %.1f ms, memory %ld MB (process %ld MB)\n",
        table.total(), load, filter, matches, sort, rss_mb() - before, rss_mb());
    std::printf("goals: start-up under 1500 ms, filter under 100 ms, memory under 200 MB\n");
    return 0;
}
