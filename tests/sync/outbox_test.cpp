#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "ops/ship_order.h"
#include "ops/stock_service.h"
#include "store/fulfilment/outbox_repository.h"
#include "store/orders/order_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/testing/sql_probe.h"
#include "sync/outbox_sender.h"
#include "sync/sync_engine.h"
#include "sync_fixture.h"
#include "test_clock.h"

using namespace dj;

namespace {

struct Fixture : test::SyncFixture {
    std::vector<OutboxEntry> pending(OutboxKind kind) {
        std::vector<OutboxEntry> out;
        for (OutboxEntry& e : OutboxRepository(*db).list(true, 100000))
            if (e.kind == kind) out.push_back(std::move(e));
        return out;
    }
    // The platform SKU `store` lists for exactly one unit of `sku`.
    std::string listing(const std::string& store, const std::string& sku) {
        return testing::SqlProbe(*db).text(
            "SELECT m.platform_sku FROM sku_mapping m JOIN shop_store st ON st.id = "
            "m.store_id JOIN sku_mapping_item i ON i.mapping_id = m.id JOIN sku k ON k.id = "
            "i.sku_id WHERE st.code = '" +
            store + "' AND k.code = '" + sku +
            "' AND i.qty = 1 AND (SELECT count(*) FROM sku_mapping_item WHERE mapping_id = "
            "m.id) = 1");
    }
    Qty available(const std::string& sku, const std::string& warehouse) {
        return count(
            "SELECT b.on_hand - b.reserved FROM stock_balance b JOIN sku k ON k.id = b.sku_id "
            "JOIN warehouse w ON w.id = b.warehouse_id WHERE k.code = '" +
            sku + "' AND w.code = '" + warehouse + "'");
    }
    // What the simulated platform last heard for its SKU, or -1.
    Qty last_push(Platform p, const std::string& platform_sku) {
        return sim.with_shop([&](SimShop& shop) {
            Qty q = -1;
            for (const SimStockPush& push : shop.stock_pushes())
                if (push.platform == p && push.sku == platform_sku) q = push.quantity;
            return q;
        });
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(outbox, Fixture)

BOOST_AUTO_TEST_CASE(shipping_queues_the_confirmation_and_it_survives_a_restart) {
    sync_at(test::kNow, "", std::nullopt);
    // The first sync offers every listing; those go first, so what follows is the shipment.
    while (OutboxSender(*db, http).flush(test::kNow).sent > 0) {
    }
    std::string id = testing::SqlProbe(*db).text(
        "SELECT o.platform_order_id FROM shop_order o JOIN shop_store "
        "s ON s.id = o.store_id WHERE s.code = 'pdd-main' AND "
        "o.allocation = 'allocated' LIMIT 1");
    std::int64_t movements = count("SELECT count(*) FROM movement");
    Timestamp now = test::kNow;
    ops::ship_order(*db, test::sync_actor(),
                    {ops::find_order(*db, id), "ZTO", "75310000000001", false});
    BOOST_TEST(count("SELECT count(*) FROM movement") > movements);
    BOOST_TEST(pending(OutboxKind::shipment).size() == 1u);
    // Shipping twice is refused and queues nothing more.
    BOOST_CHECK_THROW(ops::ship_order(*db, test::sync_actor(),
                                      {ops::find_order(*db, id), "ZTO", "75310000000001", false}),
                      Error);
    BOOST_TEST(pending(OutboxKind::shipment).size() == 1u);

    // Offline: the platform fails every attempt; the entry waits with its error.
    sim.inject(SimFault::http_500, 3, Platform::pinduoduo);
    OutboxFlushReport r = OutboxSender(*db, http).flush(now);
    BOOST_TEST(r.failed == 1);
    std::vector<OutboxEntry> queued = pending(OutboxKind::shipment);
    BOOST_REQUIRE(queued.size() == 1u);
    BOOST_TEST(queued[0].attempts == 1);
    BOOST_TEST(!queued[0].last_error.empty());
    BOOST_TEST(queued[0].next_attempt_at > now);
    BOOST_TEST(OutboxSender(*db, http).flush(now).sent == 0);  // not due yet

    open();  // restart
    r = OutboxSender(*db, http).flush(now + 3600);
    BOOST_TEST(r.sent == 1);
    BOOST_TEST(OutboxRepository(*db).list(true, 10).empty());
    BOOST_TEST(OutboxSender(*db, http).flush(now + 7200).sent == 0);  // acknowledged: never again
    auto shipments = sim.with_shop([](SimShop& shop) { return shop.shipments(); });
    BOOST_REQUIRE(queued.size() == 1u);
    BOOST_TEST(shipments[0].order_id == id);
    BOOST_TEST(shipments[0].tracking_no == "75310000000001");
    // Pinduoduo names carriers by number: ZTO went out as its id from the platform's list.
    BOOST_TEST(shipments[0].carrier == "115");

    // The platform now says shipped; a re-sync keeps the order shipped and unallocated.
    sync_at(test::kNow + 200, "pdd-main", std::nullopt);
    BOOST_TEST(
        testing::SqlProbe(*db).text("SELECT status || '/' || allocation FROM shop_order WHERE "
                                    "platform_order_id = '" +
                                    id + "'") == "shipped/shipped");
}

BOOST_AUTO_TEST_CASE(sellable_stock_is_offered_when_it_changes_and_only_then) {
    std::string tb = listing("tb-main", "TEA-0001"), jd = listing("jd-main", "TEA-0001");
    std::string pdd = listing("pdd-main", "TEA-0001");
    BOOST_REQUIRE(!tb.empty() && !jd.empty() && !pdd.empty());

    // The first sync offers every listing of every connected store.
    sync_at(test::kNow, "", std::nullopt);
    std::int64_t listings = count("SELECT count(*) FROM sku_mapping");
    BOOST_TEST(static_cast<std::int64_t>(pending(OutboxKind::stock).size()) == listings);
    while (OutboxSender(*db, http).flush(test::kNow).sent > 0) {
    }
    BOOST_TEST(pending(OutboxKind::stock).empty());
    BOOST_TEST(last_push(Platform::taobao, tb) == available("TEA-0001", "CZ"));
    BOOST_TEST(last_push(Platform::pinduoduo, pdd) == available("TEA-0001", "GZ"));

    // Nothing changed: a sync offers nothing again.
    sync_at(test::kNow, "", std::nullopt);
    BOOST_TEST(pending(OutboxKind::stock).empty());

    // Goods in at 常州 change what the two stores selling from 常州 offer, not the others; two
    // receipts before a flush leave one entry per listing with the latest figure.
    ops::StockService stock(*db, test::sync_actor());
    ops::StockService::Receive in;
    in.sku = "TEA-0001";
    in.warehouse = "CZ";
    in.qty = 7;
    in.batch = "L20261124";
    in.expiry = "2028-05-01";
    stock.receive(in);
    stock.receive(in);
    std::vector<OutboxEntry> queued = pending(OutboxKind::stock);
    BOOST_REQUIRE(queued.size() == 2u);
    for (const OutboxEntry& e : queued) {
        BOOST_TEST((e.subject == tb || e.subject == jd));
        BOOST_TEST(e.quantity == available("TEA-0001", "CZ"));
    }

    // A store that keeps 2 units back and offers half of the rest.
    Id tb_id = CatalogueRepository(*db).require_store("tb-main").id;
    StoreConnection c = *StoreConnectionRepository(*db).find(tb_id);
    c.stock_share_percent = 50;
    c.stock_buffer = 2;
    {
        WriteTransaction tx(*db);
        StoreConnectionRepository(*db).save(c);
        tx.commit();
    }
    sync_at(test::kNow, "tb-main", std::nullopt);
    OutboxFlushReport r = OutboxSender(*db, http).flush(test::kNow);
    BOOST_TEST(r.failed == 0);
    BOOST_TEST(last_push(Platform::taobao, tb) == (available("TEA-0001", "CZ") - 2) * 50 / 100);
    BOOST_TEST(last_push(Platform::jd, jd) == available("TEA-0001", "CZ"));
    BOOST_TEST(pending(OutboxKind::stock).empty());
}

BOOST_AUTO_TEST_SUITE_END()
