#include "store/base/dashboard_queries.h"

#include "core/base/clock.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/stock/shippable_stock.h"

namespace dj {

std::map<std::pair<std::string, std::string>, double> recent_daily_demand(Database& db,
                                                                          Timestamp now, int days) {
    sql::Statement s(connection(db),
                     "SELECT k.code, w.code, -sum(m.qty) FROM movement m "
                     "JOIN sku k ON k.id = m.sku_id JOIN warehouse w ON w.id = m.warehouse_id "
                     "WHERE m.kind = 'ship' AND m.at >= ? GROUP BY k.code, w.code");
    s.bind(1, static_cast<int64_t>(now - days * 86400LL));
    std::map<std::pair<std::string, std::string>, double> out;
    while (s.step())
        out[{s.column(0).text(), s.column(1).text()}] =
            static_cast<double>(s.column(2).int64()) / days;
    return out;
}

DashboardFigures dashboard_figures(Database& db, Timestamp now) {
    DashboardFigures f;
    Timestamp day_start = parse_time(shop_date(now), "today");
    sql::Statement today(connection(db),
                         "SELECT st.platform, o.status, count(*) FROM shop_order o "
                         "JOIN shop_store st ON st.id = o.store_id WHERE o.created_at >= ? "
                         "GROUP BY st.platform, o.status ORDER BY st.platform, o.status");
    today.bind(1, static_cast<int64_t>(day_start));
    while (today.step())
        f.today.push_back(
            {today.column(0).text(), today.column(1).text(), today.column(2).int64()});

    sql::Statement waiting(
        connection(db),
        "SELECT count(*), "
        "count(CASE WHEN promised_ship_at >= ?1 AND promised_ship_at < ?1 + 86400 THEN 1 END), "
        "count(CASE WHEN promised_ship_at < ?1 THEN 1 END), "
        "count(CASE WHEN allocation = 'short' THEN 1 END), "
        "count(CASE WHEN allocation = 'unmapped' THEN 1 END) "
        "FROM shop_order WHERE status = 'to_ship' AND allocation <> 'shipped'");
    waiting.bind(1, static_cast<int64_t>(now));
    waiting.step();
    f.open_orders = waiting.column(0).int64();
    f.due_soon = waiting.column(1).int64();
    f.overdue = waiting.column(2).int64();
    f.short_orders = waiting.column(3).int64();
    f.unmapped_orders = waiting.column(4).int64();
    f.intercepts = connection(db).query_int64(
        "SELECT count(*) FROM shop_order WHERE status = "
        "'refund_requested' AND allocation <> 'shipped'");

    f.on_hold = connection(db).query_int64(
        "SELECT count(DISTINCT h.order_id) FROM order_hold h JOIN shop_order o ON o.id = "
        "h.order_id WHERE o.allocation <> 'shipped' AND o.status NOT IN "
        "('shipped', 'completed')");
    auto demand = recent_daily_demand(db, now);
    sql::Statement stock(connection(db),
                         std::string("SELECT k.code, w.code, b.on_hand - b.reserved - ") +
                             kUnshippableQty +
                             " FROM stock_balance b JOIN sku k ON k.id = b.sku_id JOIN "
                             "warehouse w ON w.id = b.warehouse_id");
    while (stock.step()) {
        auto key = std::make_pair(stock.column(0).text(), stock.column(1).text());
        auto it = demand.find(key);
        switch (classify_stock(stock.column(2).int64(), it == demand.end() ? 0 : it->second)) {
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
