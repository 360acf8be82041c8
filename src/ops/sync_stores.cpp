#include "ops/sync_stores.h"

#include "ops/access.h"
#include "ops/order_intake.h"
#include "store/base/database.h"
#include "store/stock/stock_offer.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {
namespace {

class SyncedBatch : public OrderBatch {
  public:
    SyncedBatch(Database& db, const Actor& actor) : posting_(db), intake_(posting_, actor) {}
    void expect(const std::vector<Order>& orders) override { intake_.expect(orders); }
    TakenOrder take(const Order& order) override { return intake_.take(order); }
    void commit() override { posting_.commit(); }

  private:
    StockPosting posting_;
    OrderIntake intake_;
};

}  // namespace

std::unique_ptr<OrderBatch> SyncedOrders::begin() {
    return std::make_unique<SyncedBatch>(db_, actor_);
}

std::vector<StoreSyncReport> sync_stores(Database& db, HttpClient& http, const Actor& actor,
                                         const std::string& store, std::optional<Timestamp> since,
                                         Progress* progress, SyncOptions options) {
    require(actor, Permission::SyncStores);
    SyncedOrders sink(db, actor);
    std::vector<StoreSyncReport> reports =
        SyncEngine(db, http, sink, actor, options).sync(store, since, progress);
    WriteTransaction tx(db);
    queue_stock_offers(db, db.clock().now());
    tx.commit();
    return reports;
}

}  // namespace dj::ops
