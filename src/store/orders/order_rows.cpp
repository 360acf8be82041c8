#include "store/orders/order_rows.h"

#include <algorithm>
#include <unordered_map>

#include "core/base/deferred_text.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

std::vector<OrderRow> read_order_rows(Database& db, Progress& progress) {
    const std::atomic<bool>& cancel = progress.cancel;
    std::size_t total =
        static_cast<std::size_t>(connection(db).query_int64("SELECT count(*) FROM shop_order"));
    progress.total = static_cast<long>(total * 2);
    progress.done = 0;
    std::vector<OrderRow> rows;
    rows.reserve(total);
    std::unordered_map<Id, std::size_t> at;
    at.reserve(total);
    sql::Statement s(
        connection(db),
        "SELECT o.id, st.code, st.platform, o.platform_order_id, o.status, "
        "o.allocation, ifnull(w.code, ''), o.receiver_name, o.province || ' ' || "
        "o.city, o.paid_amount_fen, o.created_at, ifnull(o.promised_ship_at, 0), "
        "o.priority, ifnull((SELECT h.reason FROM order_hold h WHERE h.order_id = o.id "
        "ORDER BY h.intercept DESC, h.at LIMIT 1), '') "
        "FROM shop_order o JOIN shop_store st ON st.id = o.store_id "
        "LEFT JOIN warehouse w ON w.id = o.warehouse_id ORDER BY o.id");
    while (s.step() && !cancel) {
        OrderRow r;
        r.id = s.column(0).int64();
        r.store = s.column(1).text();
        r.platform = s.column(2).text();
        r.order_id = s.column(3).text();
        r.status = s.column(4).text();
        r.allocation = s.column(5).text();
        r.warehouse = s.column(6).text();
        r.receiver = s.column(7).text();
        r.region = s.column(8).text();
        r.amount = s.column(9).int64();
        r.created = s.column(10).int64();
        r.promised = s.column(11).int64();
        r.priority = s.column(12).int32();
        r.hold = readable(s.column(13).text());
        at.emplace(r.id, rows.size());
        rows.push_back(std::move(r));
        if (rows.size() % 5000 == 0) progress.done = static_cast<long>(rows.size());
    }
    // Lines in one pass: the local SKU where mapped, else the seller code.
    sql::Statement l(connection(db),
                     "SELECT l.order_id, l.quantity, l.seller_code, ifnull((SELECT "
                     "group_concat(k.code, '+') FROM order_line_item i JOIN sku k ON k.id = "
                     "i.sku_id WHERE i.order_line_id = l.id), '') FROM order_line l "
                     "ORDER BY l.order_id, l.line_no");
    std::size_t n = 0;
    while (l.step() && !cancel) {
        auto it = at.find(l.column(0).int64());
        if (it == at.end()) continue;
        OrderRow& r = rows[it->second];
        std::string sku = l.column(3).text();
        std::string seller = l.column(2).text();
        Qty qty = l.column(1).int64();
        r.units += qty;
        r.items +=
            (r.items.empty() ? "" : " ") + (sku.empty() ? seller : sku) + "×" + std::to_string(qty);
        if (!seller.empty() && seller != sku) r.seller_codes += " " + seller;
        if (++n % 5000 == 0) progress.done = static_cast<long>(total + std::min(n, total));
    }
    sql::Statement t(connection(db), "SELECT order_id, tag FROM order_tag ORDER BY order_id, tag");
    while (t.step() && !cancel) {
        auto it = at.find(t.column(0).int64());
        if (it != at.end()) rows[it->second].tags.push_back(t.column(1).text());
    }
    return rows;
}

}  // namespace dj
