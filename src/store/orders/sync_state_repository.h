#pragma once

#include <optional>
#include <string>

#include "core/base/types.h"

namespace dj {

class Database;

// Where a store's order sync stands: everything modified before the cursor is stored.
struct SyncState {
    Id store_id = 0;
    std::optional<Timestamp> cursor;
    std::optional<Timestamp> last_run_at;
    bool failing = false;
    std::string last_error;
    std::string last_raw_body;  // the answer that could not be read, for the log
};

// Writes run inside the caller's transaction: the cursor moves in the transaction that stores
// its window.
class SyncStateRepository {
  public:
    explicit SyncStateRepository(Database& db) : db_(db) {}
    SyncState get(Id store_id);
    void advance(Id store_id, Timestamp cursor, Timestamp now);
    void mark_failing(Id store_id, const std::string& error, const std::string& raw_body,
                      Timestamp now);

  private:
    Database& db_;
};

}  // namespace dj
