#include "store/dashboard_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/clock.h"
#include "core/translate.h"
#include "store/database.h"

namespace dj {

std::map<std::pair<std::string, std::string>, double> recent_daily_demand(Database& db,
                                                                          Timestamp now, int days) {
    SQLite::Statement s(db.sql(),
                        "SELECT k.code, w.code, -sum(m.qty) FROM movement m "
                        "JOIN sku k ON k.id = m.sku_id JOIN warehouse w ON w.id = m.warehouse_id "
                        "WHERE m.kind = 'ship' AND m.at >= ? GROUP BY m.sku_id, m.warehouse_id");
    s.bind(1, static_cast<int64_t>(now - days * 86400LL));
    std::map<std::pair<std::string, std::string>, double> out;
    while (s.executeStep())
        out[{s.getColumn(0).getString(), s.getColumn(1).getString()}] =
            static_cast<double>(s.getColumn(2).getInt64()) / days;
    return out;
}

DashboardFigures dashboard_figures(Database& db, Timestamp now) {
    DashboardFigures f;
    Timestamp day_start = parse_time(shop_date(now), "today");
    SQLite::Statement today(db.sql(),
                            "SELECT st.platform, o.status, count(*) FROM shop_order o "
                            "JOIN shop_store st ON st.id = o.store_id WHERE o.created_at >= ? "
                            "GROUP BY st.platform, o.status ORDER BY st.platform, o.status");
    today.bind(1, static_cast<int64_t>(day_start));
    while (today.executeStep())
        f.today.push_back({today.getColumn(0).getString(), today.getColumn(1).getString(),
                           today.getColumn(2).getInt64()});

    SQLite::Statement waiting(
        db.sql(),
        "SELECT count(*), "
        "count(CASE WHEN promised_ship_at >= ?1 AND promised_ship_at < ?1 + 86400 THEN 1 END), "
        "count(CASE WHEN promised_ship_at < ?1 THEN 1 END), "
        "count(CASE WHEN allocation = 'short' THEN 1 END), "
        "count(CASE WHEN allocation = 'unmapped' THEN 1 END) "
        "FROM shop_order WHERE status = 'to_ship' AND allocation <> 'shipped'");
    waiting.bind(1, static_cast<int64_t>(now));
    waiting.executeStep();
    f.open_orders = waiting.getColumn(0).getInt64();
    f.due_soon = waiting.getColumn(1).getInt64();
    f.overdue = waiting.getColumn(2).getInt64();
    f.short_orders = waiting.getColumn(3).getInt64();
    f.unmapped_orders = waiting.getColumn(4).getInt64();
    f.intercepts = db.sql()
                       .execAndGet(
                           "SELECT count(*) FROM shop_order WHERE status = "
                           "'refund_requested' AND allocation <> 'shipped'")
                       .getInt64();

    f.on_hold =
        db.sql()
            .execAndGet(
                "SELECT count(DISTINCT h.order_id) FROM order_hold h JOIN shop_order o ON o.id = "
                "h.order_id WHERE o.allocation <> 'shipped' AND o.status NOT IN "
                "('shipped', 'completed')")
            .getInt64();
    auto demand = recent_daily_demand(db, now);
    SQLite::Statement stock(db.sql(),
                            "SELECT k.code, w.code, b.on_hand - b.reserved FROM stock_balance b "
                            "JOIN sku k ON k.id = b.sku_id JOIN warehouse w ON w.id = "
                            "b.warehouse_id");
    while (stock.executeStep()) {
        auto key = std::make_pair(stock.getColumn(0).getString(), stock.getColumn(1).getString());
        auto it = demand.find(key);
        switch (
            classify_stock(stock.getColumn(2).getInt64(), it == demand.end() ? 0 : it->second)) {
            case StockLevel::enough:
                ++f.skus_enough;
                break;
            case StockLevel::low:
                ++f.skus_low;
                break;
            case StockLevel::out:
                ++f.skus_out;
                break;
        }
    }
    return f;
}

std::vector<Attention> attention_items(Database& db, Timestamp now, int expiry_days) {
    std::vector<Attention> out;
    auto demand = recent_daily_demand(db, now);
    SQLite::Statement stock(db.sql(),
                            "SELECT k.code, w.code, b.on_hand, b.reserved FROM stock_balance b "
                            "JOIN sku k ON k.id = b.sku_id JOIN warehouse w ON w.id = "
                            "b.warehouse_id ORDER BY k.code, w.code");
    while (stock.executeStep()) {
        std::string sku = stock.getColumn(0).getString();
        std::string wh = stock.getColumn(1).getString();
        Qty on_hand = stock.getColumn(2).getInt64();
        Qty available = on_hand - stock.getColumn(3).getInt64();
        auto it = demand.find({sku, wh});
        double daily = it == demand.end() ? 0 : it->second;
        StockLevel level = classify_stock(available, daily);
        if (level == StockLevel::out && (daily > 0 || on_hand != 0))
            out.push_back(
                {"out_of_stock", sku, wh,
                 trf("{0} available; about {1} a day were shipped lately",
                     std::to_string(available), std::to_string(static_cast<int>(daily + 0.5)))});
        else if (level == StockLevel::low)
            out.push_back({"low_stock", sku, wh,
                           trf("{0} available, {1} days of cover", std::to_string(available),
                               std::to_string(static_cast<int>(available / daily)))});
    }
    std::string today = shop_date(now);
    std::string horizon = date_from_days(days_from_date(today) + expiry_days);
    SQLite::Statement lots(
        db.sql(),
        "SELECT k.code, w.code, b.lot, b.expiry, sum(t.on_hand) FROM stock_lot t "
        "JOIN batch b ON b.id = t.batch_id JOIN sku k ON k.id = t.sku_id "
        "JOIN warehouse w ON w.id = t.warehouse_id WHERE t.on_hand > 0 AND "
        "b.expiry <= ? GROUP BY t.sku_id, t.warehouse_id, t.batch_id "
        "ORDER BY b.expiry, k.code");
    lots.bind(1, horizon);
    while (lots.executeStep()) {
        std::string expiry = lots.getColumn(3).getString();
        bool expired = expiry < today;
        std::string lot = lots.getColumn(2).getString();
        std::string units = std::to_string(lots.getColumn(4).getInt64());
        out.push_back({expired ? "expired" : "expiring", lots.getColumn(0).getString(),
                       lots.getColumn(1).getString(),
                       expired ? trf("batch {0}: {1} units expired on {2}", lot, units, expiry)
                               : trf("batch {0}: {1} units expire on {2}", lot, units, expiry)});
    }
    SQLite::Statement orders(db.sql(),
                             "SELECT o.platform_order_id, ifnull(w.code, ''), o.allocation, "
                             "st.name FROM shop_order o JOIN shop_store st ON st.id = o.store_id "
                             "LEFT JOIN warehouse w ON w.id = o.warehouse_id "
                             "WHERE o.status = 'to_ship' AND o.allocation IN ('short', 'unmapped') "
                             "ORDER BY ifnull(o.promised_ship_at, o.created_at)");
    while (orders.executeStep()) {
        bool short_stock = orders.getColumn(2).getString() == "short";
        std::string store = orders.getColumn(3).getString();
        out.push_back({short_stock ? "short_order" : "unmapped_order",
                       orders.getColumn(0).getString(), orders.getColumn(1).getString(),
                       short_stock
                           ? trf("{0}: not enough stock to hold every line", store)
                           : trf("{0}: a line matches no local SKU; add a mapping", store)});
    }
    return out;
}

}  // namespace dj
