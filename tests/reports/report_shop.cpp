#include "report_shop.h"

namespace dj::test {

void build_report_shop(Database& db) {
    seed_small_shop(db);
    auto at = [&](const char* when) {
        ops::StockService s(db, test_actor());
        s.post_at(shop_at(when));
        return s;
    };
    auto receive = [&](const char* when, const char* sku, Qty qty, const char* wh, Fen cost,
                       const char* batch = "") {
        ops::StockService::Receive r;
        r.sku = sku;
        r.qty = qty;
        r.warehouse = wh;
        r.unit_cost = cost;
        r.batch = batch;
        if (*batch) r.expiry = "2028-01-01";
        at(when).receive(r);
    };
    receive("2026-08-20 09:00:00", "CUP-1", 10, "CZ", 800);            // opening CZ 10 / 80.00
    receive("2026-09-03 10:00:00", "CUP-1", 10, "CZ", 1000);           // 20 / 180.00, avg 9.00
    at("2026-09-05 10:00:00").ship("CUP-1", 4, "CZ", "S1");            // −36.00
    at("2026-09-07 10:00:00").transfer("CUP-1", 6, "CZ", "GZ", "T1");  // −54.00 into transit
    at("2026-09-09 10:00:00").arrive("T1");                            // GZ +54.00
    at("2026-09-11 10:00:00").customer_return("CUP-1", 1, "GZ", "", "R1", "");  // +9.00
    at("2026-09-13 10:00:00").count("CUP-1", 12, "CZ", "", "");        // CZ 10 → 12: +18.00
    at("2026-09-15 10:00:00").count("CUP-1", 5, "GZ", "", "");         // GZ 7 → 5: −18.00
    at("2026-09-17 10:00:00").scrap("CUP-1", 1, "CZ", "", "damaged");  // −9.00
    // Shop 16 / 144.00; + 3 at 10.01 = 19 / 174.03, average 9.16 (9.1595...).
    receive("2026-09-19 10:00:00", "CUP-1", 3, "CZ", 1001);
    receive("2026-09-20 10:00:00", "TEA-1", 4, "GZ", 2000, "L1");  // starts mid-month
    at("2026-09-21 10:00:00").ship("CUP-1", 5, "CZ", "S2");  // 174.03 × 5 / 19 = 45.797 → 45.80
    // 14 / 128.23 left: CZ 9 / 83.23, GZ 5 / 45.00. Sent on the 28th, arrives in October:
    // 128.23 × 2 / 14 = 18.318 → 18.32.
    at("2026-09-28 10:00:00").transfer("CUP-1", 2, "CZ", "GZ", "T2");
    at("2026-10-02 10:00:00").arrive("T2");
}

}  // namespace dj::test
