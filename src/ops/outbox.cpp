#include "ops/outbox.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/access.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/fulfilment/outbox_repository.h"

namespace dj::ops {

OutboxSent outbox_backlog(Database& db) {
    OutboxRepository::Backlog b = OutboxRepository(db).backlog();
    OutboxSent out;
    out.pending = b.pending;
    out.failing = b.failing;
    out.last_error = b.last_error;
    return out;
}

OutboxSent flush_outbox(Database& db, HttpClient& http) {
    std::unique_ptr<ShopLock> sender = db.try_lock("outbox");
    if (!sender) {
        OutboxSent out = outbox_backlog(db);
        out.sent_elsewhere = true;
        return out;
    }
    OutboxFlushReport total;
    for (;;) {
        OutboxFlushReport batch = OutboxSender(db, http).flush(db.clock().now());
        if (batch.sent + batch.failed == 0) break;
        total.sent += batch.sent;
        total.failed += batch.failed;
    }
    OutboxSent out = outbox_backlog(db);
    out.sent = total;
    return out;
}

int retry_outbox(Database& db, const Actor& actor, std::optional<Id> id) {
    require(actor, Permission::SyncStores);
    WriteTransaction tx(db);
    int n = OutboxRepository(db).retry_now(id, db.clock().now());
    if (id && n == 0)
        throw InvalidInput(
            trf("Outbox entry {0} is not waiting for a retry (sent already, or "
                "not failed yet)",
                std::to_string(*id)));
    audit(db, actor, "outbox.retry", id ? std::to_string(*id) : "", std::to_string(n));
    tx.commit();
    return n;
}

}  // namespace dj::ops
