#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.h"
#include "core/base/actor.h"
#include "core/stock/movement.h"
#include "http_client.h"
#include "store/base/database.h"

namespace dj {
struct NotifyFlushReport;
namespace ops {
struct ShipOrder;
struct Shipped;
}  // namespace ops
}  // namespace dj

namespace dj::cli {

// What every command shares: the global options and the open database.
struct Context {
    std::string db_path;
    bool json = false;
    bool utc = false;  // tables show times in UTC instead of Beijing time
    std::string user;  // --user: log in for this command
    int exit_code = 0;

    // Opens the database (an existing one unless `create`), once.
    Database& db(bool create = false);
    // The command's clock: DIANJIA_NOW when set (InvalidInput when it is not a time), else the
    // computer's. One instant for the whole command.
    const Clock& clock();
    // Who runs the command. On a shop without users: its owner, named by --user, $DIANJIA_USER
    // or the OS user. On a shop with users: the --user logged in for this command (password
    // from $DIANJIA_PASSWORD or the terminal), else the API token in $DIANJIA_TOKEN, else this
    // OS user's session (login); NotLoggedIn saying how to log in otherwise.
    const Actor& actor() { return actor_in(db()); }
    // The same in another shop than --db names (migrate's source).
    const Actor& actor_in(Database& shop);
    // A password the person gives for `what`: $DIANJIA_PASSWORD unless it was used to log in
    // this command, else asked on the terminal; InvalidInput saying how to give it when neither.
    std::string password(const std::string& what, bool new_one = false);
    // The second check after SecondCheckNeeded: the actor's password again. False when none can
    // be had here (no terminal, no $DIANJIA_PASSWORD).
    bool confirm_identity();
    void print(const Listing& listing) const;
    // A cost, value or supplier price: masked for those who may not see costs.
    Cell cost(Fen fen);
    // Shows the movements one command posted.
    void print_movements(const std::vector<Movement>& movements);

  private:
    std::optional<Actor> actor_;
    bool env_password_used_ = false;
    std::unique_ptr<Clock> clock_;
    std::unique_ptr<Database> db_;
};

// Opens a shop; a server that wants a password it lacks (none typed, none in the keyring or the
// PostgreSQL password file) has it asked for on the terminal, when there is one.
std::unique_ptr<Database> open_database(const std::string& path, const Clock& clock,
                                        Database::Mode mode,
                                        int busy_timeout_ms = Database::kBusyTimeoutMs);

std::string read_file(const std::string& path);
// The HTTP client for platform calls; requests go to stderr only with DIANJIA_HTTP_LOG set (the
// log never holds secrets).
HttpClient make_http();
// --carrier, --tracking and --relabel of the commands that ship an order.
void add_ship_options(CLI::App* command, ops::ShipOrder& request);
// "Order 123 shipped with ZTO 7531…; 1 confirmation queued (outbox flush sends it)".
void say_shipped(const ops::Shipped& shipped);
// The order a command names by platform order id or "#local number"; NotFound otherwise.
Id order_by_id(Database& db, const std::string& order);

// The file that keeps this OS user's session token for the shop at `db_location`.
std::string session_file(const std::string& db_location);

void add_user_commands(CLI::App& app, Context& ctx);
void add_catalogue_commands(CLI::App& app, Context& ctx);
void add_stock_commands(CLI::App& app, Context& ctx);
void add_order_commands(CLI::App& app, Context& ctx);
void add_shop_commands(CLI::App& app, Context& ctx);
void add_dashboard_commands(CLI::App& app, Context& ctx);
void add_sync_commands(CLI::App& app, Context& ctx);
void add_wave_commands(CLI::App& app, Context& ctx);
void add_waybill_commands(CLI::App& app, Context& ctx);
void add_report_commands(CLI::App& app, Context& ctx);
void add_alert_commands(CLI::App& app, Context& ctx);
void add_notify_commands(CLI::App& app, Context& ctx);
// After add_sync_commands: adds hold and release to its `order`.
void add_rule_commands(CLI::App& app, Context& ctx);
// After add_sync_commands: adds merge and unmerge to its `order`, mergeable to `orders`.
void add_merge_commands(CLI::App& app, Context& ctx);
// After add_sync_commands and add_shop_commands: adds split and unsplit to `order`, set to
// `store`.
void add_split_commands(CLI::App& app, Context& ctx);

// Sends the notifications due now to the group robots.
NotifyFlushReport send_notifications(Context& ctx);
// After add_alert_commands: adds sheet and approve to its `restock`.
void add_purchase_commands(CLI::App& app, Context& ctx);

}  // namespace dj::cli
