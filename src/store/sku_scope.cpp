#include "store/sku_scope.h"

#include "store/database.h"

namespace dj {

void for_each_sku(Database& db, const std::vector<Id>& sku_ids, std::string sql,
                  const char* sku_column, const std::function<void(SQLite::Statement&)>& bind,
                  const std::function<void(SQLite::Statement&)>& row) {
    std::size_t at = sql.find("{sku}");
    sql.replace(at, 5,
                sku_ids.empty() ? std::string() : std::string(" AND ") + sku_column + " = :sku");
    SQLite::Statement s(db.sql(), sql);
    auto run = [&] {
        bind(s);
        while (s.executeStep())
            row(s);
        s.reset();
    };
    if (sku_ids.empty()) {
        run();
        return;
    }
    for (Id sku : sku_ids) {
        s.bind(":sku", static_cast<int64_t>(sku));
        run();
    }
}

}  // namespace dj
