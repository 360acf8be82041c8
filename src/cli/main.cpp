// dianjia-cli: the back office without a window, for automation, tests and benchmarks.
#include <wx/init.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_context.h"
#include "cli/usage_error.h"
#include "core/base/error.h"
#include "core/base/log.h"
#include "core/base/translate.h"
#include "locale/translations.h"
#include "ops/observers.h"
#include "ops/server_password.h"
#include "os/command_line.h"

namespace {

// The language must be known before the commands' help texts are built, so --lang is read
// ahead of the parser; DIANJIA_LANG sets it for a session; otherwise the system's is used.
std::string language_argument(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang" && i + 1 < args.size()) return args[i + 1];
        if (args[i].starts_with("--lang=")) return args[i].substr(7);
    }
    const char* env = std::getenv("DIANJIA_LANG");
    return env ? env : "";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace dj;
    std::vector<std::string> args = os::utf8_arguments(argc, argv);
    wxInitializer wx;
    ops::install_observers();
    ops::find_server_passwords_in_keyring();
    std::string language = language_argument(args);
    if (wx.IsOk()) setup_language(wxString::FromUTF8(language));
    set_log_sink([](LogLevel level, const std::string& message) {
        std::cerr << "dianjia-cli: "
                  << (level == LogLevel::error     ? tr("error: ")
                      : level == LogLevel::warning ? tr("warning: ")
                                                   : std::string())
                  << message << "\n";
    });
    cli::Context ctx;
    CLI::App app{
        tr("Dianjia (店家) back office: stock, orders and catalogue from the command line"),
        "dianjia-cli"};
    app.set_help_all_flag("--help-all", tr("Show help for every command"));
    app.add_option("--db", ctx.db_path,
                   tr("Database file, or a shop server as postgresql://USER@HOST/DB (default: "
                      "$DIANJIA_DB, else a file in the user's data folder)"))
        ->envname("DIANJIA_DB");
    app.add_flag("--json", ctx.json, tr("Print listings as a JSON array of objects"));
    app.add_flag("--utc", ctx.utc,
                 tr("Show times in UTC (default: Beijing time with its offset; JSON is always "
                    "UTC)"));
    app.add_option("--user", ctx.user,
                   tr("Log in as this user for this command (password asked, or "
                      "$DIANJIA_PASSWORD); on a shop without users, the name recorded"));
    app.add_option("--lang", language,
                   tr("Interface language: zh_CN or en (default: the system's)"));
    app.require_subcommand(1);
    app.fallthrough();

    cli::add_user_commands(app, ctx);
    cli::add_shop_commands(app, ctx);
    cli::add_dashboard_commands(app, ctx);
    cli::add_catalogue_commands(app, ctx);
    cli::add_stock_commands(app, ctx);
    cli::add_order_commands(app, ctx);
    cli::add_sync_commands(app, ctx);
    cli::add_wave_commands(app, ctx);
    cli::add_waybill_commands(app, ctx);
    cli::add_rule_commands(app, ctx);
    cli::add_merge_commands(app, ctx);
    cli::add_split_commands(app, ctx);
    cli::add_report_commands(app, ctx);
    cli::add_alert_commands(app, ctx);
    cli::add_notify_commands(app, ctx);
    cli::add_purchase_commands(app, ctx);

    try {
        // CLI11 takes the arguments last first.
        // parse() consumes the list it is given: each run gets its own copy.
        const std::vector<std::string> reversed(args.rbegin(), args.rend());
        try {
            std::vector<std::string> first = reversed;
            app.parse(first);
        } catch (const SecondCheckNeeded& e) {
            // Nothing was changed: ask for the password once, then run the command again.
            std::cerr << "dianjia-cli: " << e.what() << "\n";
            if (!ctx.confirm_identity())
                throw SecondCheckNeeded(
                    tr("No password for the second check: type it when asked (on a terminal), "
                       "or set DIANJIA_PASSWORD"));
            std::vector<std::string> again = reversed;
            app.parse(again);
        }
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help
        std::cerr << "dianjia-cli: " << cli::usage_error_text(e.what()) << "\n"
                  << tr("Run with --help or --help-all for more information.") << "\n";
        return 2;
    } catch (const dj::Error& e) {
        std::cerr << "dianjia-cli: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dianjia-cli: " << trf("unexpected error: {0}", e.what()) << "\n";
        return 1;
    }
    return ctx.exit_code;
}
