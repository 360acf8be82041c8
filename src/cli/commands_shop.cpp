#include <iostream>

#include "cli/cli_context.h"
#include "core/base/audit_action.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/role.h"
#include "core/base/translate.h"
#include "core/orders/store_connection.h"
#include "core/stock/catalogue.h"
#include "demo/demo_shop.h"
#include "ops/access.h"
#include "ops/move_shop.h"
#include "ops/order_queries.h"
#include "ops/server_password.h"
#include "ops/shop_queries.h"
#include "ops/shop_setup.h"
#include "ops/stock_queries.h"
#include "ops/store_check.h"
#include "ops/users.h"
#include "os/terminal_secret.h"
#include "store/base/database.h"

namespace dj::cli {

void add_shop_commands(CLI::App& app, Context& ctx) {
    app.add_subcommand("init", tr("Create (or upgrade) the database"))->callback([&ctx] {
        Database& db = ctx.db(true);
        ops::init_shop(db, ctx.actor());
        std::cout << trf("Database ready: {0} (schema {1})", db.path(),
                         std::to_string(db.schema_version()))
                  << "\n";
    });

    auto* server = app.add_subcommand("server", tr("A shop shared by several PCs on a PostgreSQL "
                                                   "server"))
                       ->require_subcommand(1);
    auto* server_init = server->add_subcommand(
        "init", tr("Create the shop's tables on the server (or upgrade them)"));
    auto url = std::make_shared<std::string>();
    server_init->add_option("URL", *url, tr("The server's database: postgresql://USER@HOST/DB"))
        ->required();
    server_init->callback([&ctx, url] {
        std::unique_ptr<Database> db = open_database(*url, ctx.clock(), Database::Mode::create);
        ops::init_shop(*db, ctx.actor_in(*db));
        std::cout << trf("Shop server ready: {0} (schema {1})", db->path(),
                         std::to_string(db->schema_version()))
                  << "\n";
    });

    auto* remember = server->add_subcommand(
        "remember",
        tr("Keep the server's password in this computer's keyring, for every later start (asked "
           "for on the terminal, or one line read from the input)"));
    auto remember_url = std::make_shared<std::string>();
    remember
        ->add_option("URL", *remember_url, tr("The server's database: postgresql://USER@HOST/DB"))
        ->required();
    remember->callback([&ctx, remember_url] {
        std::optional<std::string> password = os::ask_secret(tr("Password: "));
        if (!password) {
            std::string line;
            if (!std::getline(std::cin, line) || line.empty())
                throw InvalidInput(
                    tr("No password given: type it when asked, or pass it on the "
                       "input (never on the command line)."));
            password = line;
        }
        // Kept only once the server has taken it.
        Database::use_server_password(*remember_url, *password);
        try {
            Database db(*remember_url, ctx.clock(), Database::Mode::existing);
        } catch (const NoShopOnServer&) {
        }
        ops::keep_server_password(*remember_url, *password);
        std::cout << trf("The password for {0} is kept in this computer's keyring.",
                         ops::server_location(*remember_url))
                  << "\n";
    });
    auto* forget = server->add_subcommand(
        "forget", tr("Forget the server's password this computer's keyring keeps"));
    auto forget_url = std::make_shared<std::string>();
    forget->add_option("URL", *forget_url, tr("The server's database: postgresql://USER@HOST/DB"))
        ->required();
    forget->callback([forget_url] {
        std::cout << (ops::forget_server_password(*forget_url)
                          ? trf("The password for {0} is forgotten.",
                                ops::server_location(*forget_url))
                          : trf("This computer's keyring kept no password for {0}.",
                                ops::server_location(*forget_url)))
                  << "\n";
    });

    auto* migrate = app.add_subcommand(
        "migrate", tr("Move a single-PC shop (its file) to a shop server that holds none yet"));
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    migrate->add_option("--from", *from, tr("The shop file"))->required();
    migrate->add_option("--to", *to, tr("The server's database: postgresql://USER@HOST/DB"))
        ->required();
    migrate->callback([&ctx, from, to] {
        Database source(*from, ctx.clock(), Database::Mode::existing);
        std::unique_ptr<Database> target = open_database(*to, ctx.clock(), Database::Mode::create);
        ops::ShopMoved moved = ops::move_shop(source, *target, ctx.actor_in(source));
        Listing list({{"table", tr("Table")}, {"rows", tr("Rows")}});
        long long rows = 0;
        for (const CopiedTable& t : moved.tables) {
            list.add({Cell::str(t.table), Cell::num(t.rows)});
            rows += t.rows;
        }
        ctx.print(list);
        if (!ctx.json)
            std::cout << trf("Moved {0} rows to {1}; the counts, the ledger check and the "
                             "month-end reports of {2} months agree.",
                             std::to_string(rows), target->path(),
                             std::to_string(moved.months_compared.size()))
                      << "\n";
    });

    auto* demo = app.add_subcommand("demo", tr("Fill an empty database with the demo shop"));
    auto options = std::make_shared<DemoOptions>();
    demo->add_option("--orders", options->orders, tr("Open orders to create (default 2000)"))
        ->check(CLI::Range(0, 10000000));
    demo->add_option("--seed", options->seed, tr("Random seed: the same seed gives the same shop"));
    demo->add_option("--endpoint", options->platform_endpoint,
                     tr("Where the demo's stores reach their platforms (default: the simulator on "
                        "http://127.0.0.1:8701)"));
    auto today = std::make_shared<std::string>();
    demo->add_option("--today", *today,
                     tr("Date the history ends on, YYYY-MM-DD (default: today)"));
    demo->callback([&ctx, options, today] {
        if (!today->empty()) options->today_days = days_from_date(parse_date(*today, "--today"));
        Database& db = ctx.db(true);
        DemoReport r = build_demo_shop(db, *options, ctx.actor());
        std::cout << trf("Demo shop ready in {0}: {1} SKUs, {2} locations, {3} movements, {4} open "
                         "orders ({5} allocated)",
                         ctx.db().path(), std::to_string(r.skus), std::to_string(r.locations),
                         std::to_string(r.movements), std::to_string(r.orders),
                         std::to_string(r.allocated))
                  << "\n";
    });

    auto* shop = app.add_subcommand("shop", tr("The shop itself"))->require_subcommand(1);
    auto* shop_set = shop->add_subcommand("set", tr("Name the shop (printed on reports)"));
    auto shop_name = std::make_shared<std::string>();
    shop_set->add_option("--name", *shop_name, tr("The shop's name, e.g. 山间茶铺"))->required();
    shop_set->callback([&ctx, shop_name] {
        ops::set_shop_name(ctx.db(), ctx.actor(), *shop_name);
        std::cout << trf("The shop is called {0}", ops::shop_name(ctx.db())) << "\n";
    });
    shop->add_subcommand("show", tr("The shop's name"))->callback([&ctx] {
        std::cout << ops::shop_name(ctx.db()) << "\n";
    });

    auto* count_check = shop->add_subcommand(
        "count-check", tr("The share of on hand a stock count may change before it asks for a "
                          "second check (shown, or set with PERCENT)"));
    auto percent = std::make_shared<std::optional<int>>();
    count_check->add_option("PERCENT", *percent, tr("0 to 1000; 20 until set"));
    count_check->callback([&ctx, percent] {
        if (*percent) ops::set_count_check_percent(ctx.db(), ctx.actor(), **percent);
        std::cout << trf("A stock count that changes on hand by more than {0} % asks for a "
                         "second check",
                         std::to_string(ops::count_check_percent(ctx.db())))
                  << "\n";
    });

    shop->add_subcommand("reset-key",
                         tr("Forget a shop key this workstation cannot get (no owner can bring "
                            "it) and clear the stored secrets, to be entered again"))
        ->callback([&ctx] {
            int cleared = ops::reset_shop_key(ctx.db(), ctx.actor());
            std::cout << trf("The shop's key is reset: {0} secrets cleared; enter the stores' "
                             "and robots' secrets again",
                             std::to_string(cleared))
                      << "\n";
        });

    app.add_subcommand("stats", tr("Count the records in the database"))->callback([&ctx] {
        Listing list({{"what", tr("Records")}, {"count", tr("Count")}});
        for (const auto& [name, count] : ops::shop_stats(ctx.db()))
            list.add({Cell::str(name), Cell::num(count)});
        ctx.print(list);
    });

    app.add_subcommand("check", tr("Recompute balances from the ledger and list differences"))
        ->callback([&ctx] {
            std::vector<LedgerDifference> diffs = ops::check_ledger(ctx.db());
            Listing list({{"what", tr("Figure")},
                          {"sku", tr("SKU")},
                          {"warehouse", tr("Warehouse")},
                          {"detail", tr("Location / batch")},
                          {"stored", tr("Stored")},
                          {"expected", tr("From ledger")}});
            for (const LedgerDifference& d : diffs)
                list.add({Cell::str(d.what), Cell::str(d.sku), Cell::str(d.warehouse),
                          Cell::str(d.detail), Cell::num(d.stored), Cell::num(d.expected)});
            if (ctx.json || !diffs.empty()) ctx.print(list);
            if (diffs.empty()) {
                if (!ctx.json) std::cout << tr("Balances agree with the ledger.") << "\n";
            } else {
                std::cerr << trf("{0} difference(s) between balances and the ledger",
                                 std::to_string(diffs.size()))
                          << "\n";
                ctx.exit_code = 1;
            }
        });

    auto* warehouse = app.add_subcommand("warehouse", tr("Warehouses"))->require_subcommand(1);
    auto* wh_add = warehouse->add_subcommand("add", tr("Add a warehouse"));
    auto wh = std::make_shared<Warehouse>();
    wh_add->add_option("CODE", wh->code, tr("Short code, e.g. CZ"))->required();
    wh_add->add_option("NAME", wh->name, tr("Name, e.g. 常州仓"))->required();
    wh_add->add_flag("--allow-negative", wh->allow_negative,
                     tr("Allow selling ahead of stock in this warehouse"));
    wh_add->callback([&ctx, wh] {
        ops::add_warehouse(ctx.db(), ctx.actor(), *wh);
        std::cout << trf("Warehouse {0} added", wh->code) << "\n";
    });
    warehouse->add_subcommand("list", tr("List warehouses"))->callback([&ctx] {
        Listing list(
            {{"code", tr("Code")}, {"name", tr("Name")}, {"allow_negative", tr("Negative stock")}});
        for (const Warehouse& w : ops::list_warehouses(ctx.db()))
            list.add({Cell::str(w.code), Cell::str(w.name), Cell::num(w.allow_negative ? 1 : 0)});
        ctx.print(list);
    });

    auto* receiving = warehouse->add_subcommand(
        "receiving", tr("Choose where stock that comes in without a location is put"));
    auto recv = std::make_shared<std::pair<std::string, std::string>>();
    receiving->add_option("WAREHOUSE", recv->first, tr("Warehouse code"))->required();
    receiving->add_option("LOCATION", recv->second, tr("Location code"))->required();
    receiving->callback([&ctx, recv] {
        ops::set_receiving_location(ctx.db(), ctx.actor(), recv->first, recv->second);
        std::cout << trf("Warehouse {0} receives into {1}", recv->first, recv->second) << "\n";
    });

    auto* location = app.add_subcommand("location", tr("Locations (bins)"))->require_subcommand(1);
    auto* loc_add = location->add_subcommand("add", tr("Add a location to a warehouse"));
    auto loc = std::make_shared<std::pair<std::string, Location>>();
    loc_add->add_option("WAREHOUSE", loc->first, tr("Warehouse code"))->required();
    loc_add->add_option("CODE", loc->second.code, tr("Bin code, e.g. A-01-02"))->required();
    loc_add->add_option("--walk", loc->second.walk_order, tr("Position in the picking walk"));
    loc_add->add_option("--zone", loc->second.zone, tr("Zone (default: the code's first part)"));
    loc_add->callback([&ctx, loc] {
        Location l = ops::add_location(ctx.db(), ctx.actor(), loc->first, loc->second);
        std::cout << trf("Location {0} added to {1}", l.code, loc->first) << "\n";
    });
    auto* loc_list = location->add_subcommand("list", tr("List a warehouse's locations"));
    auto loc_wh = std::make_shared<std::string>();
    loc_list->add_option("WAREHOUSE", *loc_wh, tr("Warehouse code"))->required();
    loc_list->callback([&ctx, loc_wh] {
        Listing list({{"code", tr("Code")}, {"zone", tr("Zone")}, {"walk", tr("Walk order")}});
        for (const Location& l : ops::list_locations(ctx.db(), *loc_wh))
            list.add({Cell::str(l.code), Cell::str(l.zone), Cell::num(l.walk_order)});
        ctx.print(list);
    });

    auto* store =
        app.add_subcommand("store", tr("Stores (one shop on one platform)"))->require_subcommand(1);
    auto* store_add = store->add_subcommand("add", tr("Add or update a store"));
    struct StoreArgs {
        std::string code, name, platform, warehouse;
        StoreConnection connection;
    };
    auto sa = std::make_shared<StoreArgs>();
    store_add->add_option("--platform", sa->platform, "taobao, jd, pinduoduo, douyin")->required();
    store_add->add_option("--name", sa->name, tr("Shop name as people call it"))->required();
    store_add->add_option("--code", sa->code, tr("Short code, e.g. tb-main (default: platform-N)"));
    store_add->add_option("--warehouse", sa->warehouse, tr("Warehouse that ships its orders"));
    store_add->add_option("--app-key", sa->connection.app_key,
                          tr("App key (client id) on the platform"));
    store_add->add_option("--app-secret", sa->connection.app_secret, tr("App secret"));
    store_add->add_option("--token", sa->connection.token, tr("Seller's access token (session)"));
    store_add->add_option(
        "--endpoint", sa->connection.endpoint,
        tr("Scheme and host replacing the platform's, e.g. http://127.0.0.1:8701"));
    store_add->add_option("--sign-method", sa->connection.sign_method,
                          tr("Signature method (default: the platform's usual one)"));
    store_add
        ->add_option("--stock-share", sa->connection.stock_share_percent,
                     tr("Percent of available stock offered on this store (default 100)"))
        ->check(CLI::Range(0, 100));
    store_add
        ->add_option("--stock-buffer", sa->connection.stock_buffer,
                     tr("Units kept back before the share is offered"))
        ->check(CLI::Range(0, 1000000000));
    store_add->callback([&ctx, sa] {
        ops::StoreRequest request{sa->code, sa->name, parse_platform(sa->platform), sa->warehouse,
                                  sa->connection};
        ShopStore s = ops::save_store(ctx.db(), ctx.actor(), request);
        std::cout << trf("Store {0} ({1}) saved", s.code, s.name) << "\n";
    });
    store->add_subcommand("list", tr("List stores"))->callback([&ctx] {
        Listing list({{"code", tr("Code")},
                      {"name", tr("Name")},
                      {"platform", tr("Platform")},
                      {"warehouse", tr("Warehouse")},
                      {"connected", tr("Connected")},
                      {"endpoint", tr("Endpoint")},
                      {"synced_to", tr("Synced to")},
                      {"sync_error", tr("Sync error")},
                      {"split", tr("Split policy")}});
        for (const ops::StoreOverview& o : ops::store_overview(ctx.db())) {
            const ShopStore& s = o.store;
            const std::optional<Warehouse>& w = o.warehouse;
            const std::optional<StoreConnection>& c = o.connection;
            const SyncState& state = o.sync;
            list.add({Cell::str(s.code), Cell::str(s.name),
                      Cell::code(platform_code(s.platform), platform_name(s.platform)),
                      w ? Cell::str(w->code) : Cell::none(),
                      Cell::raw_json(c ? "1" : "0", c ? tr("yes") : tr("no")),
                      c ? Cell::str(c->endpoint) : Cell::none(), Cell::time(state.cursor),
                      state.failing ? Cell::str(state.last_error) : Cell::none(),
                      Cell::code(split_policy_code(o.split), split_policy_name(o.split))});
        }
        ctx.print(list);
    });

    auto* store_test = store->add_subcommand(
        "test", tr("Ask the store's platform something harmless with its stored credentials"));
    auto tested = std::make_shared<std::string>();
    store_test->add_option("STORE", *tested, tr("Store code or name"))->required();
    store_test->callback([&ctx, tested] {
        HttpClient http = make_http();
        ops::StoreCheck check = ops::check_store_connection(ctx.db(), http, ctx.actor(), *tested);
        std::cout << trf("Store {0}: the platform answered and lists {1} carriers", *tested,
                         std::to_string(check.carriers))
                  << "\n";
    });

    auto* audit_cmd = app.add_subcommand("audit", tr("Show who changed what, newest first"));
    struct AuditArgs {
        AuditFilter filter;
        std::string from, to;
    };
    auto a = std::make_shared<AuditArgs>();
    a->filter.limit = 50;
    audit_cmd->add_option("--limit", a->filter.limit, tr("How many entries"))
        ->check(CLI::Range(1, 1000000));
    audit_cmd->add_option("--by", a->filter.user, tr("Only this user's entries"));
    audit_cmd->add_option("--action", a->filter.action,
                          tr("Only this action, or a group (period: closing and reopening)"));
    audit_cmd->add_option("--text", a->filter.text,
                          tr("Only entries whose subject or detail "
                             "contains this text"));
    audit_cmd->add_option("--from", a->from, tr("From this day (YYYY-MM-DD, shop time)"));
    audit_cmd->add_option("--to", a->to, tr("Up to and including this day (YYYY-MM-DD)"));
    audit_cmd->callback([&ctx, a] {
        AuditFilter filter = a->filter;
        if (!a->from.empty()) filter.from = parse_time(parse_date(a->from, "--from"), "--from");
        if (!a->to.empty())
            filter.to = parse_time(parse_date(a->to, "--to"), "--to") + 24 * 60 * 60;
        Listing list({{"at", tr("Time")},
                      {"user", tr("User")},
                      {"role", tr("Role")},
                      {"workstation", tr("Workstation")},
                      {"action", tr("Action")},
                      {"subject", tr("Subject")},
                      {"detail", tr("Detail")}});
        for (const AuditEntry& e : ops::audit_entries(ctx.db(), ctx.actor(), filter))
            list.add({Cell::time(e.at), Cell::str(e.actor.user),
                      Cell::code(e.actor.role, role_name(e.actor.role)),
                      Cell::str(e.actor.workstation),
                      Cell::code(e.action, audit_action_name(e.action)), Cell::str(e.subject),
                      Cell::str(e.detail)});
        ctx.print(list);
    });
}

}  // namespace dj::cli
