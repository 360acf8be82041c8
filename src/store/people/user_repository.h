#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/permission.h"
#include "core/people/user.h"

namespace dj {

class Database;

// The shop's users, custom roles, tokens and second checks (schema 17). Plain reads and writes
// inside the caller's transaction; the decisions are in ops/users.cpp.
struct StoredUser {
    User user;
    std::string password_hash;
    std::string pin_hash;  // empty for none
};

bool any_user(Database& db);
std::optional<StoredUser> find_user(Database& db, const std::string& name);
std::optional<StoredUser> find_user_by_id(Database& db, Id id);
std::optional<StoredUser> find_user_by_badge(Database& db, const std::string& badge);
std::vector<User> all_users(Database& db);
// How many enabled users have this role.
int enabled_users_with_role(Database& db, const std::string& role);
Id insert_user(Database& db, const StoredUser& user);
void update_user(Database& db, const StoredUser& user);
// Counts the attempt: failures and lock as given (0, 0 after a good one).
void store_attempt(Database& db, Id user_id, int failures, Timestamp locked_until);

std::optional<Permissions> custom_role(Database& db, const std::string& name);
std::vector<std::string> custom_role_names(Database& db);  // by name
void store_custom_role(Database& db, const std::string& name, const Permissions& permissions);

struct StoredToken {
    Id user_id = 0;
    std::string kind;  // session, api
    std::optional<Timestamp> expires_at;
};
void insert_token(Database& db, const std::string& token_hash, Id user_id, const std::string& kind,
                  const std::string& workstation, Timestamp created_at,
                  std::optional<Timestamp> expires_at);
std::optional<StoredToken> find_token(Database& db, const std::string& token_hash);
void delete_token(Database& db, const std::string& token_hash);
// A disabled user's sessions and tokens end.
void delete_user_tokens(Database& db, Id user_id);

void store_second_check(Database& db, Id user_id, const std::string& workstation, Timestamp at);
Timestamp second_check_at(Database& db, Id user_id, const std::string& workstation);

}  // namespace dj
