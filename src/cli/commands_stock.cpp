#include <iostream>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/stock_moves.h"
#include "ops/stock_queries.h"

namespace dj::cli {
namespace {

struct StockArgs {
    std::string sku;
    Qty qty = 0;
    std::string warehouse, from, to, location, to_location, cost, batch, expiry, doc, reason, at;
    bool accept_expired = false;
    bool allow_same_doc = false;
};

// A document number posts once per kind, SKU and warehouse unless this says otherwise.
void add_same_doc_flag(CLI::App* cmd, StockArgs& a) {
    cmd->add_flag("--allow-same-doc", a.allow_same_doc,
                  tr("Post although this document was posted already (not a retry)"));
}

void add_at_option(CLI::App* cmd, StockArgs& a) {
    cmd->add_option("--at", a.at,
                    tr("When it happened, for past movements: ISO 8601 with offset, e.g. "
                       "2026-10-05T14:00:00+08:00 (default: now)"));
}

CLI::App* movement_command(CLI::App* stock, const char* name, const std::string& help, StockArgs& a,
                           bool with_warehouse = true) {
    auto* cmd = stock->add_subcommand(name, help);
    cmd->add_option("SKU", a.sku, tr("SKU code"))->required();
    cmd->add_option("QTY", a.qty, tr("Quantity (whole units)"))->required();
    if (with_warehouse)
        cmd->add_option("--warehouse,-w", a.warehouse, tr("Warehouse code"))->required();
    add_at_option(cmd, a);
    return cmd;
}

}  // namespace

void add_stock_commands(CLI::App& app, Context& ctx) {
    auto* stock =
        app.add_subcommand("stock", tr("Stock movements and balances"))->require_subcommand(1);
    auto a = std::make_shared<StockArgs>();
    // The move the arguments state, of `kind`, dated by --at when given.
    auto stated = [a](ops::StockMoveKind kind) {
        ops::StockMove m;
        m.kind = kind;
        m.sku = a->sku;
        m.qty = a->qty;
        m.warehouse = a->warehouse;
        m.location = a->location;
        m.to_warehouse = a->to;
        m.doc = a->doc;
        m.reason = a->reason;
        m.allow_same_doc = a->allow_same_doc;
        if (!a->at.empty()) m.at = parse_time(a->at, "--at");
        return m;
    };
    auto post = [&ctx](const ops::StockMove& m) {
        return ops::move_stock(ctx.db(), ctx.actor(), m);
    };

    auto* receive = movement_command(stock, "receive", tr("Receive goods into a warehouse"), *a);
    receive->add_option("--location", a->location, tr("Bin code"));
    receive->add_option("--cost", a->cost, tr("Unit cost in yuan, e.g. 12.50"));
    receive->add_option("--batch", a->batch, tr("Lot number"));
    receive->add_option("--expiry", a->expiry, tr("Expiry date of a new lot, YYYY-MM-DD"));
    receive->add_option("--doc", a->doc, tr("Document number"));
    add_same_doc_flag(receive, *a);
    receive->add_flag("--accept-expired", a->accept_expired,
                      tr("Receive a batch that expired already (kept as not available)"));
    receive->callback([&ctx, a, stated, post] {
        ops::StockMove r = stated(ops::StockMoveKind::receive);
        r.accept_expired = a->accept_expired;
        if (!a->cost.empty()) r.unit_cost = parse_yuan(a->cost, "--cost");
        r.batch = a->batch;
        if (!a->expiry.empty()) r.expiry = parse_date(a->expiry, "--expiry");
        ctx.print_movements(post(r));
    });

    auto* ship = movement_command(stock, "ship", tr("Ship goods out (not for an order)"), *a);
    ship->add_option("--doc", a->doc, tr("Document number"));
    add_same_doc_flag(ship, *a);
    ship->callback(
        [&ctx, stated, post] { ctx.print_movements(post(stated(ops::StockMoveKind::ship))); });

    auto* transfer = movement_command(
        stock, "transfer", tr("Send goods to another warehouse (in transit until they arrive)"), *a,
        false);
    transfer->add_option("--from", a->from, tr("Sending warehouse"))->required();
    transfer->add_option("--to", a->to, tr("Receiving warehouse"))->required();
    transfer->add_option("--doc", a->doc, tr("Transfer document number"))->required();
    add_same_doc_flag(transfer, *a);
    transfer->callback([&ctx, a, stated, post] {
        ops::StockMove m = stated(ops::StockMoveKind::transfer);
        m.warehouse = a->from;
        ctx.print_movements(post(m));
    });

    auto* move = movement_command(
        stock, "move",
        tr("Put away: move stock from one location to another of the same warehouse"), *a);
    move->add_option("--from", a->location,
                     tr("Location it is at, e.g. the receiving location (default: stock without "
                        "a location)"));
    move->add_option("--to", a->to_location, tr("Location it goes to"))->required();
    move->add_option("--batch", a->batch, tr("Only this batch"));
    move->callback([&ctx, a, stated, post] {
        ops::StockMove m = stated(ops::StockMoveKind::put_away);
        m.to_location = a->to_location;
        m.batch = a->batch;
        ctx.print_movements(post(m));
    });

    auto* arrive = stock->add_subcommand("arrive", tr("Book the arrival of a transfer"));
    arrive->add_option("--doc", a->doc, tr("Transfer document number"))->required();
    add_at_option(arrive, *a);
    arrive->callback(
        [&ctx, stated, post] { ctx.print_movements(post(stated(ops::StockMoveKind::arrive))); });

    auto* count =
        movement_command(stock, "count", tr("Post a stock count: on hand becomes QTY"), *a);
    count->add_option("--location", a->location, tr("Count one bin only"));
    count->add_option("--reason", a->reason, tr("Why (default: stock count)"));
    count->callback([&ctx, stated, post] {
        std::vector<Movement> m = post(stated(ops::StockMoveKind::count));
        if (m.empty() && !ctx.json)
            std::cout << tr("The count matches the stock: nothing posted.") << "\n";
        else
            ctx.print_movements(m);
    });

    auto* ret = movement_command(stock, "return", tr("Take back a customer return"), *a);
    ret->add_option("--location", a->location, tr("Bin code"));
    ret->add_option("--doc", a->doc, tr("Document number"));
    add_same_doc_flag(ret, *a);
    ret->add_option("--reason", a->reason, tr("Why"));
    ret->callback([&ctx, stated, post] {
        ctx.print_movements(post(stated(ops::StockMoveKind::customer_return)));
    });

    auto* scrap = movement_command(stock, "scrap", tr("Write off damaged or expired goods"), *a);
    scrap->add_option("--location", a->location, tr("Bin code"));
    scrap->add_option("--reason", a->reason, tr("Why, e.g. damaged"))->required();
    scrap->callback(
        [&ctx, stated, post] { ctx.print_movements(post(stated(ops::StockMoveKind::scrap))); });

    auto* list = stock->add_subcommand("list", tr("Balances per SKU and warehouse"));
    auto filter = std::make_shared<StockFilter>();
    list->add_option("--warehouse,-w", filter->warehouse, tr("Only this warehouse"));
    list->add_option("--sku", filter->sku, tr("Only this SKU"));
    list->callback([&ctx, filter] {
        Listing out({{"sku", tr("SKU")},
                     {"name", tr("Name")},
                     {"warehouse", tr("Warehouse")},
                     {"on_hand", tr("On hand")},
                     {"reserved", tr("Reserved")},
                     {"available", tr("Available")},
                     {"unshippable", tr("Expired")},
                     {"in_transit", tr("In transit")},
                     {"avg_cost", tr("Avg cost")}});
        for (const StockRow& r : ops::list_stock(ctx.db(), ctx.actor(), *filter))
            out.add({Cell::str(r.sku), Cell::str(r.sku_name), Cell::str(r.warehouse),
                     Cell::num(r.on_hand), Cell::num(r.reserved), Cell::num(r.available),
                     Cell::num(r.unshippable), Cell::num(r.in_transit), ctx.cost(r.avg_cost)});
        ctx.print(out);
    });

    auto* lots =
        stock->add_subcommand("lots", tr("Stock per location and batch, in picking order"));
    lots->add_option("--warehouse,-w", filter->warehouse, tr("Only this warehouse"));
    lots->add_option("--sku", filter->sku, tr("Only this SKU"));
    lots->callback([&ctx, filter] {
        Listing out({{"sku", tr("SKU")},
                     {"warehouse", tr("Warehouse")},
                     {"location", tr("Location")},
                     {"batch", tr("Batch")},
                     {"expiry", tr("Expiry")},
                     {"on_hand", tr("On hand")}});
        for (const LotRow& r : ops::list_lots(ctx.db(), *filter))
            out.add({Cell::str(r.sku), Cell::str(r.warehouse), Cell::str(r.location),
                     Cell::str(r.batch), Cell::str(r.expiry), Cell::num(r.on_hand)});
        ctx.print(out);
    });

    stock->add_subcommand("summary", tr("Stock per warehouse: SKUs, units and value"))
        ->callback([&ctx] {
            Listing out({{"warehouse", tr("Warehouse")},
                         {"name", tr("Name")},
                         {"skus", tr("SKUs in stock")},
                         {"on_hand", tr("On hand")},
                         {"reserved", tr("Reserved")},
                         {"available", tr("Available")},
                         {"in_transit", tr("In transit")},
                         {"value", tr("Value")}});
            for (const WarehouseSummary& w : ops::stock_summary(ctx.db(), ctx.actor()))
                out.add({Cell::str(w.warehouse), Cell::str(w.name), Cell::num(w.skus_in_stock),
                         Cell::num(w.on_hand), Cell::num(w.reserved), Cell::num(w.available),
                         Cell::num(w.in_transit), ctx.cost(w.value)});
            ctx.print(out);
        });

    auto* ledger = app.add_subcommand("ledger", tr("The stock ledger, oldest first"));
    auto lf = std::make_shared<std::pair<LedgerFilter, std::string>>();
    ledger->add_option("--sku", lf->first.sku, tr("Only this SKU"));
    ledger->add_option("--since", lf->second, tr("From this date (shop time, YYYY-MM-DD) or time"));
    ledger->add_option("--limit", lf->first.limit, tr("At most this many rows"));
    ledger->callback([&ctx, lf] {
        LedgerFilter f = lf->first;
        if (!lf->second.empty()) f.since = parse_time(lf->second, "--since");
        Listing out({{"id", tr("Movement")},
                     {"at", tr("Time")},
                     {"kind", tr("Kind")},
                     {"sku", tr("SKU")},
                     {"warehouse", tr("Warehouse")},
                     {"location", tr("Location")},
                     {"batch", tr("Batch")},
                     {"counterpart", tr("Other warehouse")},
                     {"qty", tr("Qty")},
                     {"unit_cost", tr("Unit cost")},
                     {"value", tr("Value")},
                     {"doc", tr("Document")},
                     {"reason", tr("Reason")},
                     {"operator", tr("Operator")},
                     {"role", tr("Role")},
                     {"workstation", tr("Workstation")}});
        for (const LedgerRow& r : ops::list_ledger(ctx.db(), ctx.actor(), f))
            out.add({Cell::num(r.id), Cell::time(r.at), Cell::str(r.kind), Cell::str(r.sku),
                     Cell::str(r.warehouse), Cell::str(r.location), Cell::str(r.batch),
                     Cell::str(r.counterpart), Cell::num(r.qty), ctx.cost(r.unit_cost),
                     ctx.cost(r.value), Cell::str(r.doc), Cell::str(r.reason),
                     Cell::str(r.actor.user), Cell::str(r.actor.role),
                     Cell::str(r.actor.workstation)});
        ctx.print(out);
    });
}

}  // namespace dj::cli
