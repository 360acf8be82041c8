#include "store/base/dashboard_queries.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/base/clock.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"
#include "store/stock/shippable_stock.h"

namespace dj {

std::map<std::pair<std::string, std::string>, double> recent_daily_demand(Database& db,
                                                                          Timestamp now, int days) {
    SQLite::Statement s(connection(db),
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
    SQLite::Statement today(connection(db),
                            "SELECT st.platform, o.status, count(*) FROM shop_order o "
                            "JOIN shop_store st ON st.id = o.store_id WHERE o.created_at >= ? "
                            "GROUP BY st.platform, o.status ORDER BY st.platform, o.status");
    today.bind(1, static_cast<int64_t>(day_start));
    while (today.executeStep())
        f.today.push_back({today.getColumn(0).getString(), today.getColumn(1).getString(),
                           today.getColumn(2).getInt64()});

    SQLite::Statement waiting(
        connection(db),
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
    f.intercepts = connection(db)
                       .execAndGet(
                           "SELECT count(*) FROM shop_order WHERE status = "
                           "'refund_requested' AND allocation <> 'shipped'")
                       .getInt64();

    f.on_hold =
        connection(db)
            .execAndGet(
                "SELECT count(DISTINCT h.order_id) FROM order_hold h JOIN shop_order o ON o.id = "
                "h.order_id WHERE o.allocation <> 'shipped' AND o.status NOT IN "
                "('shipped', 'completed')")
            .getInt64();
    auto demand = recent_daily_demand(db, now);
    SQLite::Statement stock(connection(db),
                            std::string("SELECT k.code, w.code, b.on_hand - b.reserved - ") +
                                kUnshippableQty +
                                " FROM stock_balance b JOIN sku k ON k.id = b.sku_id JOIN "
                                "warehouse w ON w.id = b.warehouse_id");
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

}  // namespace dj
