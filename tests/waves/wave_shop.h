// A small shop with stock on shelves and waiting orders, shared by the wave and pack tests.
#pragma once

#include <string>

#include "core/base/clock.h"
#include "core/orders/order.h"
#include "ops/order_intake.h"
#include "ops/stock_service.h"
#include "ops/waybills.h"
#include "store/base/database.h"
#include "store/fulfilment/waybill_repository.h"
#include "store/orders/order_allocation.h"
#include "store/stock/stock_posting.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

namespace dj::test {

struct WaveShop {
    TempDir dir;
    Database db{test::test_database(dir, "waves.db"), test::fixed_clock()};
    Timestamp now = parse_time("2026-11-24T10:00:00+08:00", "now");

    WaveShop() {
        seed_small_shop(db);
        // CUP-1 on the far shelf, TEA-1 in two batches: the later expiry on the near shelf.
        receive("CUP-1", 50, "B-01-01");
        receive("TEA-1", 20, "A-01-01", "L2", "2027-12-31");
        receive("TEA-1", 5, "B-01-01", "L1", "2027-03-31");
    }
    void receive(const std::string& sku, Qty qty, const std::string& location,
                 const std::string& batch = {}, const std::string& expiry = {}) {
        ops::StockService::Receive r;
        r.sku = sku;
        r.qty = qty;
        r.warehouse = "CZ";
        r.location = location;
        r.unit_cost = 800;
        r.batch = batch;
        r.expiry = expiry;
        ops::StockService(db, test_actor()).receive(r);
    }
    // An order of `cups` CUP-1 and `teas` TEA-1, with a waybill of `carrier` unless empty.
    Id order(const std::string& id, Qty cups, Qty teas, const std::string& carrier = "ZTO") {
        Order o;
        o.store_id = 1;
        o.platform_order_id = id;
        o.status = OrderStatus::to_ship;
        o.receiver = {"张**", "138****" + id, "江苏省", "常州市", "武进区", "湖塘镇***"};
        o.created_at = now - 3600;
        o.paid_at = now - 3600 + static_cast<Timestamp>(id.size());
        o.modified_at = o.created_at;
        if (cups > 0) o.lines.push_back({0, "5012", "CUP-1", "陶瓷杯", cups, 1990});
        if (teas > 0) o.lines.push_back({0, "5013", "TEA-1", "西湖龙井", teas, 9900});
        StockPosting p(db);
        Id order_id = ops::OrderIntake(p, test_actor()).take(o).stored.id;
        p.commit();
        if (!carrier.empty())
            ops::assign_waybill(db, test_actor(), order_id, carrier, tracking(carrier, id));
        return order_id;
    }
    // A tracking number of `carrier`'s shape made from the order id: "1001" by ZTO is
    // 75310000001001, by SF SF0000000001001.
    static std::string tracking(const std::string& carrier, const std::string& id) {
        std::string digits;
        for (char c : id)
            digits += c >= '0' && c <= '9' ? c : static_cast<char>('0' + (c % 10));
        auto padded = [&](std::size_t width, const std::string& lead) {
            return lead + std::string(width - lead.size() - digits.size(), '0') + digits;
        };
        if (carrier == "SF") return "SF" + padded(13, "");
        if (carrier == "YTO") return "YT" + padded(13, "");
        if (carrier == "JD") return "JDV" + padded(12, "");
        return padded(14, "7531");
    }
};

}  // namespace dj::test
