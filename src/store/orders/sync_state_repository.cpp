#include "store/orders/sync_state_repository.h"

#include "store/base/database.h"
#include "store/base/sql.h"

namespace dj {

SyncState SyncStateRepository::get(Id store_id) {
    sql::Statement& s = db_.statement(
        "SELECT cursor_at, last_run_at, failing, last_error, last_raw_body FROM sync_state "
        "WHERE store_id = ?");
    s.bind(1, static_cast<int64_t>(store_id));
    SyncState state;
    state.store_id = store_id;
    if (s.step()) {
        if (!s.column(0).is_null()) state.cursor = s.column(0).int64();
        if (!s.column(1).is_null()) state.last_run_at = s.column(1).int64();
        state.failing = s.column(2).int32() != 0;
        state.last_error = s.column(3).text();
        state.last_raw_body = s.column(4).text();
    }
    s.reset();
    return state;
}

void SyncStateRepository::advance(Id store_id, Timestamp cursor, Timestamp now) {
    sql::Statement& s = db_.statement(
        "INSERT INTO sync_state(store_id, cursor_at, last_run_at, failing) VALUES (?, ?, ?, 0) "
        "ON CONFLICT(store_id) DO UPDATE SET cursor_at = max(ifnull(sync_state.cursor_at, 0), "
        "excluded.cursor_at), last_run_at = excluded.last_run_at, failing = 0, last_error = '', "
        "last_raw_body = ''");
    s.bind(1, static_cast<int64_t>(store_id));
    s.bind(2, static_cast<int64_t>(cursor));
    s.bind(3, static_cast<int64_t>(now));
    s.exec();
}

void SyncStateRepository::mark_failing(Id store_id, const std::string& error,
                                       const std::string& raw_body, Timestamp now) {
    sql::Statement& s = db_.statement(
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
