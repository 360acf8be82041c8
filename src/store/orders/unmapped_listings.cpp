#include "store/orders/unmapped_listings.h"

#include "store/base/database.h"
#include "store/base/sql.h"

namespace dj {

std::vector<UnmappedListing> unmapped_listings(Database& db) {
    sql::Statement s(
        connection(db),
        "SELECT st.code, l.platform_sku_id, l.seller_code, min(l.title), count(DISTINCT o.id), "
        "sum(l.quantity), min(o.platform_order_id) FROM order_line l JOIN shop_order o ON o.id = "
        "l.order_id JOIN shop_store st ON st.id = o.store_id WHERE o.status = 'to_ship' AND "
        "o.allocation = 'unmapped' AND NOT EXISTS (SELECT 1 FROM order_line_item i WHERE "
        "i.order_line_id = l.id) GROUP BY st.code, l.platform_sku_id, l.seller_code "
        "ORDER BY count(DISTINCT o.id) DESC, st.code, l.platform_sku_id, l.seller_code");
    std::vector<UnmappedListing> out;
    while (s.step()) {
        UnmappedListing u;
        u.store = s.column(0).text();
        u.platform_sku_id = s.column(1).text();
        u.seller_code = s.column(2).text();
        u.title = s.column(3).text();
        u.orders = s.column(4).int64();
        u.units = s.column(5).int64();
        u.first_order = s.column(6).text();
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace dj
