#include "store/orders/unmapped_listings.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/base/database.h"

namespace dj {

std::vector<UnmappedListing> unmapped_listings(Database& db) {
    SQLite::Statement s(
        connection(db),
        "SELECT st.code, l.platform_sku_id, l.seller_code, min(l.title), count(DISTINCT o.id), "
        "sum(l.quantity), min(o.platform_order_id) FROM order_line l JOIN shop_order o ON o.id = "
        "l.order_id JOIN shop_store st ON st.id = o.store_id WHERE o.status = 'to_ship' AND "
        "o.allocation = 'unmapped' AND NOT EXISTS (SELECT 1 FROM order_line_item i WHERE "
        "i.order_line_id = l.id) GROUP BY st.code, l.platform_sku_id, l.seller_code "
        "ORDER BY count(DISTINCT o.id) DESC, st.code, l.platform_sku_id, l.seller_code");
    std::vector<UnmappedListing> out;
    while (s.executeStep()) {
        UnmappedListing u;
        u.store = s.getColumn(0).getString();
        u.platform_sku_id = s.getColumn(1).getString();
        u.seller_code = s.getColumn(2).getString();
        u.title = s.getColumn(3).getString();
        u.orders = s.getColumn(4).getInt64();
        u.units = s.getColumn(5).getInt64();
        u.first_order = s.getColumn(6).getString();
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace dj
