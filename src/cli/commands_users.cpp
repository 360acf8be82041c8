#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/role.h"
#include "core/base/text.h"
#include "core/base/translate.h"
#include "core/people/login_guard.h"
#include "ops/access.h"
#include "ops/users.h"
#include "os/computer_name.h"
#include "os/private_file.h"
#include "os/terminal_secret.h"
#include "os/utf8_path.h"

namespace dj::cli {
namespace {

std::string user_state(const User& u, Timestamp now) {
    if (u.disabled) return tr("disabled");
    if (u.locked_until > now) return tr("locked");
    return tr("active");
}

void add_user_group(CLI::App& app, Context& ctx) {
    auto* user = app.add_subcommand("user", tr("The shop's users: add, list, disable, passwords"));
    user->require_subcommand(1);

    struct AddArgs {
        ops::NewUser user;
        std::string warehouses;
    };
    auto add_args = std::make_shared<AddArgs>();
    auto* add = user->add_subcommand(
        "add", tr("Add a user; the shop's first user is its owner and needs no login"));
    add->add_option("NAME", add_args->user.name, tr("The user's name"))->required();
    add->add_option("--role", add_args->user.role,
                    tr("owner, manager, packer, accountant, or a role added with role add"))
        ->required();
    add->add_option("--warehouses", add_args->warehouses,
                    tr("Warehouse codes the user works in, separated by commas (default: all)"));
    add->callback([&ctx, add_args] {
        ops::NewUser request = add_args->user;
        request.warehouses = split_list(add_args->warehouses);
        Database& db = ctx.db();
        bool first = !ops::shop_has_users(db);
        Actor actor =
            first ? ops::actor_without_users(request.name, os::computer_name()) : ctx.actor();
        // Refused before a new password is asked for.
        if (!first) ops::require(actor, Permission::ManageUsers);
        request.password = ctx.password(trf("New password of {0}: ", request.name), true);
        User added = ops::add_user(db, actor, request);
        std::cout << trf("User {0} added as {1}", added.name, role_name(added.role)) << "\n";
        if (first)
            std::cout << trf("The shop now asks everyone to log in: dianjia-cli login {0}",
                             added.name)
                      << "\n";
    });

    user->add_subcommand("list", tr("List the users, their roles and warehouses"))
        ->callback([&ctx] {
            Listing list({{"name", tr("User")},
                          {"role", tr("Role")},
                          {"warehouses", tr("Warehouses")},
                          {"badge", tr("Badge")},
                          {"state", tr("State")},
                          {"created_at", tr("Created")}});
            Timestamp now = ctx.clock().now();
            for (const User& u : ops::list_users(ctx.db(), ctx.actor())) {
                std::string state = u.disabled             ? "disabled"
                                    : u.locked_until > now ? "locked"
                                                           : "active";
                list.add({Cell::str(u.name), Cell::code(u.role, role_name(u.role)),
                          u.warehouses.empty() ? Cell::none() : Cell::str(joined(u.warehouses)),
                          u.badge.empty() ? Cell::none() : Cell::str(u.badge),
                          Cell::code(state, user_state(u, now)), Cell::time(u.created_at)});
            }
            ctx.print(list);
        });

    auto disabled = std::make_shared<std::string>();
    auto* disable = user->add_subcommand(
        "disable", tr("Disable a user: no more logins; their sessions and tokens end"));
    disable->add_option("NAME", *disabled, tr("The user's name"))->required();
    disable->callback([&ctx, disabled] {
        ops::disable_user(ctx.db(), ctx.actor(), *disabled);
        std::cout << trf("User {0} is disabled", *disabled) << "\n";
    });

    auto renamed = std::make_shared<std::string>();
    auto* passwd = user->add_subcommand(
        "passwd", tr("Set a user's password (your own, or anyone's as the owner); clears a lock"));
    passwd->add_option("NAME", *renamed, tr("The user's name"))->required();
    passwd->callback([&ctx, renamed] {
        const Actor& actor = ctx.actor();
        if (*renamed != actor.user) ops::require(actor, Permission::ManageUsers);
        std::string password = ctx.password(trf("New password of {0}: ", *renamed), true);
        ops::set_password(ctx.db(), actor, *renamed, password);
        std::cout << trf("The password of {0} is changed", *renamed) << "\n";
    });

    struct BadgeArgs {
        std::string name;
        std::string badge;
    };
    auto badge_args = std::make_shared<BadgeArgs>();
    auto* badge = user->add_subcommand(
        "badge", tr("Give a user a badge barcode and a PIN, to switch user at a pack station"));
    badge->add_option("NAME", badge_args->name, tr("The user's name"))->required();
    badge->add_option("--badge", badge_args->badge, tr("The badge's barcode"))->required();
    badge->callback([&ctx, badge_args] {
        const Actor& actor = ctx.actor();
        const char* env = std::getenv("DIANJIA_PIN");
        std::optional<std::string> pin;
        if (env && *env)
            pin = env;
        else
            pin = os::ask_secret(trf("PIN of {0} (4 to 8 digits): ", badge_args->name));
        if (!pin) throw InvalidInput(tr("No PIN: type it when asked, or set DIANJIA_PIN"));
        ops::set_badge(ctx.db(), actor, badge_args->name, badge_args->badge, *pin);
        std::cout << trf("{0} can now switch to themselves at a pack station with badge {1}",
                         badge_args->name, badge_args->badge)
                  << "\n";
    });

    user->add_subcommand(
            "token", tr("A new API token for scripts (set DIANJIA_TOKEN to it); shown only once"))
        ->callback([&ctx] { std::cout << ops::issue_api_token(ctx.db(), ctx.actor()) << "\n"; });
}

void add_role_group(CLI::App& app, Context& ctx) {
    auto* role = app.add_subcommand("role", tr("The shop's own roles, as lists of permissions"));
    role->require_subcommand(1);
    struct RoleArgs {
        std::string name;
        std::string permissions;
    };
    auto args = std::make_shared<RoleArgs>();
    auto* add = role->add_subcommand("add", tr("Add or change a custom role"));
    add->add_option("NAME", args->name, tr("The role's name"))->required();
    add->add_option("--permissions", args->permissions,
                    tr("Permission codes separated by commas (see role permissions)"))
        ->required();
    add->callback([&ctx, args] {
        ops::save_custom_role(ctx.db(), ctx.actor(), args->name, args->permissions);
        std::cout << trf("Role {0} saved", args->name) << "\n";
    });
    role->add_subcommand("permissions", tr("List the permissions a role can be given"))
        ->callback([&ctx] {
            Listing list({{"code", tr("Permission")}, {"name", tr("What it allows")}});
            for (Permission p : all_permissions())
                list.add(
                    {Cell::str(std::string(permission_code(p))), Cell::str(permission_name(p))});
            ctx.print(list);
        });
}

void add_session_commands(CLI::App& app, Context& ctx) {
    auto name = std::make_shared<std::string>();
    auto* login = app.add_subcommand(
        "login", tr("Log in on this computer for 12 hours (the password is asked, or "
                    "DIANJIA_PASSWORD)"));
    login->add_option("NAME", *name, tr("The user's name"))->required();
    login->callback([&ctx, name] {
        Database& db = ctx.db();
        std::string typed = ctx.password(trf("Password of {0}: ", *name));
        Actor actor = ops::log_in(db, *name, typed, os::computer_name());
        std::string token = ops::open_session(db, actor);
        os::write_private_file(session_file(db.path()), token + "\n");
        std::cout << trf("Logged in as {0} ({1}) until {2}", actor.user, role_name(actor.role),
                         format_shop_time(ctx.clock().now() + login_guard::kSessionSeconds))
                  << "\n";
    });

    app.add_subcommand("logout", tr("End this computer's session"))->callback([&ctx] {
        Database& db = ctx.db();
        std::string file = session_file(db.path());
        std::ifstream in(os::utf8_path(file), std::ios::binary);
        std::string token;
        if (in && std::getline(in, token) && !token.empty()) ops::close_session(db, token);
        in.close();
        std::error_code ec;
        std::filesystem::remove(os::utf8_path(file), ec);
        std::cout << tr("Logged out") << "\n";
    });

    app.add_subcommand("whoami", tr("Who the commands run as"))->callback([&ctx] {
        const Actor& actor = ctx.actor();
        Listing list({{"user", tr("User")},
                      {"role", tr("Role")},
                      {"warehouses", tr("Warehouses")},
                      {"workstation", tr("Workstation")},
                      {"permissions", tr("Permissions")}});
        list.add({Cell::str(actor.user), Cell::code(actor.role, role_name(actor.role)),
                  actor.warehouses.empty() ? Cell::none() : Cell::str(joined(actor.warehouses)),
                  Cell::str(actor.workstation), Cell::str(permission_codes(actor.permissions))});
        ctx.print(list);
    });
}

}  // namespace

void add_user_commands(CLI::App& app, Context& ctx) {
    add_user_group(app, ctx);
    add_role_group(app, ctx);
    add_session_commands(app, ctx);
}

}  // namespace dj::cli
