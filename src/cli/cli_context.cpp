#include "cli/cli_context.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/translate.h"
#include "ops/cost_visibility.h"
#include "ops/order_queries.h"
#include "ops/ship_order.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "ops/users.h"
#include "os/computer_name.h"
#include "os/data_folder.h"
#include "os/program_clock.h"
#include "os/terminal_secret.h"
#include "os/utf8_path.h"
#include "store/base/data_dir.h"

namespace dj::cli {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : fallback;
}

}  // namespace

std::unique_ptr<Database> open_database(const std::string& path, const Clock& clock,
                                        Database::Mode mode, int busy_timeout_ms) {
    try {
        return std::make_unique<Database>(path, clock, mode, busy_timeout_ms);
    } catch (const ServerPasswordNeeded& e) {
        std::optional<std::string> typed = os::ask_secret(trf("{0}\nPassword: ", e.what()));
        if (!typed) throw;
        Database::use_server_password(path, *typed);
        return std::make_unique<Database>(path, clock, mode, busy_timeout_ms);
    }
}

Database& Context::db(bool create) {
    if (!db_) {
        if (db_path.empty()) db_path = default_database_path();
        // Scripts that would rather fail fast than wait for another program's change.
        int busy_ms = Database::kBusyTimeoutMs;
        if (std::string v = env_or("DIANJIA_BUSY_TIMEOUT_MS", ""); !v.empty()) {
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), busy_ms);
            if (ec != std::errc() || end != v.data() + v.size() || busy_ms < 0 || busy_ms > 600000)
                throw InvalidInput(
                    trf("DIANJIA_BUSY_TIMEOUT_MS must be milliseconds from 0 to "
                        "600000, got \"{0}\"",
                        v));
        }
        db_ = open_database(db_path, clock(),
                            create ? Database::Mode::create : Database::Mode::existing, busy_ms);
    }
    return *db_;
}

const Clock& Context::clock() {
    if (!clock_) clock_ = os::program_clock(os::ProgramKind::command);
    return *clock_;
}

const Actor& Context::actor_in(Database& shop) {
    if (actor_) return *actor_;
    std::string workstation = os::computer_name();
    if (!ops::shop_has_users(shop)) {
        std::string name =
            !user.empty() ? user
                          : env_or("DIANJIA_USER", env_or("USER", env_or("USERNAME", "unknown")));
        return actor_.emplace(ops::actor_without_users(name, workstation));
    }
    if (!user.empty()) {
        std::string typed = password(trf("Password of {0}: ", user));
        if (std::getenv("DIANJIA_PASSWORD")) env_password_used_ = true;
        return actor_.emplace(ops::log_in(shop, user, typed, workstation));
    }
    if (std::string token = env_or("DIANJIA_TOKEN", ""); !token.empty())
        return actor_.emplace(ops::token_actor(shop, token, workstation));
    std::ifstream in(os::utf8_path(session_file(shop.path())), std::ios::binary);
    std::string token;
    if (in && std::getline(in, token) && !token.empty())
        return actor_.emplace(ops::token_actor(shop, token, workstation));
    throw NotLoggedIn(
        tr("This shop has users: log in first (dianjia-cli login NAME), or log in for one "
           "command with --user NAME"));
}

std::string Context::password(const std::string& what, bool new_one) {
    const char* env = std::getenv(new_one ? "DIANJIA_NEW_PASSWORD" : "DIANJIA_PASSWORD");
    if (!env && new_one && !env_password_used_) env = std::getenv("DIANJIA_PASSWORD");
    if (env && *env) return env;
    if (std::optional<std::string> typed = os::ask_secret(what)) {
        if (!new_one) return *typed;
        std::optional<std::string> again = os::ask_secret(tr("The same again: "));
        if (again && *again == *typed) return *typed;
        throw InvalidInput(tr("The two passwords differ: nothing was changed"));
    }
    throw InvalidInput(
        new_one ? tr("No new password: type it when asked (on a terminal), or set "
                     "DIANJIA_NEW_PASSWORD (or DIANJIA_PASSWORD) for a script")
                : tr("No password: type it when asked (on a terminal), or set DIANJIA_PASSWORD "
                     "for a script"));
}

bool Context::confirm_identity() {
    const Actor& who = actor();
    const char* env = std::getenv("DIANJIA_PASSWORD");
    std::string typed;
    if (env && *env) {
        typed = env;
    } else if (std::optional<std::string> asked =
                   os::ask_secret(trf("Password of {0} again: ", who.user))) {
        typed = *asked;
    } else {
        return false;
    }
    ops::confirm_password(db(), who, typed);
    return true;
}

std::string session_file(const std::string& db_location) {
    // FNV-1a of the location: one file per shop, named without the shop's address in it.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : db_location)
        h = (h ^ c) * 1099511628211ULL;
    char name[32];
    std::snprintf(name, sizeof name, "session-%016llx", static_cast<unsigned long long>(h));
    std::string folder = os::user_data_folder();
    if (folder.empty())
        throw InvalidInput(tr("No folder for this OS user's data (set HOME or XDG_DATA_HOME)"));
    return folder + "/sessions/" + name;
}

Cell Context::cost(Fen fen) {
    return ops::sees_costs(actor()) ? Cell::yuan(fen) : Cell::masked();
}

void Context::print(const Listing& listing) const {
    listing.print(std::cout, json, utc);
}

void Context::print_movements(const std::vector<Movement>& movements) {
    Listing list({{"id", tr("Movement")},
                  {"kind", tr("Kind")},
                  {"sku", tr("SKU")},
                  {"warehouse", tr("Warehouse")},
                  {"location", tr("Location")},
                  {"batch", tr("Batch")},
                  {"qty", tr("Qty")},
                  {"unit_cost", tr("Unit cost")},
                  {"value", tr("Value")},
                  {"doc", tr("Document")}});
    std::vector<ops::MovementNames> names = ops::movement_names(db(), movements);
    auto or_none = [](const std::string& s) { return s.empty() ? Cell::none() : Cell::str(s); };
    for (std::size_t i = 0; i < movements.size(); ++i) {
        const Movement& m = movements[i];
        list.add({Cell::num(m.id),
                  Cell::code(movement_kind_code(m.kind), movement_kind_name(m.kind)),
                  Cell::str(names[i].sku), Cell::str(names[i].warehouse),
                  or_none(names[i].location), or_none(names[i].batch), Cell::num(m.qty),
                  cost(m.unit_cost), cost(m.value), Cell::str(m.doc)});
    }
    print(list);
}

std::string read_file(const std::string& path) {
    std::ifstream in(os::utf8_path(path), std::ios::binary);
    if (!in)
        throw InvalidInput(trf("Cannot read the file {0}: check the name and permissions", path));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void add_ship_options(CLI::App* command, ops::ShipOrder& r) {
    command->add_option("--carrier", r.carrier,
                        tr("Carrier code or name (SF, ZTO, YTO, STO, YD, JTSD, EMS, YZPY, JD, "
                           "DBL); default: the parcel's waybill"));
    command->add_option("--tracking", r.tracking,
                        tr("Tracking number; default: the one on the parcel's label"));
    command->add_flag("--relabel", r.relabel,
                      tr("The parcel carries a new label: replace the label's number with "
                         "--carrier/--tracking"));
}

void say_shipped(const ops::Shipped& s) {
    std::cout << trf("Order {0} shipped with {1} {2}; {3} confirmation(s) queued for the "
                     "platform (outbox flush sends them)",
                     joined(s.orders), s.carrier, s.tracking, std::to_string(s.confirmations))
              << "\n";
}

HttpClient make_http() {
    RequestLog log;
    if (std::getenv("DIANJIA_HTTP_LOG"))
        log = [](const std::string& line) { std::cerr << line << "\n"; };
    return HttpClient(HttpOptions{}, log);
}

Id order_by_id(Database& db, const std::string& order) {
    if (auto id = ops::find_order_for_packing(db, order)) return *id;
    throw NotFound(trf("No order {0}: give the platform order id or #local number", order));
}

}  // namespace dj::cli
