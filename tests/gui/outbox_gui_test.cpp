// The window sends the outbox itself: started on a shop that owes a Taobao shipment
// confirmation (and stock offers from its first sync) to a simulator in this process, it sends
// them before its screenshot mode lets it exit — no `dianjia-cli outbox flush` needed — and the
// simulated platform has the parcel's tracking number.
#define BOOST_TEST_MODULE gui_outbox_tests

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "ops/outbox.h"
#include "ops/ship_order.h"
#include "run_app.h"
#include "standard_observers.h"
#include "store/fulfilment/outbox_repository.h"
#include "store/testing/sql_probe.h"
#include "sync_fixture.h"

using namespace dj;

namespace {

struct OutboxShop : test::SyncFixture {
    // Syncs tb-main and ships one of its allocated orders under ZTO `tracking`; returns the
    // platform's order id. `offers_sent`: the first sync's stock offers are sent before the
    // shipment, so the confirmation is all the outbox owes.
    std::string ship_one(const std::string& tracking, bool offers_sent) {
        auto reports = sync_at(test::kNow, "tb-main", std::nullopt);
        BOOST_TEST_REQUIRE(reports.at(0).ok, reports.at(0).error);
        while (offers_sent && ops::flush_outbox(*db, http).sent.sent > 0) {
        }
        std::string order = testing::SqlProbe(*db).text(
            "SELECT o.platform_order_id FROM shop_order o JOIN "
            "shop_store s ON s.id = o.store_id WHERE s.code = "
            "'tb-main' AND o.allocation = 'allocated' LIMIT 1");
        ops::ship_order(*db, test::sync_actor(),
                        {ops::find_order(*db, order, "tb-main"), "ZTO", tracking, false});
        return order;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(gui_outbox, OutboxShop)

BOOST_AUTO_TEST_CASE(program_sends_confirmations_and_stock_offers) {
    std::string order = ship_one("75319000000001", false);
    ops::OutboxSent before = ops::outbox_backlog(*db);
    BOOST_TEST_REQUIRE(before.pending > 1);  // the confirmation and the first stock offers
    db.reset();

    std::string png = (dir / "outbox.png").string();
    std::string out = (dir / "app.out").string();
    int status = test::run_app(db_path(), "outbox", "zh_CN", dir / "home", png, out);
    BOOST_TEST_REQUIRE(status == 0, test::read_all(out));

    open();
    ops::OutboxSent after = ops::outbox_backlog(*db);
    BOOST_TEST(after.pending == 0, after.last_error);
    sim.with_shop([&](SimShop& shop) {
        int found = 0;
        for (const SimShipment& s : shop.shipments())
            if (s.order_id == order) {
                ++found;
                BOOST_TEST(s.tracking_no == "75319000000001");
            }
        BOOST_TEST(found == 1);
        BOOST_TEST(!shop.stock_pushes().empty());
        return 0;
    });
    BOOST_TEST(std::filesystem::file_size(png) > 0u);
}

// A confirmation the platform refused waits, failing, with the platform's answer; the window
// shows it, and its "Retry all failed" button sends it at once (the next timed round is a
// minute away).
BOOST_AUTO_TEST_CASE(a_failing_confirmation_is_retried_from_the_window) {
    std::string order = ship_one("75319000000002", true);
    sim.inject(SimFault::http_500, 3, Platform::taobao);
    ops::OutboxSent failed = ops::flush_outbox(*db, http);
    BOOST_TEST_REQUIRE(failed.failing == 1);
    BOOST_TEST_REQUIRE(!failed.last_error.empty());
    db.reset();

    BOOST_TEST_REQUIRE(test::drive_app(dir / "home", db_path(), "outbox",
                                       {"see:其中 1 条失败", "press:全部失败项重试",
                                        "see:没有待回传平台的内容"}) == 0);

    open();
    BOOST_TEST(ops::outbox_backlog(*db).pending == 0);
    BOOST_TEST(testing::SqlProbe(*db).integer(
                   "SELECT count(*) FROM audit_log WHERE action = 'outbox.retry'") == 1);
    int sent = sim.with_shop([&](SimShop& shop) {
        int found = 0;
        for (const SimShipment& s : shop.shipments())
            if (s.order_id == order && s.tracking_no == "75319000000002") ++found;
        return found;
    });
    BOOST_TEST(sent == 1);
}

BOOST_AUTO_TEST_SUITE_END()
