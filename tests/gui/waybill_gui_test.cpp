// 打单发货 in the window: a wave over the four platforms gets its numbers from the simulated
// platforms and is printed through the four simulated print components by pressing the view's
// buttons (AT-SPI); the database then holds a platform number for every parcel and the journal
// a printed document for each, and each component printed each of its documents once.
#define BOOST_TEST_MODULE gui_waybill_tests

#include <cstdlib>
#include <map>
#include <memory>

#include "ops/e_waybills.h"
#include "ops/ship_order.h"
#include "run_app.h"
#include "simulator/component_simulator.h"
#include "waybill_fixture.h"

using namespace dj;

BOOST_FIXTURE_TEST_SUITE(gui_waybills, test::WaybillFixture)

BOOST_AUTO_TEST_CASE(a_wave_gets_numbers_and_prints_from_the_window) {
    std::vector<Id> ids = wave(24);
    std::map<PrintComponent, std::unique_ptr<ComponentSimulator>> components;
    std::string where;
    for (PrintComponent c : {PrintComponent::cainiao, PrintComponent::pinduoduo,
                             PrintComponent::douyin, PrintComponent::jd}) {
        components[c] = std::make_unique<ComponentSimulator>(c);
        components[c]->start(0);
        where += std::string(where.empty() ? "" : ";") + std::string(component_code(c)) + "=" +
                 components[c]->url();
    }
    setenv("DIANJIA_PRINT_COMPONENTS", where.c_str(), 1);
    db.reset();
    int status = test::drive_app(dir / "home", db_path(), "waybills",
                                 {"press:取号", "see:被拒绝 0 个，失败 0 个", "press:打印面单",
                                  "see:失败 0 张，未发送 0 张", "wait:0.5"});
    BOOST_TEST_REQUIRE(status == 0);
    open();
    std::vector<ops::ParcelWaybill> parcels = ops::parcel_waybills(*db, ids);
    BOOST_TEST(parcels.size() == ids.size());
    for (const ops::ParcelWaybill& p : parcels) {
        BOOST_TEST(p.from_platform, p.order_no);
        BOOST_TEST(p.printed, p.order_no);
    }
    BOOST_TEST(count("SELECT count(*) FROM print_document WHERE state = 'printed'") ==
               static_cast<std::int64_t>(ids.size()));
    std::map<std::string, int> times;
    for (auto& [c, sim] : components)
        for (const ComponentSimulator::Printed& p : sim->printed())
            ++times[p.document_id];
    BOOST_TEST(times.size() == ids.size());
    for (const auto& [doc, n] : times)
        BOOST_TEST(n == 1, doc);
    // The actor of the window is on every task.
    BOOST_TEST(count("SELECT count(*) FROM print_task WHERE by_user = ''") == 0);
}

// One order from the orders view: its number and print with one button.
BOOST_AUTO_TEST_CASE(one_order_gets_its_number_and_prints_from_the_orders_view) {
    std::string order = testing::SqlProbe(*db).text(
        "SELECT o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id = o.store_id "
        "WHERE s.code = 'pdd-main' AND o.status = 'to_ship' AND o.allocation = 'allocated' AND "
        "NOT EXISTS (SELECT 1 FROM order_hold h WHERE h.order_id = o.id) ORDER BY o.id LIMIT 1");
    ComponentSimulator pdd(PrintComponent::pinduoduo);
    pdd.start(0);
    setenv("DIANJIA_PRINT_COMPONENTS", ("pinduoduo=" + pdd.url()).c_str(), 1);
    db.reset();
    int status = test::drive_app(dir / "home", db_path(), "orders",
                                 {"type:搜索=" + order, "row:" + order, "press:取号并打印",
                                  "see:已打印 1 张", "press:确定", "wait:0.3"});
    BOOST_TEST_REQUIRE(status == 0);
    open();
    Id id = ops::find_order(*db, order, "pdd-main");
    std::vector<ops::ParcelWaybill> rows = ops::parcel_waybills(*db, {id});
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows.front().from_platform);
    BOOST_TEST(rows.front().printed);
    BOOST_REQUIRE(pdd.printed().size() == 1u);
    BOOST_TEST(pdd.printed().front().document_id == rows.front().tracking_no);
}

// Several orders selected in the orders view (the search narrows the list to them, Ctrl+A
// selects them all) get their numbers and print with one press.
BOOST_AUTO_TEST_CASE(selected_orders_get_numbers_and_print_from_the_orders_view) {
    std::vector<std::string> orders;
    for (const testing::SqlRow& row : testing::SqlProbe(*db).rows(
             "SELECT o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id = "
             "o.store_id WHERE s.code = 'pdd-main' AND o.status = 'to_ship' AND o.allocation = "
             "'allocated' AND NOT EXISTS (SELECT 1 FROM order_hold h WHERE h.order_id = o.id) "
             "ORDER BY o.id LIMIT 3"))
        orders.push_back(row.front().text);
    BOOST_REQUIRE(orders.size() == 3u);
    // Their buyers are the only ones whose receiver names hold 打单.
    const char* names[] = {"打单甲", "打单乙", "打单丙"};
    sim.with_shop([&](SimShop& shop) {
        for (int i = 0; i < 3; ++i) {
            Order o = *shop.find(Platform::pinduoduo, orders[i]);
            o.receiver.name = names[i];
            o.modified_at = test::kNow + 60;
            shop.put(Platform::pinduoduo, o);
        }
        return 0;
    });
    sync_at(test::kNow + 600, "pdd-main", std::nullopt);
    BOOST_REQUIRE(count("SELECT count(*) FROM shop_order WHERE receiver_name LIKE '打单%' AND "
                        "allocation = 'allocated'") == 3);
    ComponentSimulator pdd(PrintComponent::pinduoduo);
    pdd.start(0);
    setenv("DIANJIA_PRINT_COMPONENTS", ("pinduoduo=" + pdd.url()).c_str(), 1);
    db.reset();
    int status = test::drive_app(
        dir / "home", db_path(), "orders",
        {"type:搜索=打单", "see:3 / 1200", "row:" + orders[0], "key:ctrl+a", "see:已选 3 个订单",
         "press:取号并打印", "see:已打印 3 张", "press:确定", "wait:0.3"});
    BOOST_TEST_REQUIRE(status == 0);
    open();
    std::vector<Id> ids;
    for (const std::string& order : orders)
        ids.push_back(ops::find_order(*db, order, "pdd-main"));
    std::vector<ops::ParcelWaybill> rows = ops::parcel_waybills(*db, ids);
    BOOST_REQUIRE(rows.size() == 3u);
    for (const ops::ParcelWaybill& w : rows) {
        BOOST_TEST(w.from_platform, w.order_no);
        BOOST_TEST(w.printed, w.order_no);
    }
    BOOST_TEST(pdd.printed().size() == 3u);
    // Nothing but the selected orders was asked for.
    BOOST_TEST(count("SELECT count(*) FROM order_waybill WHERE source = 'platform'") == 3);
}

BOOST_AUTO_TEST_SUITE_END()
