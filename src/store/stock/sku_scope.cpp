#include "store/stock/sku_scope.h"

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

SkuScan::SkuScan(Database& db, const std::vector<Id>& sku_ids, std::string sql,
                 const char* sku_column, const std::function<void(sql::Statement&)>& bind) {
    // Past this many, walking the whole table once costs less than one indexed run per SKU.
    constexpr std::size_t kPerSkuLimit = 64;
    const bool per_sku = !sku_ids.empty() && sku_ids.size() <= kPerSkuLimit;
    std::size_t at = sql.find("{sku}");
    sql.replace(at, 5, per_sku ? std::string(" AND ") + sku_column + " = :sku" : std::string());
    if (!sku_ids.empty() && !per_sku) wanted_.emplace(sku_ids.begin(), sku_ids.end());
    const std::size_t runs = per_sku ? sku_ids.size() : 1;
    for (std::size_t n = 0; n < runs; ++n) {
        auto& s = runs_.emplace_back(std::make_unique<sql::Statement>(connection(db), sql));
        bind(*s);
        if (per_sku) s->bind(":sku", static_cast<int64_t>(sku_ids[n]));
        s->prefetch();
    }
}

void SkuScan::rows(const std::function<void(sql::Statement&)>& row) {
    for (auto& s : runs_) {
        while (s->step())
            if (!wanted_ || wanted_->count(s->column(0).int64())) row(*s);
        s->reset();
    }
}

void for_each_sku(Database& db, const std::vector<Id>& sku_ids, std::string sql,
                  const char* sku_column, const std::function<void(sql::Statement&)>& bind,
                  const std::function<void(sql::Statement&)>& row) {
    SkuScan(db, sku_ids, std::move(sql), sku_column, bind).rows(row);
}

}  // namespace dj
