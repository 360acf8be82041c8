#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/progress.h"
#include "core/base/types.h"
#include "core/stock/catalogue.h"
#include "sync/order_sink.h"

namespace dj {

class Database;
class HttpClient;

struct SyncOptions {
    Timestamp overlap = 300;                // each run re-reads this much before the cursor
    Timestamp first_sync_lookback = 86400;  // a store's first run reaches back this far
};

struct StoreSyncReport {
    std::string store;
    int windows = 0;
    int pages = 0;
    int orders = 0;  // as received, duplicates included
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int held = 0;
    int intercepts = 0;
    bool ok = true;
    std::string error;
    // Another program on this shop (another workstation) was syncing this store: this run
    // waited for it and took its result instead of pulling the same pages again.
    bool synced_elsewhere = false;
};

// Pulls each store's modified orders window by window and hands them to `sink` (the order
// intake use case, ops/sync_stores.h). Pages are fetched without holding the database's write
// lock and stored in the sink's short batches; the cursor passes a window only in the batch
// that stores the last of its orders, so a failed or interrupted window is pulled again next
// time (the orders it already stored are stored again unchanged).
class SyncEngine {
  public:
    SyncEngine(Database& db, HttpClient& http, OrderSink& sink, Actor actor,
               SyncOptions options = {});
    // Windows end at the database clock's now. `since` overrides the cursor for this run.
    // Platform errors are reported (and the store marked failing), not thrown. One program at a
    // time syncs a store; another one waits for it (until `progress` is cancelled).
    StoreSyncReport sync_store(const ShopStore& store, std::optional<Timestamp> since,
                               const Progress* progress = nullptr);
    // Every store with credentials, or the one named. `progress` (optional) counts stores; a
    // cancel stops before the next store.
    std::vector<StoreSyncReport> sync(const std::string& store, std::optional<Timestamp> since,
                                      Progress* progress = nullptr);

  private:
    Database& db_;
    HttpClient& http_;
    OrderSink& sink_;
    Actor actor_;
    SyncOptions options_;
};

}  // namespace dj
