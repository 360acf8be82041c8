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
};

// Pulls each store's modified orders window by window and hands them to `sink` (the order
// intake use case, ops/sync_stores.h). A window is stored in one of the sink's batches together
// with the cursor move (short windows several to a batch), so the cursor passes a window only
// once every order in it is stored; a failed or interrupted window leaves nothing behind and is
// pulled again next time.
class SyncEngine {
  public:
    SyncEngine(Database& db, HttpClient& http, OrderSink& sink, Actor actor,
               SyncOptions options = {});
    // Windows end at the database clock's now. `since` overrides the cursor for this run.
    // Platform errors are reported (and the store marked failing), not thrown.
    StoreSyncReport sync_store(const ShopStore& store, std::optional<Timestamp> since);
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
