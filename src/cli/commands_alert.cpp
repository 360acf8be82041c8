// alerts and restock: the alert centre and reorder suggestions from the command line.
#include <cstdio>
#include <iostream>

#include "cli/cli_context.h"
#include "core/alerts/alert.h"
#include "core/alerts/alert_text.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/alert_queries.h"
#include "ops/alerts.h"
#include "ops/notifications.h"
#include "ops/shop_queries.h"

namespace dj::cli {
namespace {

// The formulas' figures to four decimals, enough to check them by hand.
Cell decimal(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", v);
    return Cell::raw_json(text, text);
}

void print_alerts(Context& ctx, const std::vector<Alert>& alerts) {
    Listing list({{"id", tr("Id")},
                  {"kind", tr("Kind")},
                  {"sku", tr("SKU")},
                  {"warehouse", tr("Warehouse")},
                  {"status", tr("Status")},
                  {"detail", tr("Detail")},
                  {"opened_at", tr("Opened")},
                  {"snoozed_until", tr("Snoozed until")},
                  {"resolved_at", tr("Resolved at")}});
    for (const Alert& a : alerts)
        list.add({Cell::num(a.id), Cell::code(alert_kind_code(a.kind), alert_kind_label(a.kind)),
                  Cell::str(a.sku), Cell::str(a.warehouse),
                  Cell::code(alert_status_code(a.status), alert_status_name(a.status)),
                  Cell::str(alert_detail_text(a.kind, a.figures)), Cell::time(a.opened_at),
                  Cell::time(a.snoozed_until), Cell::time(a.resolved_at)});
    ctx.print(list);
}

}  // namespace

void add_alert_commands(CLI::App& app, Context& ctx) {
    auto* alerts = app.add_subcommand("alerts", tr("Stock alerts"))->require_subcommand(1);
    alerts->add_subcommand("run", tr("Evaluate every alert rule for every SKU now"))
        ->callback([&ctx] {
            AlertRunSummary s = ops::check_stock_alerts(ctx.db());
            std::cout << trf("{0} SKU x warehouse evaluated: {1} alerts opened, {2} resolved",
                             std::to_string(s.evaluated), std::to_string(s.opened.size()),
                             std::to_string(s.resolved))
                      << "\n";
            // The alerts just opened are queued for the group robots; send them now.
            NotifyFlushReport n = send_notifications(ctx);
            if (n.sent + n.failed + n.deferred > 0)
                std::cout << trf("{0} notifications sent, {1} failed, {2} waiting",
                                 std::to_string(n.sent), std::to_string(n.failed),
                                 std::to_string(n.deferred))
                          << "\n";
        });

    auto* list = alerts->add_subcommand("list", tr("List alerts, active first"));
    struct ListArgs {
        std::string status, kind, sku, warehouse;
        bool hide_snoozed = false;
    };
    auto la = std::make_shared<ListArgs>();
    list->add_option("--status", la->status, tr("open, acknowledged or resolved"))
        ->check(CLI::IsMember({"open", "acknowledged", "resolved"}));
    list->add_option("--kind", la->kind, tr("Alert kind, e.g. low_stock"));
    list->add_option("--sku", la->sku, tr("SKU code"));
    list->add_option("--warehouse", la->warehouse, tr("Warehouse code"));
    list->add_flag("--hide-snoozed", la->hide_snoozed, tr("Leave out alerts snoozed for now"));
    list->callback([&ctx, la] {
        AlertFilter f;
        if (!la->status.empty()) f.status = parse_alert_status(la->status);
        if (!la->kind.empty()) {
            f.kind = parse_alert_kind(la->kind);
            if (!f.kind)
                throw InvalidInput(
                    trf("--kind {0} is not an alert kind: use low_stock, "
                        "out_of_stock, overstock, expiring, expired, stagnant, "
                        "count_loss or oversold",
                        la->kind));
        }
        f.sku = la->sku;
        f.warehouse = la->warehouse;
        if (la->hide_snoozed) f.hide_snoozed_at = ctx.clock().now();
        print_alerts(ctx, ops::list_alerts(ctx.db(), f));
    });

    auto* ack = alerts->add_subcommand("ack", tr("Acknowledge an alert"));
    auto ack_id = std::make_shared<Id>(0);
    ack->add_option("ID", *ack_id, tr("Alert id"))->required();
    ack->callback([&ctx, ack_id] {
        print_alerts(ctx, {ops::acknowledge_alert(ctx.db(), ctx.actor(), *ack_id)});
    });

    auto* snooze = alerts->add_subcommand("snooze", tr("Hide an alert until a date"));
    auto sn_id = std::make_shared<Id>(0);
    auto sn_until = std::make_shared<std::string>();
    snooze->add_option("ID", *sn_id, tr("Alert id"))->required();
    snooze->add_option("--until", *sn_until, tr("Date (shop time) or ISO 8601 time"))->required();
    snooze->callback([&ctx, sn_id, sn_until] {
        Timestamp until = parse_time(*sn_until, "--until");
        print_alerts(ctx, {ops::snooze_alert(ctx.db(), ctx.actor(), *sn_id, until)});
    });

    auto* set = alerts->add_subcommand(
        "threshold",
        tr("Set a threshold for the shop, a warehouse, a SKU or a SKU in a warehouse"));
    struct SetArgs {
        std::string name, sku, warehouse;
        std::int64_t value = 0;
        bool clear = false;
    };
    auto sa = std::make_shared<SetArgs>();
    set->add_option("NAME", sa->name,
                    tr("expiry_days, stagnant_days, count_loss_percent, max_stock, safety_stock, "
                       "reorder_point, service_z_milli or review_days"))
        ->required();
    set->add_option("VALUE", sa->value, tr("The value (whole number)"));
    set->add_option("--sku", sa->sku, tr("Only for this SKU"));
    set->add_option("--warehouse", sa->warehouse, tr("Only in this warehouse"));
    set->add_flag("--clear", sa->clear, tr("Remove the value set at this scope"));
    set->callback([&ctx, sa] {
        auto t = parse_threshold(sa->name);
        if (!t) throw InvalidInput(trf("{0} is not a threshold name: see --help", sa->name));
        ops::set_threshold(ctx.db(), ctx.actor(), *t, sa->sku, sa->warehouse,
                           sa->clear ? std::nullopt : std::optional<std::int64_t>(sa->value));
        std::cout << trf("Threshold {0} saved", sa->name) << "\n";
    });

    auto* restock = app.add_subcommand("restock", tr("Reorder points and restock suggestions"))
                        ->require_subcommand(1);
    auto* suggest = restock->add_subcommand(
        "suggest", tr("Reorder point and suggested quantity per SKU and warehouse"));
    struct SuggestArgs {
        std::string warehouse;
        bool all = false;
    };
    auto sg = std::make_shared<SuggestArgs>();
    suggest->add_option("--warehouse", sg->warehouse, tr("Only this warehouse"));
    suggest->add_flag("--all", sg->all, tr("Also list SKUs that need nothing"));
    suggest->callback([&ctx, sg] {
        Database& db = ctx.db();
        RestockFilter f;
        if (!sg->warehouse.empty()) f.warehouse_id = ops::require_warehouse(db, sg->warehouse).id;
        Listing list({{"sku", tr("SKU")},
                      {"warehouse", tr("Warehouse")},
                      {"supplier", tr("Supplier")},
                      {"lead_days", tr("Lead time")},
                      {"d", tr("Daily demand")},
                      {"sigma", tr("Sigma")},
                      {"ss", tr("Safety stock")},
                      {"rop", tr("Reorder point")},
                      {"manual", tr("Manual")},
                      {"available", tr("Available")},
                      {"backlog", tr("Backlog")},
                      {"in_transit", tr("In transit")},
                      {"on_order", tr("On order")},
                      {"position", tr("Position")},
                      {"suggested", tr("Suggested")}});
        for (const RestockLine& l : ops::restock_lines(db, f)) {
            if (!sg->all && l.suggested == 0) continue;
            list.add({Cell::str(l.sku), Cell::str(l.warehouse), Cell::str(l.supplier),
                      Cell::num(l.lead_days), decimal(l.d), decimal(l.sigma),
                      Cell::num(l.safety_stock), Cell::num(l.reorder_point),
                      Cell::str(l.manual ? "yes" : "no"), Cell::num(l.available),
                      Cell::num(l.backlog), Cell::num(l.in_transit), Cell::num(l.on_order),
                      Cell::num(l.position), Cell::num(l.suggested)});
        }
        ctx.print(list);
    });
}

}  // namespace dj::cli
