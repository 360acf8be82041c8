#include "store/stock/stock_offer.h"

#include <algorithm>
#include <bit>
#include <set>
#include <string>
#include <vector>

#include "core/fulfilment/outbox.h"
#include "core/orders/store_connection.h"
#include "store/base/batch_insert.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/fulfilment/outbox_repository.h"
#include "store/stock/shippable_stock.h"

namespace dj {
namespace {

struct Offer {
    Id store_id = 0;
    std::string platform_sku;
    Qty quantity = 0;
};

// One statement for every listing (or those `where` picks): the warehouse a store sells from
// is the one its orders are allocated in (its default, else the first).
std::string offer_query(const std::string& where) {
    return "SELECT m.id, m.store_id, m.platform_sku, "
           "min(ifnull(b.on_hand - b.reserved - " +
           std::string(kUnshippableQty) +
           ", 0) / i.qty), "
           "c.stock_share_percent, c.stock_buffer, p.quantity "
           "FROM sku_mapping m "
           "JOIN store_connection c ON c.store_id = m.store_id "
           "JOIN shop_store st ON st.id = m.store_id "
           "JOIN sku_mapping_item i ON i.mapping_id = m.id "
           "LEFT JOIN stock_balance b ON b.sku_id = i.sku_id AND b.warehouse_id = "
           "ifnull(st.default_warehouse_id, (SELECT min(id) FROM warehouse)) "
           "LEFT JOIN stock_push_state p ON p.store_id = m.store_id "
           "AND p.platform_sku = m.platform_sku " +
           where +
           "GROUP BY m.id, m.store_id, m.platform_sku, c.stock_share_percent, c.stock_buffer, "
           "p.quantity";
}

}  // namespace

int queue_stock_offers(Database& db, Timestamp now, const std::optional<std::set<Id>>& skus) {
    if (skus && skus->empty()) return 0;
    std::vector<Offer> changed;
    std::set<Id> seen;  // a listing of SKUs in two chunks is read twice
    auto read = [&](sql::Statement& q) {
        while (q.step()) {
            if (!seen.insert(q.column(0).int64()).second) continue;
            Qty quantity =
                sellable_quantity(q.column(3).int64(), q.column(4).int32(), q.column(5).int64());
            if (!q.column(6).is_null() && q.column(6).int64() == quantity) continue;
            changed.push_back({q.column(1).int64(), q.column(2).text(), quantity});
        }
        q.reset();
    };
    if (!skus) {
        sql::Statement q(connection(db), offer_query(""));
        read(q);
    } else {
        // The SKUs are parameters, up to 128 a statement, padded to a power of two with the last
        // one again: a few texts prepared once serve every posting.
        static const ChunkedQuery by_skus(
            offer_query("WHERE m.id IN (SELECT mapping_id FROM sku_mapping_item WHERE sku_id IN "
                        "({list})) "));
        const std::vector<Id> ids(skus->begin(), skus->end());
        for (std::size_t at = 0; at < ids.size();) {
            const std::size_t n = std::min<std::size_t>(ids.size() - at, 128);
            const std::size_t size = std::bit_ceil(n);
            sql::Statement& q = db.statement(by_skus.text(size));
            for (std::size_t k = 0; k < size; ++k)
                q.bind(static_cast<int>(k) + 1, static_cast<int64_t>(ids[at + std::min(k, n - 1)]));
            read(q);
            at += n;
        }
    }
    sql::Statement& remember = db.statement(
        "INSERT INTO stock_push_state(store_id, platform_sku, quantity) VALUES (?, ?, ?) "
        "ON CONFLICT(store_id, platform_sku) DO UPDATE SET quantity = excluded.quantity");
    OutboxRepository outbox(db);
    for (const Offer& o : changed) {
        remember.bind(1, static_cast<int64_t>(o.store_id));
        remember.bind(2, o.platform_sku);
        remember.bind(3, static_cast<int64_t>(o.quantity));
        remember.exec_deferred();
        remember.reset();
        outbox.queue_stock(o.store_id, o.platform_sku, o.quantity, now);
    }
    return static_cast<int>(changed.size());
}

}  // namespace dj
