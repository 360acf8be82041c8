#pragma once

#include <cstddef>
#include <string>

#include "core/base/actor.h"
#include "core/orders/store_connection.h"

namespace dj {
class Database;
class HttpClient;
}  // namespace dj

namespace dj::ops {

// A store's connection tried before orders depend on it: the platform is asked for something
// harmless (its list of carriers), signed with these credentials. Throws the platform's own
// words (PlatformError) when it refuses them or cannot be reached.
struct StoreCheck {
    std::size_t carriers = 0;  // as the platform listed them
};
StoreCheck check_store_connection(HttpClient& http, const StoreConnection& connection);
// The stored connection of a store (code or name); NotFound when it has none. Needs
// stores.manage.
StoreCheck check_store_connection(Database& db, HttpClient& http, const Actor& actor,
                                  const std::string& store);

}  // namespace dj::ops
