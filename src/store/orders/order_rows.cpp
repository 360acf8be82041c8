#include "store/orders/order_rows.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <unordered_map>

#include "core/base/deferred_text.h"
#include "store/base/database.h"
#include "store/base/sql_binding.h"

namespace dj {

std::vector<OrderRow> read_order_rows(Database& db, Progress& progress) {
    const std::atomic<bool>& cancel = progress.cancel;
    std::size_t total = static_cast<std::size_t>(
        connection(db).execAndGet("SELECT count(*) FROM shop_order").getInt64());
    progress.total = static_cast<long>(total * 2);
    progress.done = 0;
    std::vector<OrderRow> rows;
    rows.reserve(total);
    std::unordered_map<Id, std::size_t> at;
    at.reserve(total);
    SQLite::Statement s(
        connection(db),
        "SELECT o.id, st.code, st.platform, o.platform_order_id, o.status, "
        "o.allocation, ifnull(w.code, ''), o.receiver_name, o.province || ' ' || "
        "o.city, o.paid_amount_fen, o.created_at, ifnull(o.promised_ship_at, 0), "
        "o.priority, ifnull((SELECT h.reason FROM order_hold h WHERE h.order_id = o.id "
        "ORDER BY h.intercept DESC, h.at LIMIT 1), '') "
        "FROM shop_order o JOIN shop_store st ON st.id = o.store_id "
        "LEFT JOIN warehouse w ON w.id = o.warehouse_id ORDER BY o.id");
    while (s.executeStep() && !cancel) {
        OrderRow r;
        r.id = s.getColumn(0).getInt64();
        r.store = s.getColumn(1).getString();
        r.platform = s.getColumn(2).getString();
        r.order_id = s.getColumn(3).getString();
        r.status = s.getColumn(4).getString();
        r.allocation = s.getColumn(5).getString();
        r.warehouse = s.getColumn(6).getString();
        r.receiver = s.getColumn(7).getString();
        r.region = s.getColumn(8).getString();
        r.amount = s.getColumn(9).getInt64();
        r.created = s.getColumn(10).getInt64();
        r.promised = s.getColumn(11).getInt64();
        r.priority = s.getColumn(12).getInt();
        r.hold = readable(s.getColumn(13).getString());
        at.emplace(r.id, rows.size());
        rows.push_back(std::move(r));
        if (rows.size() % 5000 == 0) progress.done = static_cast<long>(rows.size());
    }
    // Lines in one pass: the local SKU where mapped, else the seller code.
    SQLite::Statement l(connection(db),
                        "SELECT l.order_id, l.quantity, l.seller_code, ifnull((SELECT "
                        "group_concat(k.code, '+') FROM order_line_item i JOIN sku k ON k.id = "
                        "i.sku_id WHERE i.order_line_id = l.id), '') FROM order_line l "
                        "ORDER BY l.order_id, l.line_no");
    std::size_t n = 0;
    while (l.executeStep() && !cancel) {
        auto it = at.find(l.getColumn(0).getInt64());
        if (it == at.end()) continue;
        OrderRow& r = rows[it->second];
        std::string sku = l.getColumn(3).getString();
        std::string seller = l.getColumn(2).getString();
        Qty qty = l.getColumn(1).getInt64();
        r.units += qty;
        r.items +=
            (r.items.empty() ? "" : " ") + (sku.empty() ? seller : sku) + "×" + std::to_string(qty);
        if (!seller.empty() && seller != sku) r.seller_codes += " " + seller;
        if (++n % 5000 == 0) progress.done = static_cast<long>(total + std::min(n, total));
    }
    SQLite::Statement t(connection(db),
                        "SELECT order_id, tag FROM order_tag ORDER BY order_id, tag");
    while (t.executeStep() && !cancel) {
        auto it = at.find(t.getColumn(0).getInt64());
        if (it != at.end()) rows[it->second].tags.push_back(t.getColumn(1).getString());
    }
    return rows;
}

}  // namespace dj
