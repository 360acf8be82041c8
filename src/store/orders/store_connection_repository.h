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
    // With its app secret and token opened (StorageError when this workstation lacks the shop's
    // key), or without them, for what only shows or counts connections.
    enum class Secrets { open, leave_out };
    std::optional<StoreConnection> find(Id store_id, Secrets secrets = Secrets::open);

  private:
    Database& db_;
};

}  // namespace dj
