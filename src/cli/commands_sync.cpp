#include <csignal>
#include <iostream>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/translate.h"
#include "http_client.h"
#include "ops/fulfilment_queries.h"
#include "ops/outbox.h"
#include "ops/ship_order.h"
#include "ops/sync_stores.h"
#include "os/program_clock.h"
#include "simulator/component_simulator.h"
#include "simulator/platform_simulator.h"

namespace dj::cli {
namespace {

PlatformSimulator* running_simulator = nullptr;

void stop_simulator(int) {
    if (running_simulator) running_simulator->stop();
}

}  // namespace

void add_sync_commands(CLI::App& app, Context& ctx) {
    auto* sync = app.add_subcommand("sync", tr("Pull orders modified since the last sync"));
    auto store = std::make_shared<std::string>();
    auto since = std::make_shared<std::string>();
    sync->add_option("--store", *store, tr("Only this store (code or name)"));
    sync->add_option("--since", *since,
                     tr("Start here instead of the cursor, e.g. 2026-11-24T02:00:00Z"));
    sync->callback([&ctx, store, since] {
        std::optional<Timestamp> from;
        if (!since->empty()) from = parse_time(*since, "--since");
        HttpClient http = make_http();
        Listing list({{"store", tr("Store")},
                      {"ok", tr("OK")},
                      {"orders", tr("Orders")},
                      {"created", tr("New")},
                      {"updated", tr("Updated")},
                      {"held", tr("Held")},
                      {"intercepts", tr("Intercepts")},
                      {"error", tr("Error")}});
        for (const StoreSyncReport& r :
             ops::sync_stores(ctx.db(), http, ctx.actor(), *store, from)) {
            list.add({Cell::str(r.store), Cell::num(r.ok ? 1 : 0), Cell::num(r.orders),
                      Cell::num(r.created), Cell::num(r.updated), Cell::num(r.held),
                      Cell::num(r.intercepts), Cell::str(r.error)});
            if (r.synced_elsewhere && r.ok)
                std::cerr << trf("{0}: another workstation synced this store just now; its "
                                 "orders are in the shop",
                                 r.store)
                          << "\n";
            if (!r.ok) {
                std::cerr << r.store << ": " << r.error << "\n";
                ctx.exit_code = 1;
            }
        }
        ctx.print(list);
    });

    auto* outbox =
        app.add_subcommand("outbox", tr("Calls owed to the platforms"))->require_subcommand(1);
    auto* outbox_list = outbox->add_subcommand("list", tr("List the outbox, newest first"));
    auto pending = std::make_shared<bool>(false);
    outbox_list->add_flag("--pending", *pending, tr("Only what is not acknowledged yet"));
    outbox_list->callback([&ctx, pending] {
        Listing list({{"id", tr("No.")},
                      {"store", tr("Store")},
                      {"kind", tr("Kind")},
                      {"subject", tr("Order / SKU")},
                      {"carrier", tr("Carrier")},
                      {"tracking_no", tr("Tracking no.")},
                      {"quantity", tr("Quantity")},
                      {"state", tr("State")},
                      {"attempts", tr("Attempts")},
                      {"next_attempt_at", tr("Next attempt")},
                      {"last_error", tr("Last error")}});
        for (const OutboxEntry& e : ops::list_outbox(ctx.db(), *pending, 10000))
            list.add({Cell::num(e.id), Cell::str(e.store_code),
                      Cell::code(outbox_kind_code(e.kind), outbox_kind_name(e.kind)),
                      Cell::str(e.subject), Cell::str(e.carrier), Cell::str(e.tracking_no),
                      Cell::num(e.quantity),
                      e.acknowledged_at
                          ? Cell::code("acknowledged", tr("Confirmed by the platform"))
                      : e.in_doubt_since ? Cell::code("in_doubt", tr("Sent, answer not known"))
                                         : Cell::code("pending", tr("Waiting to be sent")),
                      Cell::num(e.attempts),
                      e.acknowledged_at ? Cell::none() : Cell::time(e.next_attempt_at),
                      Cell::str(e.last_error)});
        ctx.print(list);
    });
    outbox->add_subcommand("flush", tr("Send everything due now"))->callback([&ctx] {
        HttpClient http = make_http();
        ops::OutboxSent r = ops::flush_outbox(ctx.db(), http);
        if (r.sent_elsewhere) {
            std::cout << trf("Another program on this shop is sending the outbox right now; {0} "
                             "still owed",
                             std::to_string(r.pending))
                      << "\n";
            return;
        }
        std::cout << trf("Outbox: {0} sent, {1} failed (retried later); {2} still owed",
                         std::to_string(r.sent.sent), std::to_string(r.sent.failed),
                         std::to_string(r.pending))
                  << "\n";
        if (r.sent.failed > 0) ctx.exit_code = 1;
    });
    auto* retry = outbox->add_subcommand(
        "retry",
        tr("Send a failed entry (or every failed one) at the next flush, without waiting"));
    auto retry_id = std::make_shared<std::optional<Id>>();
    retry->add_option("ID", *retry_id, tr("The entry's number (outbox list); default: all failed"));
    retry->callback([&ctx, retry_id] {
        int n = ops::retry_outbox(ctx.db(), ctx.actor(), *retry_id);
        std::cout << trf("{0} entries will be sent at the next flush", std::to_string(n)) << "\n";
    });

    auto* order = app.add_subcommand("order", tr("One order"))->require_subcommand(1);
    auto* ship = order->add_subcommand(
        "ship", tr("Ship an order under its waybill and queue the confirmation for the platform"));
    struct ShipArgs {
        std::string order, store;
        ops::ShipOrder request;
    };
    auto args = std::make_shared<ShipArgs>();
    ship->add_option("ORDER_ID", args->order, tr("Platform order id or #local number"))->required();
    ship->add_option("--store", args->store, tr("Store, when the id exists in several"));
    add_ship_options(ship, args->request);
    ship->callback([&ctx, args] {
        Database& db = ctx.db();
        args->request.order_id = ops::find_order(db, args->order, args->store);
        say_shipped(ops::ship_order(db, ctx.actor(), args->request));
    });

    auto* simulate = app.add_subcommand(
        "simulate", tr("Serve the four platforms' APIs on 127.0.0.1 for trying and testing"));
    auto options = std::make_shared<SimulatorOptions>();
    auto port = std::make_shared<int>(8701);
    simulate->add_option("--port", *port, tr("TCP port on 127.0.0.1"))->check(CLI::Range(1, 65535));
    simulate->add_option("--seed", options->seed, tr("The same seed gives the same orders"));
    simulate
        ->add_option("--orders", options->orders,
                     tr("Orders spread over the four platforms, modified in the last day"))
        ->check(CLI::Range(0, 10000000));
    auto components = std::make_shared<bool>(false);
    simulate->add_flag("--components", *components,
                       tr("Also stand in for the four print components on their usual ports "
                          "(13528, 5000, 13888, 9113)"));
    simulate->callback([options, port, components] {
        std::unique_ptr<Clock> clock = os::program_clock(os::ProgramKind::long_running);
        std::vector<std::unique_ptr<ComponentSimulator>> printers;
        if (*components)
            for (PrintComponent c : {PrintComponent::cainiao, PrintComponent::pinduoduo,
                                     PrintComponent::douyin, PrintComponent::jd}) {
                printers.push_back(std::make_unique<ComponentSimulator>(c));
                printers.back()->start(component_port(c));
                std::cout << trf("Simulating the {0} on {1}", component_name(c),
                                 printers.back()->url())
                          << std::endl;
            }
        PlatformSimulator simulator(*clock, *options);
        running_simulator = &simulator;
        std::signal(SIGINT, stop_simulator);
        std::signal(SIGTERM, stop_simulator);
        std::cout << trf("Simulating Taobao, JD, Pinduoduo and Douyin on http://127.0.0.1:{0} "
                         "(app key {1}, secret {2}, token {3}); Ctrl+C stops",
                         std::to_string(*port), options->app_key, options->app_secret,
                         options->token)
                  << std::endl;
        simulator.run(*port);
        running_simulator = nullptr;
    });
}

}  // namespace dj::cli
