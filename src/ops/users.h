#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/people/user.h"

namespace dj {
class Database;
}

// People: users and their roles, logging in (password, or badge and PIN at a pack station),
// the CLI's sessions, scripts' API tokens, and the second check. Passwords and PINs are kept as
// argon2id hashes; sessions and tokens as SHA-256; each change is audited, never with a secret.
namespace dj::ops {

struct NewUser {
    std::string name;
    std::string role;  // owner, manager, packer, accountant or a custom role
    std::vector<std::string> warehouses;
    std::string password;
};

// Whether the shop has users yet. Until it has, anyone who opens it acts as its owner.
bool shop_has_users(Database& db);
// The actor of a shop without users: the owner, under the name of the person at the computer.
Actor actor_without_users(const std::string& name, const std::string& workstation);

// The first user of a shop must be an owner and needs no permission; every later one needs
// users.manage and a second check. Warehouses are checked to exist; a custom role too.
User add_user(Database& db, const Actor& actor, const NewUser& user);
// Needs users.manage.
std::vector<User> list_users(Database& db, const Actor& actor);
// The roles a user can be given: the built-in ones, then the shop's own. Needs users.manage.
std::vector<std::string> list_roles(Database& db, const Actor& actor);
// Needs users.manage and a second check; the last enabled owner cannot be disabled. Ends the
// user's sessions and tokens.
void disable_user(Database& db, const Actor& actor, const std::string& name);
// Anyone may change their own password after a second check; another's needs users.manage
// too. Clears a lock.
void set_password(Database& db, const Actor& actor, const std::string& name,
                  const std::string& password);
// The barcode of the user's badge and the PIN typed with it at a shared pack station. Needs
// users.manage and a second check.
void set_badge(Database& db, const Actor& actor, const std::string& name, const std::string& badge,
               const std::string& pin);
// A role of the shop's own, as a list of permission codes ("stock.move,stock.count"). Needs
// users.manage and a second check.
void save_custom_role(Database& db, const Actor& actor, const std::string& name,
                      const std::string& permission_codes);

// The user, as the actor of what they do next. NotLoggedIn for a wrong name or password, a
// disabled user, or one locked after too many wrong attempts (each counted and audited). The
// password just typed counts as the second check for the next 5 minutes.
Actor log_in(Database& db, const std::string& name, const std::string& password,
             const std::string& workstation);
// The same with a badge's barcode and its PIN.
Actor log_in_with_badge(Database& db, const std::string& badge, const std::string& pin,
                        const std::string& workstation);
// A session of the logged-in actor for 12 hours (the CLI keeps its token in a file only the OS
// user reads); returns the token, which the shop keeps only hashed.
std::string open_session(Database& db, const Actor& actor);
// A token for scripts, shown once, good until revoked by disabling the user. Needs a second
// check.
std::string issue_api_token(Database& db, const Actor& actor);
// The actor of a session or API token; NotLoggedIn when it is unknown, expired or its user
// disabled.
Actor token_actor(Database& db, const std::string& token, const std::string& workstation);
void close_session(Database& db, const std::string& token);
// Sets the share of on hand (0–1000 %) a stock count may change before it asks for a second check.
// Needs users.manage and a second check: it loosens or tightens a guard.
void set_count_check_percent(Database& db, const Actor& actor, int percent);
// Whether this workstation holds the key to the shop's secrets (store/base/shop_key.h).
bool shop_key_here(Database& db);
// Forgets a shop key that cannot be brought to this workstation and clears the sealed secrets, to
// be entered again; returns how many. Needs users.manage and a second check; InvalidInput when the
// key is here (nothing would be gained and every secret lost).
int reset_shop_key(Database& db, const Actor& actor);
// The second check: the actor's password typed again, good for 5 minutes on this workstation.
// A wrong one counts as a failed attempt.
void confirm_password(Database& db, const Actor& actor, const std::string& password);

}  // namespace dj::ops
