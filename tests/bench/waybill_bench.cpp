// Issue 22's speed goal, measured against the loopback simulators (printing the figures):
//   numbers for 1,000 orders from the simulated platforms, and 1,000 documents through the
//   simulated print components, end to end; the program adds under 2 ms a document over the
//   simulators' own time (the same calls made bare, without the shop database, journal or
//   report).
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "adapter_registry.h"
#include "demo/demo_shop.h"
#include "http_client.h"
#include "ops/e_waybills.h"
#include "ops/fulfilment_queries.h"
#include "ops/print_waybills.h"
#include "ops/shop_setup.h"
#include "ops/stock_queries.h"
#include "ops/stock_service.h"
#include "ops/sync_stores.h"
#include "ops/waves.h"
#include "print/component_client.h"
#include "simulator/component_simulator.h"
#include "simulator/platform_simulator.h"
#include "store/base/database.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/fulfilment/waybill_request_repository.h"
#include "store/orders/store_connection_repository.h"
#include "store/stock/catalogue_repository.h"
#include "test_clock.h"

using namespace dj;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

const Actor kActor{"bench", "owner", "bench"};

}  // namespace

int main() {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "dianjia-waybill-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const Clock& clock = test::fixed_clock();
    SimulatorOptions sim_options;
    sim_options.orders = 6000;
    PlatformSimulator sim(clock, sim_options);
    sim.start(0);
    HttpClient http{HttpOptions{}};
    Database db((dir / "shop.db").string(), clock);
    DemoOptions demo;
    demo.orders = 0;
    demo.history_days = 5;
    demo.platform_endpoint = sim.endpoint();
    build_demo_shop(db, demo, kActor);
    for (const ShopStore& s : CatalogueRepository(db).list_stores())
        ops::save_store(db, kActor, {s.code, s.name, s.platform, "CZ", {}});
    ops::StockService stock(db, kActor);
    for (const Sku& sku : ops::list_skus(db, Actor{"bench", "owner", "bench"})) {
        ops::StockService::Receive in;
        in.sku = sku.code;
        in.warehouse = "CZ";
        in.qty = 2000;
        if (sku.shelf_life_days > 0) {
            in.batch = "L20261120";
            in.expiry = "2028-05-01";
        }
        stock.receive(in);
    }
    ops::sync_stores(db, http, kActor);
    for (const char* store : {"tb-main", "pdd-main", "dy-main"})
        ops::sync_carrier_accounts(db, http, kActor, store, "店家仓库", "13800000000");
    CarrierAccount jd;
    jd.store = "jd-main";
    jd.carrier = "ZTO";
    jd.branch_code = "571001";
    jd.sender = {"店家仓库", "13800000000", "浙江省", "杭州市", "余杭区", "文一西路969号"};
    ops::save_carrier_account(db, kActor, jd);
    WaveRequest r;
    r.max_orders = 1000;
    r.max_waves = 1;
    std::vector<WaveInfo> waves = ops::create_waves(db, kActor, r);
    std::vector<Id> ids;
    for (const WaveSlot& s : ops::wave_slots(db, waves.at(0).number))
        ids.push_back(s.order_id);
    std::printf("wave of %zu orders over the four platforms\n", ids.size());

    // Bare: the same number of parcels asked of the simulated platforms straight through the
    // adapters, in the same batches, without the shop database.
    std::vector<WaybillParcel> parcels = waybill_parcels(db, ids);
    auto start = Stopwatch::now();
    {
        std::map<std::string, std::vector<WaybillRequest>> by_store;
        for (const WaybillParcel& p : parcels)
            by_store[p.store].push_back(
                {"BARE-" + std::to_string(p.head), p.platform_order_ids, p.receiver, {}});
        for (auto& [store, requests] : by_store) {
            ShopStore shop = CatalogueRepository(db).require_store(store);
            auto adapter = make_adapter(*StoreConnectionRepository(db).find(shop.id), http);
            CarrierAccount account = ops::carrier_accounts(db, store).front();
            std::size_t size = adapter->waybill_batch_limit();
            for (std::size_t i = 0; i < requests.size(); i += size)
                adapter->fetch_waybills(
                    account, {requests.begin() + static_cast<std::ptrdiff_t>(i),
                              requests.begin() + static_cast<std::ptrdiff_t>(
                                                     std::min(requests.size(), i + size))});
        }
    }
    double bare_fetch = seconds_since(start);
    start = Stopwatch::now();
    ops::WaybillFetchReport fetched = ops::fetch_waybills(db, http, kActor, ids, "");
    double full_fetch = seconds_since(start);
    std::printf(
        "numbers: %d issued in %.2f s (%.2f ms a parcel); the simulators' own %.2f s; "
        "the program adds %.2f ms a parcel\n",
        fetched.count(ops::FetchedParcel::Outcome::issued), full_fetch,
        1000 * full_fetch / ids.size(), bare_fetch, 1000 * (full_fetch - bare_fetch) / ids.size());

    std::map<PrintComponent, std::unique_ptr<ComponentSimulator>> components;
    ops::WaybillPrintOptions options;
    for (PrintComponent c : {PrintComponent::cainiao, PrintComponent::pinduoduo,
                             PrintComponent::douyin, PrintComponent::jd}) {
        components[c] = std::make_unique<ComponentSimulator>(c);
        components[c]->start(0);
        options.component_urls[c] = components[c]->url();
    }
    // Bare: the same documents sent straight to the component simulators, one a task, waiting
    // for every result.
    std::map<PrintComponent, std::vector<ComponentDocument>> docs;
    std::map<std::string, Platform> platforms;
    for (const ShopStore& s : CatalogueRepository(db).list_stores())
        platforms[s.code] = s.platform;
    for (const WaybillParcel& p : waybill_parcels(db, ids)) {
        std::optional<Waybill> w = find_waybill(db, p.head);
        docs[component_for(platforms[p.store])].push_back(
            {"BARE" + w->tracking_no, w->print_data, {}, {}});
    }
    start = Stopwatch::now();
    for (auto& [c, list] : docs) {
        std::mutex m;
        std::condition_variable cv;
        std::size_t done = 0;
        ComponentClient client(c, components[c]->url(),
                               [&](const std::string&, const std::vector<DocumentOutcome>& d) {
                                   std::lock_guard lock(m);
                                   done += d.size();
                                   cv.notify_all();
                               });
        int n = 0;
        for (const ComponentDocument& d : list) {
            std::vector<DocumentOutcome> answer =
                client.print("BARE-" + std::to_string(++n), "Deli DL-888T", {d});
            if (c == PrintComponent::jd) done += answer.size();
        }
        std::unique_lock lock(m);
        cv.wait_for(lock, std::chrono::seconds(30), [&] { return done >= list.size(); });
    }
    double bare_print = seconds_since(start);
    start = Stopwatch::now();
    ops::WaybillPrintReport printed = ops::print_waybills(db, kActor, ids, options);
    double full_print = seconds_since(start);
    std::printf(
        "printing: %d documents printed in %.2f s (%.2f ms a document); the "
        "simulators' own %.2f s; the program adds %.2f ms a document\n",
        printed.count(DocumentState::printed), full_print, 1000 * full_print / ids.size(),
        bare_print, 1000 * (full_print - bare_print) / ids.size());
    std::filesystem::remove_all(dir);
    return 0;
}
