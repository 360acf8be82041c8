#include "sync/sync_engine.h"

#include "adapter_registry.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/platform_hold.h"
#include "core/orders/sync_window.h"
#include "platform_error.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/orders/order_allocation.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/store_connection_repository.h"
#include "store/orders/sync_state_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_offer.h"
#include "store/stock/stock_posting.h"

namespace dj {
namespace {

// About a second of storing: big enough that commits cost little, small enough that an
// interrupted sync loses little.
constexpr int kOrdersPerCommit = 5000;

// One write transaction holding one or more windows and their cursor moves.
struct WindowBatch {
    explicit WindowBatch(Database& db) : posting(db), allocator(posting) {}
    StockPosting posting;
    OrderAllocator allocator;
    int orders = 0;
};

}  // namespace

SyncEngine::SyncEngine(Database& db, HttpClient& http, Actor actor, SyncOptions options)
    : db_(db), http_(http), actor_(std::move(actor)), options_(options) {}

StoreSyncReport SyncEngine::sync_store(const ShopStore& store, std::optional<Timestamp> since) {
    const Timestamp now = db_.clock().now();
    StoreSyncReport report;
    report.store = store.code;
    std::optional<StoreConnection> connection = StoreConnectionRepository(db_).find(store.id);
    if (!connection) {
        report.ok = false;
        report.error =
            trf("Store {0} has no platform credentials: run store add --platform {1} "
                "--name {2} --app-key K --app-secret S --token T",
                store.code, platform_code(store.platform), store.name);
        return report;
    }
    try {
        std::unique_ptr<PlatformAdapter> adapter = make_adapter(*connection, http_);
        SyncState state = SyncStateRepository(db_).get(store.id);
        Timestamp start = since          ? *since
                          : state.cursor ? sync_span(*state.cursor, now, options_.overlap).start
                                         : now - options_.first_sync_lookback;
        Timestamp until = now - adapter->settle_seconds();
        // Short windows (Pinduoduo's 30 minutes) are stored several to a transaction: one
        // durable commit per window would cost more than the orders. The cursor still moves
        // inside the transaction that stores its window, so it never passes an unstored order.
        std::optional<WindowBatch> batch;
        OrderRepository orders(db_);
        OrderHoldRepository holds(db_);
        std::vector<TimeWindow> windows =
            split_windows({start, until}, adapter->max_window_seconds());
        for (std::size_t w = 0; w < windows.size(); ++w) {
            if (!batch) batch.emplace(db_);
            OrderAllocator& allocator = batch->allocator;
            adapter->pull_window(windows[w], [&](std::vector<Order>&& page) {
                ++report.pages;
                batch->orders += static_cast<int>(page.size());
                for (Order& order : page) {
                    ++report.orders;
                    order.store_id = store.id;
                    std::optional<Order> before;
                    if (auto id = orders.find_id(store.id, order.platform_order_id))
                        before = orders.find(*id);
                    UpsertResult r = allocator.accept(order);
                    if (r.outcome == UpsertOutcome::created) ++report.created;
                    if (r.outcome == UpsertOutcome::updated) ++report.updated;
                    if (r.outcome == UpsertOutcome::unchanged || r.outcome == UpsertOutcome::stale)
                        ++report.unchanged;
                    if (r.outcome != UpsertOutcome::updated || !before) continue;
                    std::optional<PlatformHold> hold = platform_hold(*before, order.status);
                    if (!hold) continue;
                    holds.hold({r.id, hold->reason, hold->intercept, now, HoldSource::platform, "",
                                actor_.user});
                    ++report.held;
                    if (hold->intercept) ++report.intercepts;
                }
            });
            SyncStateRepository(db_).advance(store.id, windows[w].end, now);
            ++report.windows;
            if (batch->orders >= kOrdersPerCommit || w + 1 == windows.size()) {
                batch->posting.commit();
                batch.reset();
            }
        }
        WriteTransaction tx(db_);
        audit(db_, actor_, "sync.store", store.code,
              std::to_string(report.orders) + " orders, " + std::to_string(report.created) +
                  " new, " + std::to_string(report.updated) + " updated");
        tx.commit();
    } catch (const PlatformError& e) {
        report.ok = false;
        report.error = e.what();
        const auto* malformed = dynamic_cast<const MalformedResponse*>(&e);
        WriteTransaction tx(db_);
        SyncStateRepository(db_).mark_failing(store.id, e.what(),
                                              malformed ? malformed->raw_body() : "", now);
        tx.commit();
    }
    return report;
}

std::vector<StoreSyncReport> SyncEngine::sync(const std::string& store,
                                              std::optional<Timestamp> since, Progress* progress) {
    CatalogueRepository catalogue(db_);
    std::vector<ShopStore> stores;
    if (!store.empty()) {
        stores.push_back(catalogue.require_store(store));
    } else {
        StoreConnectionRepository connections(db_);
        for (const ShopStore& s : catalogue.list_stores())
            if (connections.find(s.id)) stores.push_back(s);
    }
    if (progress) progress->total = static_cast<long>(stores.size());
    std::vector<StoreSyncReport> reports;
    for (const ShopStore& s : stores) {
        if (progress && progress->cancel) break;
        reports.push_back(sync_store(s, since));
        if (progress) ++progress->done;
    }
    // Stock changes queue their offers as they commit; a store's share, buffer or listings may
    // have changed since, so every figure is compared once more.
    WriteTransaction tx(db_);
    queue_stock_offers(db_, db_.clock().now());
    tx.commit();
    return reports;
}

}  // namespace dj
