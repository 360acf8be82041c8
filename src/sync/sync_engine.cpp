#include "sync/sync_engine.h"

#include <chrono>
#include <thread>

#include "adapter_registry.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/translate.h"
#include "core/orders/order_limits.h"
#include "core/orders/sync_window.h"
#include "platform_error.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/orders/store_connection_repository.h"
#include "store/orders/sync_state_repository.h"
#include "store/stock/catalogue_repository.h"

namespace dj {
namespace {

// About a second of storing: big enough that commits cost little, small enough that an
// interrupted sync loses little.
constexpr std::size_t kOrdersPerCommit = 5000;
constexpr auto kLockPoll = std::chrono::milliseconds(200);

}  // namespace

SyncEngine::SyncEngine(Database& db, HttpClient& http, OrderSink& sink, Actor actor,
                       SyncOptions options)
    : db_(db), http_(http), sink_(sink), actor_(std::move(actor)), options_(options) {}

StoreSyncReport SyncEngine::sync_store(const ShopStore& store, std::optional<Timestamp> since,
                                       const Progress* progress) {
    StoreSyncReport report;
    report.store = store.code;
    // Two stations pulling one store would fetch every page twice; the later one waits and
    // takes the earlier one's result, unless it asked for a window of its own (`since`).
    const std::string lock_name = "sync-" + std::to_string(store.id);
    std::unique_ptr<ShopLock> syncing = db_.try_lock(lock_name);
    if (!syncing) {
        const SyncState before = SyncStateRepository(db_).get(store.id);
        while (!(syncing = db_.try_lock(lock_name))) {
            if (progress && progress->cancel) {
                report.ok = false;
                report.synced_elsewhere = true;
                report.error =
                    trf("Store {0}: another workstation is syncing it; stopped waiting for it",
                        store.code);
                return report;
            }
            std::this_thread::sleep_for(kLockPoll);
        }
        const SyncState after = SyncStateRepository(db_).get(store.id);
        if (!since && after.last_run_at != before.last_run_at) {
            report.synced_elsewhere = true;
            report.ok = !after.failing;
            report.error = after.failing ? after.last_error : "";
            return report;
        }
    }
    const Timestamp now = db_.clock().now();
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
        // Pages are fetched with no lock held and stored in short write transactions, so a slow
        // platform never keeps the other programs on this shop waiting. Short windows
        // (Pinduoduo's 30 minutes) are stored several to a transaction: one durable commit per
        // window would cost more than the orders. The cursor moves inside the transaction that
        // stores the last of its window's orders, so it never passes an unstored order.
        std::vector<Order> fetched;
        std::vector<TimeWindow> windows =
            split_windows({start, until}, adapter->max_window_seconds());
        std::size_t cursor_done = 0;  // windows whose cursor move is stored
        auto save = [&](std::size_t windows_complete) {
            std::unique_ptr<OrderBatch> batch = sink_.begin();
            batch->expect(fetched);
            for (Order& order : fetched) {
                TakenOrder taken = batch->take(order);
                if (taken.stored.outcome == UpsertOutcome::created) ++report.created;
                if (taken.stored.outcome == UpsertOutcome::updated) ++report.updated;
                if (taken.stored.outcome == UpsertOutcome::unchanged ||
                    taken.stored.outcome == UpsertOutcome::stale)
                    ++report.unchanged;
                if (taken.held) ++report.held;
                if (taken.intercept) ++report.intercepts;
            }
            if (windows_complete > cursor_done)
                SyncStateRepository(db_).advance(store.id, windows[windows_complete - 1].end, now);
            batch->commit();
            cursor_done = windows_complete;
            fetched.clear();
        };
        for (std::size_t w = 0; w < windows.size(); ++w) {
            adapter->pull_window(windows[w], [&](std::vector<Order>&& page) {
                ++report.pages;
                for (Order& order : page) {
                    ++report.orders;
                    order.store_id = store.id;
                    try {
                        check_order_limits(order);
                    } catch (const InvalidInput& e) {
                        throw MalformedResponse(
                            trf("Store {0}: order {1} from the platform cannot be stored: {2}. "
                                "The sync stops here and reads this window again next time",
                                store.code, order.platform_order_id.substr(0, kMaxCodeLength),
                                e.what()),
                            "");
                    }
                    fetched.push_back(std::move(order));
                }
                // A long window's orders are stored as they come; its cursor waits for its end.
                if (fetched.size() >= kOrdersPerCommit) save(w);
            });
            ++report.windows;
            if (fetched.size() >= kOrdersPerCommit || w + 1 == windows.size()) save(w + 1);
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
            if (connections.find(s.id, StoreConnectionRepository::Secrets::leave_out))
                stores.push_back(s);
    }
    if (progress) progress->total = static_cast<long>(stores.size());
    std::vector<StoreSyncReport> reports;
    for (const ShopStore& s : stores) {
        if (progress && progress->cancel) break;
        reports.push_back(sync_store(s, since, progress));
        if (progress) ++progress->done;
    }
    return reports;
}

}  // namespace dj
