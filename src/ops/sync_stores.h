#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/progress.h"
#include "sync/order_sink.h"
#include "sync/sync_engine.h"

namespace dj {
class Database;
class HttpClient;
}  // namespace dj

namespace dj::ops {

// The order intake behind a sync: each batch is one StockPosting in which ops::OrderIntake
// takes the pulled orders.
class SyncedOrders : public OrderSink {
  public:
    SyncedOrders(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}
    std::unique_ptr<OrderBatch> begin() override;

  private:
    Database& db_;
    Actor actor_;
};

// Pulls the orders of every connected store, or of the one named (code or name), from `since`
// or each store's cursor, then queues the stock offers that changed (a store's share, buffer or
// listings may have changed since its stock last did). Platform failures are in the reports
// (the store is marked failing), not thrown. `progress` counts stores; Cancel stops before the
// next one. What the window's Sync button and `dianjia-cli sync` run.
std::vector<StoreSyncReport> sync_stores(Database& db, HttpClient& http, const Actor& actor,
                                         const std::string& store = {},
                                         std::optional<Timestamp> since = std::nullopt,
                                         Progress* progress = nullptr, SyncOptions options = {});

}  // namespace dj::ops
