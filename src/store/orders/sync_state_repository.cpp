#include "store/orders/sync_state_repository.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "store/base/database.h"

namespace dj {

SyncState SyncStateRepository::get(Id store_id) {
    SQLite::Statement& s = db_.statement(
        "SELECT cursor_at, last_run_at, failing, last_error, last_raw_body FROM sync_state "
        "WHERE store_id = ?");
    s.bind(1, static_cast<int64_t>(store_id));
    SyncState state;
    state.store_id = store_id;
    if (s.executeStep()) {
        if (!s.getColumn(0).isNull()) state.cursor = s.getColumn(0).getInt64();
        if (!s.getColumn(1).isNull()) state.last_run_at = s.getColumn(1).getInt64();
        state.failing = s.getColumn(2).getInt() != 0;
        state.last_error = s.getColumn(3).getString();
        state.last_raw_body = s.getColumn(4).getString();
    }
    s.reset();
    return state;
}

void SyncStateRepository::advance(Id store_id, Timestamp cursor, Timestamp now) {
    SQLite::Statement& s = db_.statement(
        "INSERT INTO sync_state(store_id, cursor_at, last_run_at, failing) VALUES (?, ?, ?, 0) "
        "ON CONFLICT(store_id) DO UPDATE SET cursor_at = max(ifnull(cursor_at, 0), "
        "excluded.cursor_at), last_run_at = excluded.last_run_at, failing = 0, last_error = '', "
        "last_raw_body = ''");
    s.bind(1, static_cast<int64_t>(store_id));
    s.bind(2, static_cast<int64_t>(cursor));
    s.bind(3, static_cast<int64_t>(now));
    s.exec();
}

void SyncStateRepository::mark_failing(Id store_id, const std::string& error,
                                       const std::string& raw_body, Timestamp now) {
    SQLite::Statement& s = db_.statement(
        "INSERT INTO sync_state(store_id, last_run_at, failing, last_error, last_raw_body) "
        "VALUES (?, ?, 1, ?, ?) ON CONFLICT(store_id) DO UPDATE SET last_run_at = "
        "excluded.last_run_at, failing = 1, last_error = excluded.last_error, "
        "last_raw_body = excluded.last_raw_body");
    s.bind(1, static_cast<int64_t>(store_id));
    s.bind(2, static_cast<int64_t>(now));
    s.bind(3, error);
    s.bind(4, raw_body);
    s.exec();
}

}  // namespace dj
