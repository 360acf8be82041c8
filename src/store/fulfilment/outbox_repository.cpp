#include "store/fulfilment/outbox_repository.h"

#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

namespace {

constexpr const char* kColumns =
    "o.id, o.store_id, s.code, o.kind, o.subject, o.carrier, o.tracking_no, o.quantity, "
    "o.created_at, o.attempts, o.next_attempt_at, o.last_error, o.acknowledged_at, "
    "o.in_doubt_since FROM outbox o JOIN shop_store s ON s.id = o.store_id ";

}  // namespace

void OutboxRepository::enqueue(const OutboxEntry& e) {
    sql::Statement& s = db_.statement(
        "INSERT INTO outbox(store_id, kind, subject, carrier, tracking_no, quantity, created_at, "
        "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(e.store_id));
    s.bind(2, std::string(outbox_kind_code(e.kind)));
    s.bind(3, e.subject);
    s.bind(4, e.carrier);
    s.bind(5, e.tracking_no);
    s.bind(6, static_cast<int64_t>(e.quantity));
    s.bind(7, static_cast<int64_t>(e.created_at));
    s.bind(8, static_cast<int64_t>(e.created_at));
    s.exec_deferred();
}

void OutboxRepository::queue_stock(Id store_id, const std::string& platform_sku, Qty quantity,
                                   Timestamp now) {
    sql::Statement& update = db_.statement(
        "UPDATE outbox SET quantity = ? WHERE store_id = ? AND kind = 'stock' AND subject = ? "
        "AND acknowledged_at IS NULL");
    update.bind(1, static_cast<int64_t>(quantity));
    update.bind(2, static_cast<int64_t>(store_id));
    update.bind(3, platform_sku);
    update.exec_deferred();
    // Neither statement's answer is needed (on a server both go with the next one that is): the
    // shop's write lock keeps another station from queueing the same push in between.
    sql::Statement& add = db_.statement(
        "INSERT INTO outbox(store_id, kind, subject, carrier, tracking_no, quantity, created_at, "
        "next_attempt_at) SELECT ?1, 'stock', ?2, '', '', ?3, ?4, ?4 WHERE NOT EXISTS (SELECT 1 "
        "FROM outbox WHERE store_id = ?1 AND kind = 'stock' AND subject = ?2 AND "
        "acknowledged_at IS NULL)");
    add.bind(1, static_cast<int64_t>(store_id));
    add.bind(2, platform_sku);
    add.bind(3, static_cast<int64_t>(quantity));
    add.bind(4, static_cast<int64_t>(now));
    add.exec_deferred();
}

std::vector<OutboxEntry> OutboxRepository::select(const char* sql, std::int64_t a, std::int64_t b) {
    sql::Statement s(connection(db_), std::string("SELECT ") + kColumns + sql);
    s.bind(1, static_cast<int64_t>(a));
    s.bind(2, static_cast<int64_t>(b));
    std::vector<OutboxEntry> out;
    while (s.step()) {
        OutboxEntry e;
        e.id = s.column(0).int64();
        e.store_id = s.column(1).int64();
        e.store_code = s.column(2).text();
        e.kind = parse_outbox_kind(s.column(3).text());
        e.subject = s.column(4).text();
        e.carrier = s.column(5).text();
        e.tracking_no = s.column(6).text();
        e.quantity = s.column(7).int64();
        e.created_at = s.column(8).int64();
        e.attempts = s.column(9).int32();
        e.next_attempt_at = s.column(10).int64();
        e.last_error = s.column(11).text();
        if (!s.column(12).is_null()) e.acknowledged_at = s.column(12).int64();
        if (!s.column(13).is_null()) e.in_doubt_since = s.column(13).int64();
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<OutboxEntry> OutboxRepository::due(Timestamp now, int limit) {
    return select(
        "WHERE o.acknowledged_at IS NULL AND o.next_attempt_at <= ? "
        "ORDER BY o.kind <> 'shipment', o.id LIMIT ?",
        now, limit);
}

std::vector<OutboxEntry> OutboxRepository::list(bool pending_only, int limit) {
    return select("WHERE (? = 0 OR o.acknowledged_at IS NULL) ORDER BY o.id DESC LIMIT ?",
                  pending_only ? 1 : 0, limit);
}

void OutboxRepository::acknowledge(const OutboxEntry& sent, Timestamp at) {
    sql::Statement& s = db_.statement(
        "UPDATE outbox SET acknowledged_at = ?, attempts = attempts + 1, last_error = '', "
        "in_doubt_since = NULL WHERE id = ? AND quantity = ?");
    s.bind(1, static_cast<int64_t>(at));
    s.bind(2, static_cast<int64_t>(sent.id));
    s.bind(3, static_cast<int64_t>(sent.quantity));
    s.exec();
}

void OutboxRepository::failed(Id id, const std::string& error, Timestamp next_attempt_at,
                              bool outcome_known) {
    sql::Statement& s = db_.statement(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, "
        "in_doubt_since = CASE WHEN ? <> 0 THEN NULL ELSE in_doubt_since END WHERE id = ?");
    s.bind(1, error);
    s.bind(2, static_cast<int64_t>(next_attempt_at));
    s.bind(3, outcome_known ? 1 : 0);
    s.bind(4, static_cast<int64_t>(id));
    s.exec();
}

void OutboxRepository::mark_in_doubt(Id id, Timestamp since) {
    sql::Statement& s = db_.statement(
        "UPDATE outbox SET in_doubt_since = ? WHERE id = ? AND in_doubt_since IS NULL");
    s.bind(1, static_cast<int64_t>(since));
    s.bind(2, static_cast<int64_t>(id));
    s.exec();
}

int OutboxRepository::retry_now(std::optional<Id> id, Timestamp now) {
    sql::Statement& s = db_.statement(
        "UPDATE outbox SET next_attempt_at = ?1 WHERE acknowledged_at IS NULL AND attempts > 0 "
        "AND next_attempt_at > ?1 AND (id = ?2 OR ?2 IS NULL)");
    s.bind(1, static_cast<int64_t>(now));
    if (id)
        s.bind(2, static_cast<int64_t>(*id));
    else
        s.bind(2);
    int n = s.exec();
    s.reset();
    return n;
}

OutboxRepository::Backlog OutboxRepository::backlog() {
    sql::Statement& s = db_.statement(
        "SELECT count(*), count(CASE WHEN attempts > 0 THEN 1 END), "
        "(SELECT last_error FROM outbox WHERE acknowledged_at IS NULL AND attempts > 0 "
        "ORDER BY id DESC LIMIT 1) FROM outbox WHERE acknowledged_at IS NULL");
    Backlog b;
    if (s.step()) {
        b.pending = s.column(0).int32();
        b.failing = s.column(1).int32();
        b.last_error = s.column(2).is_null() ? "" : s.column(2).text();
    }
    s.reset();
    return b;
}

std::optional<std::string> OutboxRepository::shipment_tracking(Id store_id,
                                                               const std::string& subject) {
    sql::Statement& s = db_.statement(
        "SELECT tracking_no FROM outbox WHERE store_id = ? AND kind = 'shipment' AND subject = ? "
        "ORDER BY id LIMIT 1");
    s.bind(1, static_cast<int64_t>(store_id));
    s.bind(2, subject);
    std::optional<std::string> tracking;
    if (s.step()) tracking = s.column(0).text();
    s.reset();
    return tracking;
}

}  // namespace dj
