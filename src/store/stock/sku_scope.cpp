#include "store/stock/sku_scope.h"

#include <unordered_set>

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

void for_each_sku(Database& db, const std::vector<Id>& sku_ids, std::string sql,
                  const char* sku_column, const std::function<void(sql::Statement&)>& bind,
                  const std::function<void(sql::Statement&)>& row) {
    // Past this many, walking the whole table once costs less than one indexed run per SKU.
    constexpr std::size_t kPerSkuLimit = 64;
    bool per_sku = !sku_ids.empty() && sku_ids.size() <= kPerSkuLimit;
    std::size_t at = sql.find("{sku}");
    sql.replace(at, 5, per_sku ? std::string(" AND ") + sku_column + " = :sku" : std::string());
    sql::Statement s(connection(db), sql);
    auto run = [&] {
        bind(s);
        while (s.step())
            row(s);
        s.reset();
    };
    if (sku_ids.empty()) {
        run();
        return;
    }
    if (!per_sku) {
        std::unordered_set<Id> wanted(sku_ids.begin(), sku_ids.end());
        bind(s);
        while (s.step())
            if (wanted.count(s.column(0).int64())) row(s);
        s.reset();
        return;
    }
    for (Id sku : sku_ids) {
        s.bind(":sku", static_cast<int64_t>(sku));
        run();
    }
}

}  // namespace dj
