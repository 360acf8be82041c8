#include "store/fulfilment/pack_queries.h"

#include <charconv>
#include <map>
#include <unordered_map>

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/orders/order_merge.h"

namespace dj {

std::optional<Id> find_order_for_packing(Database& db, const std::string& scanned) {
    if (scanned.size() > 1 && scanned[0] == '#') {
        // "#" and the local id: anything but digits names no order.
        std::int64_t id = 0;
        const char* end = scanned.data() + scanned.size();
        auto [stop, ec] = std::from_chars(scanned.data() + 1, end, id);
        if (ec != std::errc() || stop != end) return std::nullopt;
        sql::Statement s(connection(db), "SELECT id FROM shop_order WHERE id = ?");
        s.bind(1, id);
        if (s.step()) return s.column(0).int64();
        return std::nullopt;
    }
    sql::Statement s(connection(db),
                     "SELECT id FROM shop_order WHERE platform_order_id = ? ORDER BY id LIMIT 1");
    s.bind(1, scanned);
    if (s.step()) return s.column(0).int64();
    return std::nullopt;
}

std::vector<PackItem> order_pack_items(Database& db, Id order_id) {
    const Id head = parcel_head(db, order_id);
    constexpr const char* kParcelLines =
        "SELECT l.id FROM order_line l WHERE l.order_id IN (SELECT ?1 UNION ALL SELECT order_id "
        "FROM order_merge WHERE parcel_order_id = ?1)";
    // The barcodes of every SKU in the parcel are asked for with the items: one round trip to a
    // server.
    sql::Statement b(connection(db),
                     std::string("SELECT b.sku_id, b.barcode FROM sku_barcode b WHERE b.sku_id IN "
                                 "(SELECT i.sku_id FROM order_line_item i WHERE i.order_line_id "
                                 "IN (") +
                         kParcelLines + ")) ORDER BY b.rowid");
    b.bind(1, static_cast<int64_t>(head));
    b.prefetch();
    sql::Statement s(connection(db),
                     "SELECT k.id, k.code, k.name, sum(i.qty) FROM order_line_item i "
                     "JOIN order_line l ON l.id = i.order_line_id JOIN sku k ON k.id = i.sku_id "
                     "WHERE l.order_id IN (SELECT ?1 UNION ALL SELECT order_id FROM order_merge "
                     "WHERE parcel_order_id = ?1) GROUP BY k.id ORDER BY min(i.id)");
    s.bind(1, static_cast<int64_t>(head));
    std::vector<PackItem> items;
    while (s.step())
        items.push_back({s.column(0).int64(),
                         s.column(1).text(),
                         s.column(2).text(),
                         {},
                         s.column(3).int64(),
                         0});
    std::unordered_map<Id, std::vector<std::string>> barcodes;
    while (b.step())
        barcodes[b.column(0).int64()].push_back(b.column(1).text());
    for (PackItem& item : items)
        item.barcodes = std::move(barcodes[item.sku_id]);
    return items;
}

}  // namespace dj
