#pragma once

#include <optional>
#include <string>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "sync/outbox_sender.h"

namespace dj {
class Database;
class HttpClient;
}  // namespace dj

namespace dj::ops {

struct OutboxSent {
    OutboxFlushReport sent;
    int pending = 0;              // still owed afterwards
    int failing = 0;              // of which the last attempt failed
    std::string last_error;       // the platform's last answer among those
    bool sent_elsewhere = false;  // another program on this shop was sending: nothing sent here
};

// Sends everything the outbox owes that is due at the database clock's now, batch after batch
// (a failed entry waits at least 30 s, so this ends), and says what is left. One program at a
// time sends (a lock file beside the database), so no entry is sent by two at once.
OutboxSent flush_outbox(Database& db, HttpClient& http);

// What is still owed to the platforms, without sending.
OutboxSent outbox_backlog(Database& db);

// Makes the failed entry `id` (or every failed one) due now, audited; the next flush sends it.
// Returns how many; InvalidInput when `id` names nothing that waits.
int retry_outbox(Database& db, const Actor& actor, std::optional<Id> id);

}  // namespace dj::ops
