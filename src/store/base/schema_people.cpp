#include "store/base/schema_people.h"

namespace dj {

// Version 17: people. Users with their role (a built-in one or a custom role's name), the
// warehouses they work in (codes, empty for all), the argon2id hashes of their password and
// pack-station PIN, and their failed attempts; custom roles as lists of permission codes; the
// CLI's sessions and API tokens (their SHA-256 only); when each user last typed the password
// again on each workstation (the second check). The shop's key for its secrets at rest: its id
// and check value, and a copy sealed by each owner's password (store/base/shop_key.h). The
// audit log becomes append-only.
const char* schema_v17_people() {
    return R"sql(
CREATE TABLE custom_role (
    name TEXT PRIMARY KEY,
    permissions TEXT NOT NULL
);
CREATE TABLE app_user (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    warehouses TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    badge TEXT UNIQUE,
    pin_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE TABLE user_token (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    kind TEXT NOT NULL CHECK (kind IN ('session', 'api')),
    workstation TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER
);
CREATE TABLE second_check (
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    workstation TEXT NOT NULL,
    checked_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, workstation)
);
CREATE TABLE shop_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    shop_id TEXT NOT NULL,
    check_value TEXT NOT NULL
);
CREATE TABLE shop_key_copy (
    user_id INTEGER PRIMARY KEY REFERENCES app_user(id),
    sealed TEXT NOT NULL
);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";
}

}  // namespace dj
