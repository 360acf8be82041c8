#include "ops/users.h"

#include "core/base/change_text.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/limits.h"
#include "core/base/translate.h"
#include "core/people/login_guard.h"
#include "ops/access.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/base/shop_key.h"
#include "store/base/shop_profile.h"
#include "store/people/password_hash.h"
#include "store/people/user_repository.h"
#include "store/stock/warehouse_repository.h"

namespace dj::ops {
namespace {

constexpr const char* kSession = "session";
constexpr const char* kApi = "api";

StoredUser require_user(Database& db, const std::string& name) {
    std::optional<StoredUser> user = find_user(db, name);
    if (!user) throw NotFound(trf("No user is called {0} (see dianjia-cli user list)", name));
    return *user;
}

Permissions permissions_of(Database& db, const std::string& role) {
    if (is_built_in_role(role)) return role_permissions(role);
    if (std::optional<Permissions> custom = custom_role(db, role)) return *custom;
    throw NotFound(
        trf("No role is called {0}: the roles are owner, manager, packer, "
            "accountant and those added with dianjia-cli role add",
            role));
}

Actor actor_of(Database& db, const User& user, const std::string& workstation) {
    Actor actor{user.name, user.role, workstation};
    actor.permissions = permissions_of(db, user.role);
    actor.warehouses = user.warehouses;
    return actor;
}

// Counts a wrong attempt (committed even though the caller then refuses) and says why.
[[noreturn]] void refuse_attempt(Database& db, const StoredUser& user,
                                 const std::string& workstation, const char* action) {
    Timestamp now = db.clock().now();
    int failures = user.user.failures + 1;
    Timestamp lock = login_guard::lock_seconds(failures);
    {
        WriteTransaction tx(db);
        store_attempt(db, user.user.id, failures, lock > 0 ? now + lock : 0);
        audit(db, Actor{user.user.name, user.user.role, workstation}, action, user.user.name,
              trf("wrong attempt {0} in a row", std::to_string(failures)));
        tx.commit();
    }
    if (lock > 0)
        throw NotLoggedIn(
            trf("Wrong password or PIN for {0}, {1} times in a row: the user is "
                "locked for {2} seconds.",
                user.user.name, std::to_string(failures), std::to_string(lock)));
    throw NotLoggedIn(
        trf("Wrong user name or password (attempt {0}; after {1} the user is "
            "locked for a while).",
            std::to_string(failures), std::to_string(login_guard::kFreeAttempts)));
}

void refuse_if_locked(Database& db, const StoredUser& user) {
    if (user.user.disabled)
        throw NotLoggedIn(trf("User {0} is disabled: ask the owner.", user.user.name));
    Timestamp now = db.clock().now();
    if (user.user.locked_until > now)
        throw NotLoggedIn(
            trf("User {0} is locked after {1} wrong attempts: try again in {2} "
                "seconds.",
                user.user.name, std::to_string(user.user.failures),
                std::to_string(user.user.locked_until - now)));
}

Actor accept_attempt(Database& db, const StoredUser& user, const std::string& workstation,
                     const char* how, std::string_view password) {
    Actor actor = actor_of(db, user.user, workstation);
    WriteTransaction tx(db);
    if (user.user.failures != 0) store_attempt(db, user.user.id, 0, 0);
    // The password was just typed: it counts as the second check too. A PIN does not.
    if (std::string_view(how) == "password") {
        store_second_check(db, user.user.id, workstation, db.clock().now());
        if (user.user.role == "owner") enrol_with_password(db, user.user.id, password);
    }
    audit(db, actor, "user.login", user.user.name, how);
    tx.commit();
    return actor;
}

void check_warehouses(Database& db, const std::vector<std::string>& codes) {
    WarehouseRepository warehouses(db);
    for (const std::string& code : codes)
        if (!warehouses.find_warehouse(code))
            throw NotFound(
                trf("No warehouse has the code {0} (see dianjia-cli warehouse list)", code));
}

}  // namespace

bool shop_has_users(Database& db) {
    return any_user(db);
}

Actor actor_without_users(const std::string& name, const std::string& workstation) {
    return Actor{name, "owner", workstation};
}

User add_user(Database& db, const Actor& actor, const NewUser& request) {
    login_guard::check_user_name(request.name);
    login_guard::check_password(request.password);
    StoredUser user;
    user.user.name = request.name;
    user.user.role = request.role;
    user.user.warehouses = request.warehouses;
    user.user.created_at = db.clock().now();
    user.password_hash = password_hash::hash(request.password);
    WriteTransaction tx(db);
    if (any_user(db)) {
        require(actor, Permission::ManageUsers);
        require_second_check(db, actor, trf("Adding user {0}", request.name));
    } else if (request.role != "owner") {
        throw InvalidInput(
            trf("The first user of a shop is its owner: add {0} with --role owner, then the "
                "others logged in as the owner",
                request.name));
    }
    permissions_of(db, request.role);
    check_warehouses(db, request.warehouses);
    if (find_user(db, request.name))
        throw InvalidInput(trf("A user is already called {0}", request.name));
    user.user.id = insert_user(db, user);
    if (request.role == "owner") enrol_with_password(db, user.user.id, request.password);
    audit(db, actor, "user.add", request.name,
          request.warehouses.empty()
              ? request.role
              : trf("{0}, warehouses {1}", request.role, joined(request.warehouses)));
    tx.commit();
    return user.user;
}

std::vector<User> list_users(Database& db, const Actor& actor) {
    require(actor, Permission::ManageUsers);
    return all_users(db);
}

std::vector<std::string> list_roles(Database& db, const Actor& actor) {
    require(actor, Permission::ManageUsers);
    std::vector<std::string> roles(std::begin(kBuiltInRoles), std::end(kBuiltInRoles));
    ReadTransaction tx(db);
    for (std::string& name : custom_role_names(db))
        roles.push_back(std::move(name));
    return roles;
}

void disable_user(Database& db, const Actor& actor, const std::string& name) {
    require(actor, Permission::ManageUsers);
    WriteTransaction tx(db);
    require_second_check(db, actor, trf("Disabling user {0}", name));
    StoredUser user = require_user(db, name);
    if (user.user.disabled) return;
    if (user.user.role == "owner" && enabled_users_with_role(db, "owner") <= 1)
        throw InvalidInput(
            trf("{0} is the shop's only owner: add another owner before disabling {0}", name));
    user.user.disabled = true;
    update_user(db, user);
    delete_user_tokens(db, user.user.id);
    audit(db, actor, "user.disable", name);
    tx.commit();
}

void set_password(Database& db, const Actor& actor, const std::string& name,
                  const std::string& password) {
    if (name != actor.user) require(actor, Permission::ManageUsers);
    login_guard::check_password(password);
    std::string hash = password_hash::hash(password);
    WriteTransaction tx(db);
    require_second_check(db, actor, trf("Changing the password of {0}", name));
    StoredUser user = require_user(db, name);
    user.password_hash = hash;
    user.user.failures = 0;
    user.user.locked_until = 0;
    update_user(db, user);
    if (user.user.role == "owner") enrol_with_password(db, user.user.id, password);
    audit(db, actor, "user.password", name);
    tx.commit();
}

void set_badge(Database& db, const Actor& actor, const std::string& name, const std::string& badge,
               const std::string& pin) {
    require(actor, Permission::ManageUsers);
    require_text(badge, kMaxCodeLength, tr("the badge"));
    if (badge.empty()) throw InvalidInput(tr("A badge needs its barcode"));
    login_guard::check_pin(pin);
    std::string hash = password_hash::hash(pin);
    WriteTransaction tx(db);
    require_second_check(db, actor, trf("Giving {0} a badge", name));
    StoredUser user = require_user(db, name);
    if (std::optional<StoredUser> holder = find_user_by_badge(db, badge);
        holder && holder->user.id != user.user.id)
        throw InvalidInput(trf("Badge {0} is already {1}'s", badge, holder->user.name));
    user.user.badge = badge;
    user.pin_hash = hash;
    update_user(db, user);
    audit(db, actor, "user.badge", name, badge);
    tx.commit();
}

bool shop_key_here(Database& db) {
    ReadTransaction tx(db);
    return dj::shop_key_here(db);
}

int reset_shop_key(Database& db, const Actor& actor) {
    require(actor, Permission::ManageUsers);
    WriteTransaction tx(db);
    require_second_check(db, actor, tr("Resetting the shop's key"));
    if (dj::shop_key_here(db))
        throw InvalidInput(
            tr("This workstation has the shop's key: its secrets open here, so "
               "there is nothing to reset"));
    int cleared = dj::reset_shop_key(db);
    audit(db, actor, "shop.reset_key", "", trf("{0} secrets cleared", std::to_string(cleared)));
    tx.commit();
    return cleared;
}

void set_count_check_percent(Database& db, const Actor& actor, int percent) {
    require(actor, Permission::ManageUsers);
    if (percent < 0 || percent > login_guard::kMaxCountCheckPercent)
        throw InvalidInput(
            trf("The share of a count that asks for a second check must be 0 to {0} %, got {1}",
                std::to_string(login_guard::kMaxCountCheckPercent), std::to_string(percent)));
    WriteTransaction tx(db);
    require_second_check(db, actor, tr("Changing when a stock count asks for a second check"));
    int old = count_check_percent(db);
    store_shop_setting(db, "count_check_percent", percent);
    audit(db, actor, "shop.count_check", "",
          change_text(std::to_string(old) + " %", std::to_string(percent) + " %"));
    tx.commit();
}

void save_custom_role(Database& db, const Actor& actor, const std::string& name,
                      const std::string& codes) {
    require(actor, Permission::ManageUsers);
    login_guard::check_user_name(name);
    if (is_built_in_role(name) || name == "system")
        throw InvalidInput(trf("{0} is a built-in role: give the custom role another name", name));
    Permissions permissions = parse_permissions(codes);
    WriteTransaction tx(db);
    require_second_check(db, actor, trf("Changing role {0}", name));
    std::optional<Permissions> old = custom_role(db, name);
    store_custom_role(db, name, permissions);
    audit(db, actor, "role.save", name,
          change_text(old ? permission_codes(*old) : "", permission_codes(permissions)));
    tx.commit();
}

Actor log_in(Database& db, const std::string& name, const std::string& password,
             const std::string& workstation) {
    std::optional<StoredUser> user = find_user(db, name);
    if (!user) {
        password_hash::hash(password);  // as slow as a known name: the time tells nothing
        throw NotLoggedIn(tr("Wrong user name or password"));
    }
    refuse_if_locked(db, *user);
    if (!password_hash::matches(user->password_hash, password))
        refuse_attempt(db, *user, workstation, "user.login_failed");
    return accept_attempt(db, *user, workstation, "password", password);
}

Actor log_in_with_badge(Database& db, const std::string& badge, const std::string& pin,
                        const std::string& workstation) {
    std::optional<StoredUser> user = find_user_by_badge(db, badge);
    if (!user || user->pin_hash.empty())
        throw NotLoggedIn(trf("Badge {0} belongs to nobody: ask the owner", badge));
    refuse_if_locked(db, *user);
    if (!password_hash::matches(user->pin_hash, pin))
        refuse_attempt(db, *user, workstation, "user.login_failed");
    return accept_attempt(db, *user, workstation, "badge", {});
}

std::string open_session(Database& db, const Actor& actor) {
    StoredUser user = require_user(db, actor.user);
    std::string token = password_hash::new_token();
    Timestamp now = db.clock().now();
    WriteTransaction tx(db);
    insert_token(db, password_hash::token_hash(token), user.user.id, kSession, actor.workstation,
                 now, now + login_guard::kSessionSeconds);
    tx.commit();
    return token;
}

std::string issue_api_token(Database& db, const Actor& actor) {
    std::string token = password_hash::new_token();
    WriteTransaction tx(db);
    require_second_check(db, actor, tr("A new API token"));
    StoredUser user = require_user(db, actor.user);
    insert_token(db, password_hash::token_hash(token), user.user.id, kApi, actor.workstation,
                 db.clock().now(), std::nullopt);
    audit(db, actor, "user.api_token", actor.user);
    tx.commit();
    return token;
}

Actor token_actor(Database& db, const std::string& token, const std::string& workstation) {
    std::optional<StoredToken> stored = find_token(db, password_hash::token_hash(token));
    if (!stored || (stored->expires_at && *stored->expires_at <= db.clock().now()))
        throw NotLoggedIn(tr("The session has ended: log in again (dianjia-cli login NAME)"));
    std::optional<StoredUser> user = find_user_by_id(db, stored->user_id);
    if (!user || user->user.disabled)
        throw NotLoggedIn(tr("The session's user is disabled: ask the owner."));
    return actor_of(db, user->user, workstation);
}

void close_session(Database& db, const std::string& token) {
    WriteTransaction tx(db);
    delete_token(db, password_hash::token_hash(token));
    tx.commit();
}

void confirm_password(Database& db, const Actor& actor, const std::string& password) {
    StoredUser user = require_user(db, actor.user);
    refuse_if_locked(db, user);
    if (!password_hash::matches(user.password_hash, password))
        refuse_attempt(db, user, actor.workstation, "user.second_check_failed");
    WriteTransaction tx(db);
    store_attempt(db, user.user.id, 0, 0);
    store_second_check(db, user.user.id, actor.workstation, db.clock().now());
    if (user.user.role == "owner") enrol_with_password(db, user.user.id, password);
    audit(db, actor, "user.second_check", actor.user);
    tx.commit();
}

}  // namespace dj::ops
