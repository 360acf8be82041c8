#include "store/people/user_repository.h"

#include "core/base/joined.h"
#include "core/base/text.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

constexpr const char* kUserColumns =
    "id, name, role, warehouses, badge, pin_hash, disabled, failures, locked_until, created_at, "
    "password_hash FROM app_user ";

StoredUser read_user(sql::Statement& s) {
    StoredUser u;
    u.user.id = s.column(0).int64();
    u.user.name = s.column(1).text();
    u.user.role = s.column(2).text();
    u.user.warehouses = split_list(s.column(3).text());
    u.user.badge = s.column(4).is_null() ? "" : s.column(4).text();
    u.pin_hash = s.column(5).is_null() ? "" : s.column(5).text();
    u.user.has_pin = !u.pin_hash.empty();
    u.user.disabled = s.column(6).int64() != 0;
    u.user.failures = s.column(7).int32();
    u.user.locked_until = s.column(8).int64();
    u.user.created_at = s.column(9).int64();
    u.password_hash = s.column(10).text();
    return u;
}

std::optional<StoredUser> one_user(sql::Statement& s) {
    std::optional<StoredUser> out;
    if (s.step()) out = read_user(s);
    s.reset();
    return out;
}

void bind_user(sql::Statement& s, const StoredUser& u) {
    s.bind(1, u.user.name);
    s.bind(2, u.user.role);
    s.bind(3, joined(u.user.warehouses, ","));
    if (u.user.badge.empty())
        s.bind(4);
    else
        s.bind(4, u.user.badge);
    if (u.pin_hash.empty())
        s.bind(5);
    else
        s.bind(5, u.pin_hash);
    s.bind(6, u.user.disabled ? 1 : 0);
    s.bind(7, u.password_hash);
}

}  // namespace

bool any_user(Database& db) {
    sql::Statement& s = db.statement("SELECT 1 FROM app_user LIMIT 1");
    bool any = s.step();
    s.reset();
    return any;
}

std::optional<StoredUser> find_user(Database& db, const std::string& name) {
    static const std::string sql = std::string("SELECT ") + kUserColumns + "WHERE name = ?";
    sql::Statement& s = db.statement(sql.c_str());
    s.bind(1, name);
    return one_user(s);
}

std::optional<StoredUser> find_user_by_id(Database& db, Id id) {
    static const std::string sql = std::string("SELECT ") + kUserColumns + "WHERE id = ?";
    sql::Statement& s = db.statement(sql.c_str());
    s.bind(1, id);
    return one_user(s);
}

std::optional<StoredUser> find_user_by_badge(Database& db, const std::string& badge) {
    static const std::string sql = std::string("SELECT ") + kUserColumns + "WHERE badge = ?";
    sql::Statement& s = db.statement(sql.c_str());
    s.bind(1, badge);
    return one_user(s);
}

std::vector<User> all_users(Database& db) {
    static const std::string sql = std::string("SELECT ") + kUserColumns + "ORDER BY name";
    sql::Statement& s = db.statement(sql.c_str());
    std::vector<User> out;
    while (s.step())
        out.push_back(read_user(s).user);
    return out;
}

int enabled_users_with_role(Database& db, const std::string& role) {
    sql::Statement& s =
        db.statement("SELECT COUNT(*) FROM app_user WHERE role = ? AND disabled = 0");
    s.bind(1, role);
    s.step();
    int n = s.column(0).int32();
    s.reset();
    return n;
}

Id insert_user(Database& db, const StoredUser& u) {
    sql::Statement& s = db.statement(
        "INSERT INTO app_user(name, role, warehouses, badge, pin_hash, disabled, password_hash, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    bind_user(s, u);
    s.bind(8, u.user.created_at);
    s.exec();
    return connection(db).last_insert_id();
}

void update_user(Database& db, const StoredUser& u) {
    sql::Statement& s = db.statement(
        "UPDATE app_user SET name = ?, role = ?, warehouses = ?, badge = ?, pin_hash = ?, "
        "disabled = ?, password_hash = ?, failures = ?, locked_until = ? WHERE id = ?");
    bind_user(s, u);
    s.bind(8, u.user.failures);
    s.bind(9, u.user.locked_until);
    s.bind(10, u.user.id);
    s.exec();
}

void store_attempt(Database& db, Id user_id, int failures, Timestamp locked_until) {
    sql::Statement& s =
        db.statement("UPDATE app_user SET failures = ?, locked_until = ? WHERE id = ?");
    s.bind(1, failures);
    s.bind(2, locked_until);
    s.bind(3, user_id);
    s.exec();
}

std::optional<Permissions> custom_role(Database& db, const std::string& name) {
    sql::Statement& s = db.statement("SELECT permissions FROM custom_role WHERE name = ?");
    s.bind(1, name);
    std::optional<Permissions> out;
    if (s.step()) out = parse_permissions(s.column(0).text());
    s.reset();
    return out;
}

std::vector<std::string> custom_role_names(Database& db) {
    sql::Statement& s = db.statement("SELECT name FROM custom_role ORDER BY name");
    std::vector<std::string> names;
    while (s.step())
        names.push_back(s.column(0).text());
    return names;
}

void store_custom_role(Database& db, const std::string& name, const Permissions& permissions) {
    sql::Statement& s = db.statement(
        "INSERT INTO custom_role(name, permissions) VALUES (?, ?) ON CONFLICT(name) DO UPDATE "
        "SET permissions = excluded.permissions");
    s.bind(1, name);
    s.bind(2, permission_codes(permissions));
    s.exec();
}

void insert_token(Database& db, const std::string& token_hash, Id user_id, const std::string& kind,
                  const std::string& workstation, Timestamp created_at,
                  std::optional<Timestamp> expires_at) {
    sql::Statement& s = db.statement(
        "INSERT INTO user_token(token_hash, user_id, kind, workstation, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, token_hash);
    s.bind(2, user_id);
    s.bind(3, kind);
    s.bind(4, workstation);
    s.bind(5, created_at);
    if (expires_at)
        s.bind(6, *expires_at);
    else
        s.bind(6);
    s.exec();
}

std::optional<StoredToken> find_token(Database& db, const std::string& token_hash) {
    sql::Statement& s =
        db.statement("SELECT user_id, kind, expires_at FROM user_token WHERE token_hash = ?");
    s.bind(1, token_hash);
    std::optional<StoredToken> out;
    if (s.step()) {
        out = StoredToken{s.column(0).int64(), s.column(1).text(), std::nullopt};
        if (!s.column(2).is_null()) out->expires_at = s.column(2).int64();
    }
    s.reset();
    return out;
}

void delete_token(Database& db, const std::string& token_hash) {
    sql::Statement& s = db.statement("DELETE FROM user_token WHERE token_hash = ?");
    s.bind(1, token_hash);
    s.exec();
}

void delete_user_tokens(Database& db, Id user_id) {
    sql::Statement& s = db.statement("DELETE FROM user_token WHERE user_id = ?");
    s.bind(1, user_id);
    s.exec();
}

void store_second_check(Database& db, Id user_id, const std::string& workstation, Timestamp at) {
    sql::Statement& s = db.statement(
        "INSERT INTO second_check(user_id, workstation, checked_at) VALUES (?, ?, ?) "
        "ON CONFLICT(user_id, workstation) DO UPDATE SET checked_at = excluded.checked_at");
    s.bind(1, user_id);
    s.bind(2, workstation);
    s.bind(3, at);
    s.exec();
}

Timestamp second_check_at(Database& db, Id user_id, const std::string& workstation) {
    sql::Statement& s =
        db.statement("SELECT checked_at FROM second_check WHERE user_id = ? AND workstation = ?");
    s.bind(1, user_id);
    s.bind(2, workstation);
    Timestamp at = s.step() ? s.column(0).int64() : 0;
    s.reset();
    return at;
}

}  // namespace dj
