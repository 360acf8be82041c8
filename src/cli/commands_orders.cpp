#include <iostream>

#include "cli/cli_context.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/allocate_orders.h"
#include "ops/buyer_visibility.h"
#include "ops/import_orders.h"
#include "ops/order_export.h"
#include "ops/order_queries.h"
#include "ops/ship_order.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "reports/order_export_document.h"

namespace dj::cli {

void add_order_commands(CLI::App& app, Context& ctx) {
    auto* orders = app.add_subcommand("orders", tr("Customer orders"))->require_subcommand(1);

    auto* import =
        orders->add_subcommand("import", tr("Import canonical order JSON (all or nothing)"));
    auto file = std::make_shared<std::string>();
    import->add_option("FILE", *file, tr("JSON file with a list of orders"))->required();
    import->callback([&ctx, file] {
        ops::OrdersImported r = ops::import_orders(ctx.db(), ctx.actor(), read_file(*file), *file);
    std::cout << trf("Imported {0} orders from {1}: {2} new, {3} updated, {4} unchanged, {5} "
                     "older than stored",
                     std::to_string(r.orders), *file, std::to_string(r.created),
                     std::to_string(r.updated), std::to_string(r.unchanged),
                     std::to_string(r.stale))
              << "\n"
              << trf("Read as {0}", r.encoding) << "\n";
});

auto* list = orders->add_subcommand("list", tr("List orders, oldest first"));
auto filter = std::make_shared<std::pair<OrderFilter, std::string>>();
list->add_option(
    "--status", filter->second,
    "pending_payment, to_ship, shipped, completed, cancelled, refund_requested, refunded");
list->add_option("--store", filter->first.store, tr("Only this store"));
list->add_option("--tag", filter->first.tag, tr("Only orders with this tag"));
list->add_option("--limit", filter->first.limit, tr("At most this many orders"));
list->callback([&ctx, filter] {
    OrderFilter f = filter->first;
    if (!filter->second.empty()) f.status = parse_order_status(filter->second);
    Listing out({{"id", tr("No.")},
                 {"store", tr("Store")},
                 {"platform", tr("Platform")},
                 {"order_id", tr("Platform order")},
                 {"status", tr("Status")},
                 {"allocation", tr("Stock")},
                 {"warehouse", tr("Warehouse")},
                 {"receiver_name", tr("Receiver")},
                 {"province", tr("Province")},
                 {"city", tr("City")},
                 {"units", tr("Units")},
                 {"pay_amount", tr("Paid")},
                 {"seller_memo", tr("Seller memo")},
                 {"created_at", tr("Created")},
                 {"priority", tr("Priority")},
                 {"tags", tr("Tags")},
                 {"hold_reason", tr("Hold")},
                 {"parcel", tr("Merged into")},
                 {"split_from", tr("Split from")},
                 {"lines", tr("Items")}});
    const bool sees_buyers = ops::sees_buyers(ctx.actor());
    for (const OrderSummary& o : ops::list_orders(ctx.db(), ctx.actor(), f)) {
        std::string lines = "[";
        std::string summary;
        for (const OrderLineSummary& l : o.lines) {
            lines += std::string(lines.size() > 1 ? ", " : "") +
                     "{\"platform_sku\": " + json_quote(l.platform_sku) +
                     ", \"seller_code\": " + json_quote(l.seller_code) +
                     ", \"sku\": " + (l.sku ? json_quote(*l.sku) : std::string("null")) +
                     ", \"qty\": " + std::to_string(l.qty) +
                     ", \"price\": " + format_yuan(l.price) + "}";
            summary +=
                (summary.empty() ? "" : " ") + l.sku.value_or("?") + "×" + std::to_string(l.qty);
        }
        lines += "]";
        std::string tags_json = "[", tags_text;
        for (const std::string& t : o.tags) {
            tags_json += (tags_json.size() > 1 ? ", " : "") + json_quote(t);
            tags_text += (tags_text.empty() ? "" : " ") + t;
        }
        tags_json += "]";
        out.add({Cell::num(o.id),
                 Cell::str(o.store),
                 Cell::platform(o.platform),
                 Cell::str(o.platform_order_id),
                 Cell::code(order_status_code(o.status), order_status_name(o.status)),
                 Cell::code(allocation_code(o.allocation), allocation_name(o.allocation)),
                 Cell::str(o.warehouse),
                 sees_buyers ? Cell::str(o.receiver_name) : Cell::masked(),
                 Cell::str(o.province),
                 Cell::str(o.city),
                 Cell::num(o.units),
                 Cell::yuan(o.paid_amount),
                 Cell::str(o.seller_memo),
                 Cell::time(o.created_at),
                 Cell::num(o.priority),
                 Cell::raw_json(tags_json, tags_text),
                 o.hold_reason.empty() ? Cell::none() : Cell::str(o.hold_reason),
                 o.parcel.empty() ? Cell::none() : Cell::str(o.parcel),
                 Cell::str(o.split_from),
                 Cell::raw_json(lines, summary)});
    }
    ctx.print(out);
});

struct ExportArgs {
    std::string out, status;
    OrderFilter filter;
};
auto ex = std::make_shared<ExportArgs>();
auto* exporter = orders->add_subcommand(
    "export", tr("Write orders with their buyers' names, phones and addresses to a file (needs "
                 "buyers.export and a second check)"));
exporter->add_option("--out", ex->out, tr("Output file: .xlsx or .csv"))->required();
exporter->add_option(
    "--status", ex->status,
    "pending_payment, to_ship, shipped, completed, cancelled, refund_requested, refunded");
exporter->add_option("--store", ex->filter.store, tr("Only this store"));
exporter->add_option("--tag", ex->filter.tag, tr("Only orders with this tag"));
exporter->callback([&ctx, ex] {
    OrderFilter f = ex->filter;
    if (!ex->status.empty()) f.status = parse_order_status(ex->status);
    std::vector<OrderSummary> rows = ops::export_orders(ctx.db(), ctx.actor(), f, ex->out);
    reports::write_report(
        reports::order_export_document(rows, ops::shop_name(ctx.db()), ctx.clock().now()), ex->out);
    std::cout << trf("{0} orders written to {1}", std::to_string(rows.size()), ex->out) << "\n";
});

orders->add_subcommand("allocate", tr("Reserve stock for waiting orders, earliest paid first"))
    ->callback([&ctx] {
        int n = ops::allocate_waiting_orders(ctx.db(), ctx.actor());
        std::cout << trf("{0} waiting order(s) now have their stock reserved", std::to_string(n))
                  << "\n";
    });

auto* ship = orders->add_subcommand(
    "ship", tr("Ship an allocated order from its reserved stock, under its waybill"));
struct ShipArgs {
    std::string store, order;
    ops::ShipOrder request;
};
auto ship_args = std::make_shared<ShipArgs>();
ship->add_option("STORE", ship_args->store, tr("Store code"))->required();
ship->add_option("PLATFORM_ORDER_ID", ship_args->order, tr("The platform's order id"))->required();
add_ship_options(ship, ship_args->request);
ship->callback([&ctx, ship_args] {
    Database& db = ctx.db();
    ops::require_store(db, ship_args->store);
    ship_args->request.order_id = ops::find_order(db, ship_args->order, ship_args->store);
    ctx.print_movements(ops::ship_order(db, ctx.actor(), ship_args->request).movements);
});
}  // namespace dj::cli

}  // namespace dj::cli
