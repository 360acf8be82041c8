#include "store/base/shop_stats.h"

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

namespace {

const std::vector<std::pair<const char*, const char*>>& count_queries() {
    static const std::vector<std::pair<const char*, const char*>> queries{
        {"skus", "SELECT count(*) FROM sku"},
        {"suppliers", "SELECT count(*) FROM supplier"},
        {"stores", "SELECT count(*) FROM shop_store"},
        {"warehouses", "SELECT count(*) FROM warehouse"},
        {"locations", "SELECT count(*) FROM location"},
        {"batches", "SELECT count(*) FROM batch"},
        {"movements", "SELECT count(*) FROM movement"},
        {"orders", "SELECT count(*) FROM shop_order"},
        {"order_lines", "SELECT count(*) FROM order_line"},
        {"open_orders", "SELECT count(*) FROM shop_order WHERE status = 'to_ship'"},
        {"audit_entries", "SELECT count(*) FROM audit_log"},
    };
    return queries;
}

}  // namespace

std::vector<std::pair<std::string, long long>> shop_stats(Database& db) {
    std::vector<std::pair<std::string, long long>> out;
    for (const auto& [name, sql] : count_queries())
        out.emplace_back(name, connection(db).query_int64(sql));
    return out;
}

// Only the one count asked for: the demo asks twice and need not count the whole shop.
long long shop_stat(Database& db, const std::string& name) {
    for (const auto& [what, sql] : count_queries())
        if (what == name) return connection(db).query_int64(sql);
    return 0;
}

long long allocated_orders(Database& db) {
    return connection(db).query_int64(
        "SELECT count(*) FROM shop_order WHERE allocation = 'allocated'");
}

}  // namespace dj
