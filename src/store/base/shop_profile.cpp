#include "store/base/shop_profile.h"

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

std::optional<std::string> stored_shop_name(Database& db) {
    sql::Statement& s = db.statement("SELECT name FROM shop_profile WHERE id = 1");
    std::optional<std::string> name;
    if (s.step()) name = s.column(0).text();
    s.reset();
    return name;
}

void store_shop_name(Database& db, const std::string& name) {
    sql::Statement& s = db.statement(
        "INSERT INTO shop_profile(id, name) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET "
        "name = excluded.name");
    s.bind(1, name);
    s.exec();
}

}  // namespace dj
