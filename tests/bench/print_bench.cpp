// Printing speed: 1,000 waybill labels (100x150 mm, Chinese, Code 128) in one PDF — goal under
// 0.2 s and under 3 MB — and the pick sheet of a 1,000-order wave — goal under 0.5 s. Both are
// measured the way `print labels` / `print picksheet` run: read from the database, then render.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/base/clock.h"
#include "demo/demo_shop.h"
#include "ops/observers.h"
#include "ops/waves.h"
#include "reports/label_template.h"
#include "reports/pick_sheet.h"
#include "reports/waybill_label.h"
#include "store/base/database.h"
#include "store/fulfilment/parcel_document_queries.h"
#include "store/fulfilment/wave_service.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {
double seconds_since(Stopwatch::time_point t) {
    return std::chrono::duration<double>(Stopwatch::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
    dj::ops::install_observers();
    std::filesystem::path dir = argc > 1 ? argv[1] : std::filesystem::temp_directory_path();
    std::string path = (dir / "bench-print.db").string();
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    Actor actor{"bench", "system", "bench"};
    Database db(path, test::fixed_clock());
    DemoOptions options;
    options.orders = 6000;
    build_demo_shop(db, options, actor);

    // The biggest wave the demo gives: one warehouse and carrier, up to 1,000 orders.
    WaveService waves(db);
    WaveRequest request;
    request.max_orders = 1000;
    std::vector<WaveInfo> created = ops::create_waves(db, actor, request);
    const WaveInfo* biggest = nullptr;
    for (const WaveInfo& w : created)
        if (!biggest || w.orders > biggest->orders) biggest = &w;
    if (!biggest) {
        std::printf("no wave could be built\n");
        return 1;
    }

    std::string labels = (dir / "bench-labels.pdf").string();
    auto t = Stopwatch::now();
    std::vector<LabelData> data = wave_label_data(db, biggest->number, test::kNow);
    double read_seconds = seconds_since(t);
    reports::render_labels(data, reports::load_label_template("100x150"), labels);
    double label_seconds = seconds_since(t);
    std::printf(
        "%zu labels (100x150): %.3f s (reading %.3f s), %.2f MB (goals: 1,000 in under "
        "0.2 s, under 3 MB)\n",
        data.size(), label_seconds, read_seconds,
        static_cast<double>(std::filesystem::file_size(labels)) / 1e6);

    std::string sheet = (dir / "bench-picksheet.pdf").string();
    t = Stopwatch::now();
    PickSheet pick = waves.pick_list(biggest->number);
    reports::render_pick_sheet(pick, sheet, test::kNow);
    std::printf("pick sheet of %d orders (%zu stops): %.3f s (goal: 1,000 orders in under 0.5 s)\n",
                biggest->orders, pick.stops.size(), seconds_since(t));
    return 0;
}
