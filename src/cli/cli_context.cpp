#include "cli/cli_context.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/translate.h"
#include "ops/order_queries.h"
#include "ops/ship_order.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "os/computer_name.h"
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

Actor Context::actor() const {
    std::string name = !user.empty()
                           ? user
                           : env_or("DIANJIA_USER", env_or("USER", env_or("USERNAME", "unknown")));
    return Actor{name, role, os::computer_name()};
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
                  Cell::yuan(m.unit_cost), Cell::yuan(m.value), Cell::str(m.doc)});
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
