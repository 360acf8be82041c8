#pragma once

// A shop synced from the simulated platforms with e-waybill accounts on all four stores, one
// warehouse shipping every store's orders and stock enough for waves of 200.
#include <boost/test/unit_test.hpp>
#include <map>

#include "ops/e_waybills.h"
#include "ops/fulfilment_queries.h"
#include "ops/shop_setup.h"
#include "ops/stock_queries.h"
#include "ops/stock_service.h"
#include "ops/waves.h"
#include "sync_fixture.h"

namespace dj::test {

using Outcome = ops::FetchedParcel::Outcome;

struct WaybillFixture : SyncFixture {
    WaybillFixture() : SyncFixture(1200) {
        // One warehouse ships every store's orders, so one wave holds all four platforms.
        for (const ShopStore& s : CatalogueRepository(*db).list_stores())
            ops::save_store(*db, sync_actor(), {s.code, s.name, s.platform, "CZ", {}});
        // Enough stock that a wave of 200 is allocated.
        ops::StockService stock(*db, sync_actor());
        for (const Sku& sku : ops::list_skus(*db, test::test_actor())) {
            ops::StockService::Receive in;
            in.sku = sku.code;
            in.warehouse = "CZ";
            in.qty = 400;
            if (sku.shelf_life_days > 0) {
                in.batch = "L20261120";
                in.expiry = "2028-05-01";
            }
            stock.receive(in);
        }
        sync_at(kNow, "", std::nullopt);
        for (const char* store : {"tb-main", "pdd-main", "dy-main"})
            ops::sync_carrier_accounts(*db, http, sync_actor(), store, "店家仓库", "13800000000");
        CarrierAccount jd;
        jd.store = "jd-main";
        jd.carrier = "中通";
        jd.branch_code = "571001";
        jd.account_no = "JD-ZTO-0001";
        jd.sender = {"店家仓库", "13800000000", "浙江省", "杭州市", "余杭区", "文一西路969号"};
        ops::save_carrier_account(*db, sync_actor(), jd);
    }
    // The orders of one new wave of up to `max` allocated orders.
    std::vector<Id> wave(int max, std::string* number = nullptr) {
        WaveRequest r;
        r.max_orders = max;
        r.max_waves = 1;
        std::vector<WaveInfo> waves = ops::create_waves(*db, sync_actor(), r);
        BOOST_REQUIRE(!waves.empty());
        if (number) *number = waves.front().number;
        std::vector<Id> ids;
        for (const WaveSlot& s : ops::wave_slots(*db, waves.front().number))
            ids.push_back(s.order_id);
        return ids;
    }
    ops::WaybillFetchReport fetch(const std::vector<Id>& ids, const std::string& carrier = {}) {
        return ops::fetch_waybills(*db, http, sync_actor(), ids, carrier);
    }
    std::size_t sim_numbers() {
        return sim.with_shop([](SimShop& shop) { return shop.waybills().size(); });
    }
    // Every parcel holds at most one number and the platforms issued each parcel at most one
    // (their numbers are keyed by object id; a second number would be a second object id).
    void check_one_number_per_parcel() {
        BOOST_TEST(count("SELECT count(*) FROM (SELECT order_id FROM waybill_request WHERE state "
                         "IN ('asked', 'issued') GROUP BY order_id HAVING count(*) > 1) d") == 0);
        BOOST_TEST(count("SELECT count(*) FROM (SELECT tracking_no FROM order_waybill GROUP BY "
                         "tracking_no HAVING count(*) > 1) d") == 0);
        std::map<std::pair<Platform, std::string>, int> per_order;
        sim.with_shop([&](SimShop& shop) {
            for (const SimWaybill& w : shop.waybills())
                if (!w.cancelled)
                    for (const std::string& id : w.order_ids)
                        ++per_order[{w.platform, id}];
            return 0;
        });
        // One number for each of the order's parcels (a split order ships as several), and
        // every number the platforms issued (and did not take back) is on its parcel.
        for (const auto& [order, n] : per_order) {
            std::string parts =
                "(SELECT id FROM shop_order WHERE platform_order_id = '" + order.second +
                "' UNION SELECT id FROM shop_order WHERE split_from IN (SELECT id FROM "
                "shop_order WHERE platform_order_id = '" +
                order.second + "'))";
            BOOST_TEST(n <= count("SELECT count(*) FROM " + parts), order.second);
            BOOST_TEST(count("SELECT count(*) FROM order_waybill WHERE source = 'platform' AND "
                             "order_id IN " +
                             parts) == n,
                       order.second);
        }
    }
};

}  // namespace dj::test
