// E-waybill numbers from the four simulated platforms through ops (what the window and
// `dianjia-cli waybill …` call): accounts, a wave over four platforms, lost answers, refusals,
// giving numbers back, and a fetch killed midway.

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "core/base/error.h"
#include "core/orders/order_allocation_decision.h"
#include "kill_cli.h"
#include "ops/order_decisions.h"
#include "ops/order_parcels.h"
#include "ops/ship_order.h"
#include "ops/waybills.h"
#include "platform_error.h"
#include "store/orders/order_merge.h"
#include "waybill_fixture.h"

using namespace dj;
using test::Outcome;

BOOST_FIXTURE_TEST_SUITE(e_waybills, test::WaybillFixture)

BOOST_AUTO_TEST_CASE(accounts_come_from_the_platform_or_are_entered) {
    std::vector<CarrierAccount> all = ops::carrier_accounts(*db);
    BOOST_TEST(all.size() == 10u);  // three on each of three platforms, one entered for JD
    std::vector<CarrierAccount> tb = ops::carrier_accounts(*db, "tb-main");
    BOOST_REQUIRE(tb.size() == 3u);
    BOOST_TEST(tb.front().from_platform);
    BOOST_TEST(tb.front().sender.name == "店家仓库");
    BOOST_TEST(tb.front().sender.province == "浙江省");
    std::vector<CarrierAccount> jd = ops::carrier_accounts(*db, "jd-main");
    BOOST_REQUIRE(jd.size() == 1u);
    BOOST_TEST(jd.front().carrier == "ZTO");  // "中通" as typed
    BOOST_TEST(!jd.front().from_platform);
    // JD lists none: entering it is the way.
    BOOST_CHECK_THROW(
        ops::sync_carrier_accounts(*db, http, test::sync_actor(), "jd-main", "a", "1"), NotFound);
    // What the waybill calls need is checked on entry.
    CarrierAccount bad = jd.front();
    bad.sender.phone.clear();
    BOOST_CHECK_THROW(ops::save_carrier_account(*db, test::sync_actor(), bad), InvalidInput);
    bad = jd.front();
    bad.carrier = "XYZ";
    BOOST_CHECK_THROW(ops::save_carrier_account(*db, test::sync_actor(), bad), InvalidInput);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'waybill.account'") == 10);
}

BOOST_AUTO_TEST_CASE(a_wave_of_200_over_four_platforms_gets_one_number_per_parcel) {
    std::vector<Id> ids = wave(200);
    BOOST_TEST(ids.size() == 200u);
    BOOST_TEST(count("SELECT count(DISTINCT s.platform) FROM wave_order x JOIN shop_order o ON "
                     "o.id = x.order_id JOIN shop_store s ON s.id = o.store_id") == 4);
    ops::WaybillFetchReport r = fetch(ids);
    BOOST_TEST(r.count(Outcome::issued) == 200);
    BOOST_TEST(r.parcels.size() == 200u);
    BOOST_TEST(sim_numbers() == 200u);
    for (const ops::FetchedParcel& p : r.parcels) {
        BOOST_TEST(p.carrier == "ZTO");
        BOOST_TEST(!p.tracking_no.empty());
    }
    // The print data is kept as the platform sent it.
    BOOST_TEST(count("SELECT count(*) FROM order_waybill WHERE source = 'platform' AND "
                     "print_data LIKE '%SIMENC:%' AND print_data LIKE '%' || tracking_no || '%'") ==
               200);
    // Asked again: every parcel has its number, the platforms issue none.
    ops::WaybillFetchReport again = fetch(ids);
    BOOST_TEST(again.count(Outcome::had_one) == 200);
    BOOST_TEST(sim_numbers() == 200u);
    std::vector<ops::ParcelWaybill> rows = ops::parcel_waybills(*db, ids);
    BOOST_TEST(rows.size() == 200u);
    BOOST_TEST(rows.front().from_platform);
    check_one_number_per_parcel();
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'waybill.fetch'") == 200);
}

BOOST_AUTO_TEST_CASE(a_lost_answer_is_asked_again_under_the_same_object_id) {
    std::vector<Id> ids = wave(40);
    // Every call of one platform fails (all of the client's attempts): its parcels stay asked.
    sim.inject(SimFault::http_500, 1000, Platform::pinduoduo, "pdd.waybill.get");
    // Taobao's first answer comes too late: the client asks again, the same number comes back.
    sim.inject(SimFault::timeout, 1, Platform::taobao, "cainiao.waybill.ii.get");
    ops::WaybillFetchReport r = fetch(ids);
    int failed = r.count(Outcome::failed);
    BOOST_TEST(failed > 0);
    BOOST_TEST(r.count(Outcome::issued) + failed == 40);
    for (const ops::FetchedParcel& p : r.parcels)
        if (p.outcome == Outcome::failed) BOOST_TEST(p.store == "pdd-main");
    std::this_thread::sleep_for(std::chrono::milliseconds(800));  // the late answer lands
    sim.clear_faults();
    std::int64_t asked_before = count("SELECT count(*) FROM waybill_request");
    ops::WaybillFetchReport retry = fetch(ids);
    BOOST_TEST(retry.count(Outcome::issued) == failed);
    BOOST_TEST(retry.count(Outcome::had_one) == 40 - failed);
    BOOST_TEST(count("SELECT count(*) FROM waybill_request") == asked_before);  // same ids
    BOOST_TEST(sim_numbers() == 40u);
    check_one_number_per_parcel();
}

BOOST_AUTO_TEST_CASE(a_refusal_is_that_parcels_alone_and_it_is_said) {
    std::vector<Id> ids = wave(60);
    // Buyers cancel two Taobao orders on the platform before the shop hears of it.
    std::vector<std::string> gone;
    for (Id id : ids)
        if (gone.size() < 2 && count("SELECT count(*) FROM shop_order o JOIN shop_store s ON "
                                     "s.id = o.store_id WHERE s.platform = 'taobao' AND o.id = " +
                                     std::to_string(id)) == 1)
            gone.push_back(testing::SqlProbe(*db).text(
                "SELECT platform_order_id FROM shop_order WHERE id = " + std::to_string(id)));
    BOOST_REQUIRE(gone.size() == 2u);
    sim.with_shop([&](SimShop& shop) {
        for (const std::string& no : gone) {
            Order o = *shop.find(Platform::taobao, no);
            o.status = OrderStatus::cancelled;
            shop.put(Platform::taobao, o);
        }
        return 0;
    });
    ops::WaybillFetchReport r = fetch(ids);
    BOOST_TEST(r.count(Outcome::refused) == 2);
    BOOST_TEST(r.count(Outcome::issued) == 58);
    for (const ops::FetchedParcel& p : r.parcels)
        if (p.outcome == Outcome::refused) {
            BOOST_TEST((p.order_no == gone[0] || p.order_no == gone[1]));
            BOOST_TEST(p.message.find("不允许取号") != std::string::npos);
        }
    BOOST_TEST(count("SELECT count(*) FROM waybill_request WHERE state = 'refused'") == 2);
    check_one_number_per_parcel();
}

BOOST_AUTO_TEST_CASE(what_is_not_asked_says_why) {
    std::vector<Id> ids = wave(8);
    // No account of that carrier anywhere.
    ops::WaybillFetchReport r = fetch(ids, "JTSD");
    BOOST_TEST(r.count(Outcome::refused) == 8);
    BOOST_TEST(r.parcels.front().message.find("JTSD") == std::string::npos);  // named, not coded
    BOOST_TEST(sim_numbers() == 0u);
    BOOST_CHECK_THROW(fetch(ids, "no-such-carrier"), InvalidInput);
    // A held order is not asked.
    Id held = ids.front();
    ops::hold_order(*db, test::sync_actor(), held, "买家要求暂缓发货");
    ops::WaybillFetchReport held_report = fetch({held});
    BOOST_TEST((held_report.parcels.front().outcome == Outcome::refused));
    BOOST_TEST(held_report.parcels.front().message.find("买家要求暂缓发货") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_number_given_back_is_replaced_by_a_new_one_and_typing_over_is_refused) {
    std::vector<Id> ids = wave(4);
    fetch(ids);
    Id id = ids.front();
    std::optional<Waybill> first = find_waybill(*db, id);
    BOOST_REQUIRE(first);
    BOOST_TEST(first->from_platform);
    // A fetched number is not typed over.
    BOOST_CHECK_THROW(ops::assign_waybill(*db, test::sync_actor(), id, "ZTO", "75312345678901"),
                      InvalidInput);
    std::string back = ops::cancel_waybill(*db, http, test::sync_actor(), id);
    BOOST_TEST(back == first->tracking_no);
    BOOST_TEST(!find_waybill(*db, id));
    BOOST_TEST(sim.with_shop([&](SimShop& shop) {
        for (const SimWaybill& w : shop.waybills())
            if (w.tracking_no == back) return w.cancelled;
        return false;
    }));
    BOOST_CHECK_THROW(ops::cancel_waybill(*db, http, test::sync_actor(), id), InvalidInput);
    ops::WaybillFetchReport r = fetch({id});
    BOOST_TEST(r.count(Outcome::issued) == 1);
    BOOST_TEST(r.parcels.front().tracking_no != back);
    BOOST_TEST(
        count("SELECT count(*) FROM waybill_request WHERE order_id = " + std::to_string(id)) == 2);
    BOOST_TEST(count("SELECT count(*) FROM audit_log WHERE action = 'waybill.cancel'") == 1);
    check_one_number_per_parcel();
}

// A merged parcel asks one number for all its orders.
BOOST_AUTO_TEST_CASE(a_merged_parcel_gets_one_number_for_its_orders) {
    std::string a = testing::SqlProbe(*db).text(
        "SELECT o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id = o.store_id "
        "WHERE s.code = 'tb-main' AND o.allocation = 'allocated' AND NOT EXISTS (SELECT 1 FROM "
        "order_hold h WHERE h.order_id = o.id) ORDER BY o.id LIMIT 1");
    std::string b = testing::SqlProbe(*db).text(
        "SELECT o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id = o.store_id "
        "WHERE s.code = 'tb-main' AND o.allocation = 'allocated' AND NOT EXISTS (SELECT 1 FROM "
        "order_hold h WHERE h.order_id = o.id) ORDER BY o.id LIMIT 1 OFFSET 1");
    // The second buyer turns out to be the first (same nick and receiver) on the platform.
    sim.with_shop([&](SimShop& shop) {
        Order first = *shop.find(Platform::taobao, a);
        Order second = *shop.find(Platform::taobao, b);
        second.buyer_nick = first.buyer_nick;
        second.receiver = first.receiver;
        second.modified_at = test::kNow + 60;
        shop.put(Platform::taobao, second);
        return 0;
    });
    sync_at(test::kNow + 600, "tb-main", std::nullopt);
    Id ia = ops::find_order(*db, a, "tb-main"), ib = ops::find_order(*db, b, "tb-main");
    if (parcel_orders(*db, ia).size() < 2)  // a rule may have merged them already
        ops::merge_orders(*db, test::sync_actor(), {ia, ib});
    BOOST_REQUIRE(parcel_orders(*db, ia).size() == 2u);
    ops::WaybillFetchReport r = fetch({ia, ib});
    BOOST_REQUIRE(r.parcels.size() == 1u);
    BOOST_TEST_REQUIRE((r.parcels.front().outcome == Outcome::issued), r.parcels.front().message);
    BOOST_TEST(find_waybill(*db, ia)->tracking_no == find_waybill(*db, ib)->tracking_no);
    sim.with_shop([&](SimShop& shop) {
        BOOST_REQUIRE(shop.waybills().size() == 1u);
        std::vector<std::string> orders = shop.waybills().front().order_ids;
        BOOST_TEST(orders.size() == 2u);
        BOOST_TEST((std::find(orders.begin(), orders.end(), a) != orders.end()));
        BOOST_TEST((std::find(orders.begin(), orders.end(), b) != orders.end()));
        return 0;
    });
}

// A split order ships as two parcels from two warehouses: each part gets its own number, both
// under the platform's one order id (the platform knows only the original).
BOOST_AUTO_TEST_CASE(the_parts_of_a_split_order_get_a_number_each) {
    testing::SqlProbe probe(*db);
    // A waiting order of one SKU, and a SKU without batches that it does not have.
    std::string no = probe.text(
        "SELECT o.platform_order_id FROM shop_order o JOIN shop_store s ON s.id = o.store_id "
        "WHERE s.code = 'tb-main' AND o.allocation = 'allocated' AND NOT EXISTS (SELECT 1 FROM "
        "order_hold h WHERE h.order_id = o.id) AND (SELECT count(DISTINCT i.sku_id) FROM "
        "order_line l JOIN order_line_item i ON i.order_line_id = l.id WHERE l.order_id = o.id) "
        "= 1 ORDER BY o.id LIMIT 1");
    Id id = ops::find_order(*db, no, "tb-main");
    std::string sku = probe.text(
        "SELECT code FROM sku WHERE shelf_life_days = 0 AND id NOT IN (SELECT i.sku_id FROM "
        "order_line l JOIN order_line_item i ON i.order_line_id = l.id WHERE l.order_id = ?) "
        "ORDER BY id LIMIT 1",
        {id});
    std::string has = probe.text(
        "SELECT k.code FROM order_line l JOIN order_line_item i ON i.order_line_id = l.id JOIN "
        "sku k ON k.id = i.sku_id WHERE l.order_id = ?",
        {id});
    // CZ has none of the new SKU to spare and GZ none of the old; the buyer adds the new one
    // to the order on the platform.
    ops::StockService stock(*db, test::sync_actor());
    auto scrap_spare = [&](const std::string& code, const std::string& warehouse) {
        Qty spare = probe.integer(
            "SELECT ifnull(sum(b.on_hand - b.reserved), 0) FROM stock_balance b JOIN sku k ON "
            "k.id = b.sku_id JOIN warehouse w ON w.id = b.warehouse_id WHERE w.code = ? AND "
            "k.code = ?",
            {warehouse, code});
        if (spare > 0) stock.scrap(code, spare, warehouse, "", "破损");
    };
    scrap_spare(sku, "CZ");
    scrap_spare(has, "GZ");
    ops::StockService::Receive in;
    in.sku = sku;
    in.warehouse = "GZ";
    in.qty = 50;
    stock.receive(in);
    ops::set_store_split_policy(*db, test::sync_actor(), "tb-main", SplitPolicy::split);
    sim.with_shop([&](SimShop& shop) {
        Order o = *shop.find(Platform::taobao, no);
        o.lines.push_back({0, "5999999999999", sku, "加购的商品", 1, 1990});
        o.modified_at = test::kNow + 60;
        shop.put(Platform::taobao, o);
        return 0;
    });
    sync_at(test::kNow + 600, "tb-main", std::nullopt);
    std::vector<Id> parts;
    for (const testing::SqlRow& row : probe.rows(
             "SELECT id FROM shop_order WHERE id = ? OR split_from = ? ORDER BY id", {id, id}))
        parts.push_back(row.front().integer);
    BOOST_REQUIRE(parts.size() == 2u);
    ops::WaybillFetchReport r = fetch(parts);
    BOOST_REQUIRE(r.parcels.size() == 2u);
    for (const ops::FetchedParcel& p : r.parcels)
        BOOST_TEST_REQUIRE((p.outcome == Outcome::issued), p.message);
    std::optional<Waybill> first = find_waybill(*db, parts[0]),
                           second = find_waybill(*db, parts[1]);
    BOOST_REQUIRE((first && second));
    BOOST_TEST(first->tracking_no != second->tracking_no);
    sim.with_shop([&](SimShop& shop) {
        BOOST_REQUIRE(shop.waybills().size() == 2u);
        for (const SimWaybill& w : shop.waybills())
            BOOST_TEST((w.order_ids == std::vector<std::string>{no}));
        return 0;
    });
    // Fetching again asks for nothing: each part has its number.
    ops::WaybillFetchReport again = fetch(parts);
    BOOST_TEST(again.count(Outcome::had_one) == 2);
    BOOST_TEST(sim_numbers() == 2u);
    check_one_number_per_parcel();
}

// `dianjia-cli waybill fetch WAVE` killed (SIGKILL) after a few platform calls, as a power cut
// ends it; fetching again finishes the wave and no parcel holds or was issued two numbers.
BOOST_AUTO_TEST_CASE(a_fetch_killed_midway_finishes_next_time_with_one_number_each) {
    std::string number;
    std::vector<Id> ids = wave(120, &number);
    int killed = 0;
    for (int calls : {2, 5, 9}) {
        int start = sim.requests();
        killed += test::kill_cli_when({"--db", db_path(), "waybill", "fetch", number},
                                      [&] { return sim.requests() >= start + calls; });
    }
    BOOST_TEST(killed > 0);
    open();
    ops::WaybillFetchReport r = fetch(ids);
    BOOST_TEST(r.count(Outcome::issued) + r.count(Outcome::had_one) == 120);
    BOOST_TEST(sim_numbers() == 120u);
    check_one_number_per_parcel();
}

BOOST_AUTO_TEST_SUITE_END()
