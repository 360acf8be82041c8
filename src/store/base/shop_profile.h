#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dj {

class Database;

// The shop's own name as the owner gave it; none until then.
std::optional<std::string> stored_shop_name(Database& db);
void store_shop_name(Database& db, const std::string& name);

// The shop's numeric settings by key ("min_ship_days", "count_check_percent"); none when never
// set.
std::optional<std::int64_t> shop_setting(Database& db, const std::string& key);
void store_shop_setting(Database& db, const std::string& key, std::int64_t value);

}  // namespace dj
