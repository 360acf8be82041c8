#pragma once

#include <optional>

#include "core/orders/store_connection.h"

namespace dj {

class Database;

// Each store's platform credentials and stock-offer settings. Writes run inside the caller's
// transaction.
class StoreConnectionRepository {
  public:
    explicit StoreConnectionRepository(Database& db) : db_(db) {}
    void save(const StoreConnection& connection);
    // With the store's code and platform filled in; none when the store was never connected.
    std::optional<StoreConnection> find(Id store_id);

  private:
    Database& db_;
};

}  // namespace dj
