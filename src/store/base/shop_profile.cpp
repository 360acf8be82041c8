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

std::optional<std::int64_t> shop_setting(Database& db, const std::string& key) {
    sql::Statement& s = db.statement("SELECT value FROM shop_setting WHERE key = ?");
    s.bind(1, key);
    std::optional<std::int64_t> value;
    if (s.step()) value = s.column(0).int64();
    s.reset();
    return value;
}

void store_shop_setting(Database& db, const std::string& key, std::int64_t value) {
    sql::Statement& s = db.statement(
        "INSERT INTO shop_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
        "value = excluded.value");
    s.bind(1, key);
    s.bind(2, value);
    s.exec();
}

}  // namespace dj
