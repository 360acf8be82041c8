#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "adapter_registry.h"
#include "core/base/error.h"
#include "ops/ship_order.h"
#include "ops/stock_service.h"
#include "platform_error.h"
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

    // One posting of three SKUs offers the listings of each of them.
    std::vector<std::string> codes;
    for (const testing::SqlRow& row : testing::SqlProbe(*db).rows(
             "SELECT k.code FROM sku k WHERE k.shelf_life_days = 0 ORDER BY k.code"))
        if (codes.size() < 3 && !listing("jd-main", row[0].text).empty())
            codes.push_back(row[0].text);
    BOOST_REQUIRE(codes.size() == 3u);
    stock.receive_planned([&] {
        std::vector<ops::StockService::Receive> receipts;
        for (const std::string& code : codes) {
            ops::StockService::Receive r;
            r.sku = code;
            r.warehouse = "CZ";
            r.qty = 5;
            receipts.push_back(r);
        }
        return receipts;
    });
    queued = pending(OutboxKind::stock);
    for (const std::string& code : codes) {
        const std::string offered = listing("jd-main", code);
        auto it = std::find_if(queued.begin(), queued.end(),
                               [&](const OutboxEntry& e) { return e.subject == offered; });
        BOOST_TEST_REQUIRE((it != queued.end()), code << " was not offered");
        BOOST_TEST(it->quantity == available(code, "CZ"));
    }
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// An allocated order of each connected store, shipped here with a ZTO waybill.
std::vector<std::string> ship_one_per_store(Fixture& f) {
    std::vector<std::string> ids;
    static int n = 0;
    for (const char* store : {"tb-main", "jd-main", "pdd-main", "dy-main"}) {
        std::string id = testing::SqlProbe(*f.db).text(
            std::string("SELECT o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id "
                        "= o.store_id WHERE s.code = '") +
            store +
            "' AND o.allocation = 'allocated' AND o.id NOT IN (SELECT order_id FROM order_hold) "
            "AND o.id NOT IN (SELECT o2.id FROM shop_order o2 JOIN outbox x ON x.subject = "
            "o2.platform_order_id) ORDER BY o.id LIMIT 1");
        BOOST_REQUIRE(!id.empty());
        ops::ship_order(
            *f.db, test::sync_actor(),
            {ops::find_order(*f.db, id), "ZTO", "7531000000010" + std::to_string(n++), false});
        ids.push_back(id);
    }
    return ids;
}

bool is_confirmation(const std::string& api) {
    return api == "taobao.logistics.offline.send" || api == "jingdong.pop.order.shipment" ||
           api == "pdd.logistics.online.send" || api == "order.logisticsAdd";
}

// Confirmations of `order` the simulated platforms received, and how many they accepted.
std::pair<int, int> confirmations(PlatformSimulator& sim, const std::string& order) {
    int received = 0, accepted = 0;
    for (const PlatformSimulator::Call& c : sim.calls())
        if (is_confirmation(c.api) && c.subject == order) {
            ++received;
            if (c.result.rfind("ok", 0) == 0) ++accepted;
        }
    return {received, accepted};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(outbox_exactly_once, Fixture)

BOOST_AUTO_TEST_CASE(a_confirmation_whose_answer_was_cut_is_not_sent_again) {
    sync_at(test::kNow, "", std::nullopt);
    while (OutboxSender(*db, http).flush(test::kNow).sent > 0) {
    }
    std::vector<std::string> ids = ship_one_per_store(*this);
    // Each platform does the work, then the answer is cut off on its way back.
    for (const char* api : {"taobao.logistics.offline.send", "jingdong.pop.order.shipment",
                            "pdd.logistics.online.send", "order.logisticsAdd"})
        sim.inject(SimFault::malformed_json, 1, std::nullopt, api);
    OutboxFlushReport r = OutboxSender(*db, http).flush(test::kNow);
    BOOST_TEST(r.failed == 4);
    for (const OutboxEntry& e : pending(OutboxKind::shipment)) {
        BOOST_TEST(e.in_doubt_since.has_value());
        BOOST_TEST(e.last_error.find("asked before") != std::string::npos);
    }
    // Later: each platform is asked first, shows the order shipped, and nothing is sent again.
    r = OutboxSender(*db, http).flush(test::kNow + 3600);
    BOOST_TEST(r.sent == 4);
    BOOST_TEST(pending(OutboxKind::shipment).empty());
    for (const std::string& id : ids) {
        auto [received, accepted] = confirmations(sim, id);
        BOOST_TEST(received == 1, id);
        BOOST_TEST(accepted == 1, id);
    }
    auto shipments = sim.with_shop([](SimShop& shop) { return shop.shipments(); });
    BOOST_TEST(shipments.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_kill_after_the_platform_took_it_does_not_send_it_again) {
    sync_at(test::kNow, "", std::nullopt);
    while (OutboxSender(*db, http).flush(test::kNow).sent > 0) {
    }
    std::vector<std::string> ids = ship_one_per_store(*this);
    // What a kill -9 between the platform's answer and the acknowledgement leaves: the entry
    // marked in doubt (committed before the call) and the platform holding the confirmation.
    for (const OutboxEntry& e : pending(OutboxKind::shipment)) {
        WriteTransaction tx(*db);
        OutboxRepository(*db).mark_in_doubt(e.id, test::kNow);
        tx.commit();
    }
    sim.with_shop([&](SimShop& shop) {
        for (Platform p : {Platform::taobao, Platform::jd, Platform::pinduoduo, Platform::douyin})
            for (const std::string& id : ids)
                if (shop.find(p, id)) shop.ship({p, id, "ZTO", "x"}, test::kNow);
        return 0;
    });
    open();  // the program starts again
    OutboxFlushReport r = OutboxSender(*db, http).flush(test::kNow);
    BOOST_TEST(r.sent == 4);
    for (const std::string& id : ids)
        BOOST_TEST(confirmations(sim, id).first == 0, id);

    // Not in doubt: the same platform answer to a confirmation sent twice counts as done.
    std::string again = ship_one_per_store(*this)[0];
    sim.with_shop([&](SimShop& shop) {
        return shop.ship({Platform::taobao, again, "ZTO", "y"}, test::kNow);
    });
    r = OutboxSender(*db, http).flush(test::kNow);
    BOOST_TEST(r.sent == 4);
    BOOST_TEST(pending(OutboxKind::shipment).empty());
    auto [received, accepted] = confirmations(sim, again);
    BOOST_TEST(received == 1);
    BOOST_TEST(accepted == 0);  // refused as already shipped, and acknowledged here
}

BOOST_AUTO_TEST_CASE(each_platform_refuses_a_second_confirmation_as_already_shipped) {
    sync_at(test::kNow, "", std::nullopt);
    for (const char* code : {"tb-main", "jd-main", "pdd-main", "dy-main"}) {
        std::string id = testing::SqlProbe(*db).text(
            std::string("SELECT o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id "
                        "= o.store_id WHERE s.code = '") +
            code + "' AND o.status = 'to_ship' ORDER BY o.id LIMIT 1");
        std::optional<StoreConnection> c =
            StoreConnectionRepository(*db).find(CatalogueRepository(*db).require_store(code).id);
        BOOST_REQUIRE(c.has_value());
        std::unique_ptr<PlatformAdapter> adapter = make_adapter(*c, http);
        std::string carrier = adapter->list_carriers().front().code;
        adapter->confirm_shipment({id, carrier, "75310000000099"});
        BOOST_CHECK_THROW(adapter->confirm_shipment({id, carrier, "75310000000099"}),
                          AlreadyShipped);
        auto [received, accepted] = confirmations(sim, id);
        BOOST_TEST(received == 2, code);
        BOOST_TEST(accepted == 1, code);
    }
}

BOOST_AUTO_TEST_SUITE_END()
