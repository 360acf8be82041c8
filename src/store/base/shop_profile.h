#pragma once

#include <optional>
#include <string>

namespace dj {

class Database;

// The shop's own name as the owner gave it; none until then.
std::optional<std::string> stored_shop_name(Database& db);
void store_shop_name(Database& db, const std::string& name);

}  // namespace dj
