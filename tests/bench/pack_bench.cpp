// Pack stations on one shop, as a shop's pack bench runs them: each station opens a parcel by
// its local number, scans every item (the scan the pack check asks for next) and the last scan
// ships it on its waybill, in one transaction. One station alone, then four processes at once,
// each on parcels of its own; prints parcels per second for both, on a shop file or (with
// DJ_BENCH_POSTGRES) a server:
//   dj_pack_bench [DIR] [PARCELS_PER_STATION]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_db.h"
#include "core/base/error.h"
#include "demo/demo_shop.h"
#include "ops/observers.h"
#include "ops/pack_station.h"
#include "store/base/database.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

struct StationResult {
    int packed = 0;
    int skipped = 0;
    std::vector<double> parcel_ms;
};

// Packs `orders` (local ids); a parcel another station packed first, or one the rules hold,
// is skipped with its reason counted, as a packer would put it aside.
StationResult pack(const std::string& path, const std::string& station,
                   const std::vector<long long>& orders) {
    StationResult result;
    Database db(path, test::fixed_clock(), Database::Mode::existing);
    const Actor actor{"packer-" + station, "packer", station};
    for (long long id : orders) {
        auto start = Stopwatch::now();
        try {
            ops::PackStation parcel(db, actor, "#" + std::to_string(id));
            bool shipped = false;
            while (parcel.blocked_reason().empty()) {
                const auto& items = parcel.check().items();
                auto next = std::find_if(items.begin(), items.end(),
                                         [](const PackItem& i) { return i.scanned < i.expected; });
                if (next == items.end()) break;
                const std::string code =
                    next->barcodes.empty() ? next->sku_code : next->barcodes.front();
                ops::PackStation::Scanned s = parcel.scan(code);
                if (s.outcome == ScanOutcome::completed) {
                    shipped = s.shipped.has_value();
                    break;
                }
                if (s.outcome != ScanOutcome::counted) break;
            }
            if (!shipped) {
                ++result.skipped;
                continue;
            }
        } catch (const InvalidInput&) {
            ++result.skipped;
            continue;
        } catch (const NotFound&) {
            ++result.skipped;
            continue;
        } catch (const StockRuleViolation&) {
            ++result.skipped;
            continue;
        }
        ++result.packed;
        result.parcel_ms.push_back(
            std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count());
    }
    return result;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// `stations` processes at once, station k packing shares[k]; the wall time and what they did.
double run_stations(const std::string& path, const std::filesystem::path& dir,
                    const std::vector<std::vector<long long>>& shares, StationResult& total) {
    auto start = Stopwatch::now();
    std::vector<pid_t> children;
    for (std::size_t k = 0; k < shares.size(); ++k) {
        pid_t pid = fork();
        if (pid == 0) {
            StationResult r = pack(path, "pack-" + std::to_string(k + 1), shares[k]);
            std::ofstream out(dir / ("station-" + std::to_string(k) + ".txt"));
            out << r.packed << ' ' << r.skipped;
            for (double ms : r.parcel_ms)
                out << ' ' << ms;
            out.close();
            _exit(0);
        }
        children.push_back(pid);
    }
    bool ok = true;
    for (pid_t pid : children) {
        int status = 0;
        waitpid(pid, &status, 0);
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    double seconds = std::chrono::duration<double>(Stopwatch::now() - start).count();
    if (!ok) throw std::runtime_error("a pack station failed");
    for (std::size_t k = 0; k < shares.size(); ++k) {
        std::ifstream in(dir / ("station-" + std::to_string(k) + ".txt"));
        int packed = 0, skipped = 0;
        in >> packed >> skipped;
        total.packed += packed;
        total.skipped += skipped;
        for (double ms; in >> ms;)
            total.parcel_ms.push_back(ms);
    }
    return seconds;
}

}  // namespace

int main(int argc, char** argv) {
    ops::install_observers();
    std::printf("engine: %s\n", bench::engine_name());
    const std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    const int per_station = argc > 2 ? std::stoi(argv[2]) : 150;
    const std::string path = bench::fresh_database(dir, "bench-pack.db");
    {
        Database db(path, test::fixed_clock());
        DemoOptions demo;
        demo.orders = per_station * 8;
        demo.history_days = 5;
        build_demo_shop(db, demo, Actor{"bench", "system", "bench"});
    }
    // Parcels that can ship: allocated, with a waybill, not held, not part of a merge.
    std::vector<long long> orders;
    for (const testing::SqlRow& row : testing::SqlProbe(path).rows(
             "SELECT o.id FROM shop_order o WHERE o.allocation = 'allocated' AND EXISTS "
             "(SELECT 1 FROM order_waybill w WHERE w.order_id = o.id) AND NOT EXISTS (SELECT 1 "
             "FROM order_hold h WHERE h.order_id = o.id) ORDER BY o.id"))
        orders.push_back(row[0].integer);
    const std::size_t need = static_cast<std::size_t>(per_station) * 5;
    if (orders.size() < need) {
        std::printf("only %zu parcels can ship, %zu needed\n", orders.size(), need);
        return 1;
    }

    std::vector<std::vector<long long>> alone(1), four(4);
    for (int i = 0; i < per_station; ++i)
        alone[0].push_back(orders[static_cast<std::size_t>(i)]);
    for (std::size_t i = static_cast<std::size_t>(per_station); i < need; ++i)
        four[i % 4].push_back(orders[i]);

    StationResult one, many;
    const double one_s = run_stations(path, dir, alone, one);
    const double many_s = run_stations(path, dir, four, many);
    std::printf(
        "1 station:  %d parcels packed and shipped in %.2f s = %.1f parcels/s (median %.1f ms a "
        "parcel, %d skipped)\n",
        one.packed, one_s, one.packed / one_s, median(one.parcel_ms), one.skipped);
    std::printf(
        "4 stations: %d parcels packed and shipped in %.2f s = %.1f parcels/s (median %.1f ms a "
        "parcel, %d skipped)\n",
        many.packed, many_s, many.packed / many_s, median(many.parcel_ms), many.skipped);
    const long long negative = testing::SqlProbe(path).integer(
        "SELECT count(*) FROM stock_balance WHERE on_hand < 0 OR reserved < 0");
    std::printf("negative balances after packing: %lld\n", negative);
    return negative == 0 && one.packed > 0 && many.packed > 0 ? 0 : 1;
}
