#pragma once

#include "core/base/types.h"

namespace dj {

class Database;
class HttpClient;

struct OutboxFlushReport {
    int sent = 0;
    int failed = 0;
};

// Sends what the outbox owes the platforms. Each entry's outcome is committed on its own: an
// acknowledged entry is never sent again, a failed one waits (doubling) and is tried again —
// across restarts, since it is all in the database.
class OutboxSender {
  public:
    OutboxSender(Database& db, HttpClient& http) : db_(db), http_(http) {}
    OutboxFlushReport flush(Timestamp now, int limit = 1000);

  private:
    Database& db_;
    HttpClient& http_;
};

}  // namespace dj
