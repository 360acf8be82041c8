#include "store/base/shop_profile.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/base/database.h"
#include "store/base/sql_binding.h"

namespace dj {

std::optional<std::string> stored_shop_name(Database& db) {
    SQLite::Statement& s = db.statement("SELECT name FROM shop_profile WHERE id = 1");
    std::optional<std::string> name;
    if (s.executeStep()) name = s.getColumn(0).getString();
    s.reset();
    return name;
}

void store_shop_name(Database& db, const std::string& name) {
    SQLite::Statement& s = db.statement(
        "INSERT INTO shop_profile(id, name) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET "
        "name = excluded.name");
    s.bind(1, name);
    s.exec();
}

}  // namespace dj
