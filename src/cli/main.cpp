// dianjia-cli: the back office without a window, for automation, tests and benchmarks.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_context.h"
#include "core/error.h"
#include "core/translate.h"

int main(int argc, char** argv) {
    using namespace dj;
    cli::Context ctx;
    CLI::App app{
        tr("Dianjia (店家) back office: stock, orders and catalogue from the command line"),
        "dianjia-cli"};
    app.set_help_all_flag("--help-all", tr("Show help for every command"));
    app.add_option("--db", ctx.db_path, tr("Database file (default: the user's data folder)"));
    app.add_flag("--json", ctx.json, tr("Print listings as a JSON array of objects"));
    app.add_option("--user", ctx.user, tr("Who is acting (default: $DIANJIA_USER or $USER)"));
    app.add_option("--role", ctx.role, tr("Role of the acting user: owner, packer, accountant"))
        ->check(CLI::IsMember({"owner", "packer", "accountant", "system"}));
    app.require_subcommand(1);
    app.fallthrough();

    cli::add_shop_commands(app, ctx);
    cli::add_dashboard_commands(app, ctx);
    cli::add_catalogue_commands(app, ctx);
    cli::add_stock_commands(app, ctx);
    cli::add_order_commands(app, ctx);
    cli::add_report_commands(app, ctx);
    cli::add_sync_commands(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    } catch (const dj::Error& e) {
        std::cerr << "dianjia-cli: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dianjia-cli: " << trf("unexpected error: {0}", e.what()) << "\n";
        return 1;
    }
    return ctx.exit_code;
}
