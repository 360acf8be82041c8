#include <boost/test/unit_test.hpp>

#include "core/error.h"
#include "store/order_repository.h"
#include "store/outbox_repository.h"
#include "sync/order_shipping.h"
#include "sync/outbox_sender.h"
#include "sync/sync_engine.h"
#include "sync_fixture.h"

using namespace dj;

BOOST_FIXTURE_TEST_SUITE(outbox, test::SyncFixture)

BOOST_AUTO_TEST_CASE(shipping_queues_the_confirmation_and_it_survives_a_restart) {
    SyncEngine(*db, http, test::sync_actor()).sync("", std::nullopt, now_utc());
    std::string id = db->sql()
                         .execAndGet(
                             "SELECT o.platform_order_id FROM shop_order o JOIN shop_store "
                             "s ON s.id = o.store_id WHERE s.code = 'pdd-main' AND "
                             "o.allocation = 'allocated' LIMIT 1")
                         .getString();
    std::int64_t movements = count("SELECT count(*) FROM movement");
    Timestamp now = now_utc();
    ship_order(*db, {id, "", "115", "ZT0000000001"}, test::sync_actor(), now);
    BOOST_TEST(count("SELECT count(*) FROM movement") > movements);
    BOOST_TEST(OutboxRepository(*db).list(true, 10).size() == 1u);
    // Shipping twice is refused and queues nothing more.
    BOOST_CHECK_THROW(ship_order(*db, {id, "", "115", "ZT0000000001"}, test::sync_actor(), now),
                      Error);
    BOOST_TEST(OutboxRepository(*db).list(true, 10).size() == 1u);

    // Offline: the platform fails every attempt; the entry waits with its error.
    sim.inject(SimFault::http_500, 3, Platform::pinduoduo);
    OutboxFlushReport r = OutboxSender(*db, http).flush(now);
    BOOST_TEST(r.failed == 1);
    std::vector<OutboxEntry> pending = OutboxRepository(*db).list(true, 10);
    BOOST_REQUIRE(pending.size() == 1u);
    BOOST_TEST(pending[0].attempts == 1);
    BOOST_TEST(!pending[0].last_error.empty());
    BOOST_TEST(pending[0].next_attempt_at > now);
    BOOST_TEST(OutboxSender(*db, http).flush(now).sent == 0);  // not due yet

    open();  // restart
    r = OutboxSender(*db, http).flush(now + 3600);
    BOOST_TEST(r.sent == 1);
    BOOST_TEST(OutboxRepository(*db).list(true, 10).empty());
    BOOST_TEST(OutboxSender(*db, http).flush(now + 7200).sent == 0);  // acknowledged: never again
    auto shipments = sim.with_shop([](SimShop& shop) { return shop.shipments(); });
    BOOST_REQUIRE(shipments.size() == 1u);
    BOOST_TEST(shipments[0].order_id == id);
    BOOST_TEST(shipments[0].tracking_no == "ZT0000000001");

    // The platform now says shipped; a re-sync keeps the order shipped and unallocated.
    SyncEngine(*db, http, test::sync_actor()).sync("pdd-main", std::nullopt, now_utc() + 200);
    BOOST_TEST(db->sql()
                   .execAndGet("SELECT status || '/' || allocation FROM shop_order WHERE "
                               "platform_order_id = '" +
                               id + "'")
                   .getString() == "shipped/shipped");
}

BOOST_AUTO_TEST_SUITE_END()
