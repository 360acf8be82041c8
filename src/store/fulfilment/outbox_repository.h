#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/fulfilment/outbox.h"

namespace dj {

class Database;

// The outbox table. Writes run inside the caller's transaction, so an entry exists exactly
// when the local change that owes it was committed.
class OutboxRepository {
  public:
    explicit OutboxRepository(Database& db) : db_(db) {}
    void enqueue(const OutboxEntry& entry);
    // A store's new sellable quantity for a platform SKU: replaces the figure of an entry not
    // yet sent (the platform only needs the latest), else queues one.
    void queue_stock(Id store_id, const std::string& platform_sku, Qty quantity, Timestamp now);
    // Not yet acknowledged and due at `now`: shipment confirmations first (late ones cost the
    // shop), then oldest first.
    std::vector<OutboxEntry> due(Timestamp now, int limit);
    // Newest first; `pending_only` leaves out what was acknowledged.
    std::vector<OutboxEntry> list(bool pending_only, int limit);
    // The platform took `sent`. A stock figure replaced while it was on its way stays pending.
    void acknowledge(const OutboxEntry& sent, Timestamp at);
    // `outcome_known`: the platform clearly refused, so the entry is no longer in doubt; a
    // lost answer leaves it in doubt.
    void failed(Id id, const std::string& error, Timestamp next_attempt_at, bool outcome_known);
    // Committed before a shipment confirmation leaves (OutboxEntry::in_doubt_since).
    void mark_in_doubt(Id id, Timestamp since);
    // Pending entries that failed at least once (`id`, or all of them) become due at `now`;
    // returns how many.
    int retry_now(std::optional<Id> id, Timestamp now);
    struct Backlog {
        int pending = 0;  // not acknowledged yet
        int failing = 0;  // of which the last attempt failed
        std::string last_error;
    };
    Backlog backlog();
    // The tracking number a shipment confirmation for `subject` (a platform order id) was first
    // queued with, if any.
    std::optional<std::string> shipment_tracking(Id store_id, const std::string& subject);

  private:
    std::vector<OutboxEntry> select(const char* sql, std::int64_t a, std::int64_t b);
    Database& db_;
};

}  // namespace dj
