// po and restock sheet/approve: purchase orders from the command line. `restock` itself (with
// suggest) is created by the alert commands; this file adds to it.
#include <charconv>
#include <filesystem>
#include <iostream>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/alert_queries.h"
#include "ops/purchasing.h"
#include "ops/shop_queries.h"
#include "reports/restock_sheet_document.h"

namespace dj::cli {
namespace {

Qty parse_line_qty(const std::string& text, const std::string& line) {
    Qty qty = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), qty);
    if (ec != std::errc() || end != text.data() + text.size() || qty <= 0)
        throw InvalidInput(trf("--line {0}: the quantity must be a positive whole number", line));
    return qty;
}

// SKU:QTY[:COST], split from the right so a SKU code may itself contain ':'.
ops::PoLineRequest parse_po_line(const std::string& text, bool with_cost) {
    ops::PoLineRequest l;
    std::string rest = text;
    if (with_cost) {
        std::size_t colon = rest.rfind(':');
        std::size_t first = rest.find(':');
        if (colon != std::string::npos && first != colon) {
            l.unit_cost = parse_yuan(rest.substr(colon + 1), "--line " + text);
            rest = rest.substr(0, colon);
        }
    }
    std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw InvalidInput(trf("--line {0}: write it as SKU:QTY{1}", text,
                               with_cost ? std::string(":COST") : std::string()));
    l.sku = rest.substr(0, colon);
    l.qty = parse_line_qty(rest.substr(colon + 1), text);
    return l;
}

void print_orders(Context& ctx, const std::vector<PurchaseOrder>& orders) {
    Listing list({{"no", tr("PO")},
                  {"supplier", tr("Supplier")},
                  {"warehouse", tr("Warehouse")},
                  {"status", tr("Status")},
                  {"lines", tr("Lines")},
                  {"ordered", tr("Ordered")},
                  {"open", tr("Open")},
                  {"total", tr("Total")},
                  {"expected_at", tr("Expected on")},
                  {"created_at", tr("Created")},
                  {"created_by", tr("By")}});
    for (const PurchaseOrder& o : orders) {
        Qty ordered = 0;
        for (const PurchaseOrderLine& l : o.lines)
            ordered += l.qty;
        list.add({Cell::str(o.no), Cell::str(o.supplier), Cell::str(o.warehouse),
                  Cell::code(po_status_code(o.status), po_state_name(o)),
                  Cell::num(static_cast<Qty>(o.lines.size())), Cell::num(ordered),
                  Cell::num(o.open_qty()), ctx.cost(o.total()), Cell::time(o.expected_at),
                  Cell::time(o.created_at), Cell::str(o.created_by)});
    }
    ctx.print(list);
}

void print_lines(Context& ctx, const PurchaseOrder& o) {
    Listing list({{"no", tr("PO")},
                  {"line", tr("Line")},
                  {"sku", tr("SKU")},
                  {"name", tr("Name")},
                  {"qty", tr("Ordered")},
                  {"received", tr("Received")},
                  {"open", tr("Open")},
                  {"unit_cost", tr("Unit cost")},
                  {"status", tr("Status")}});
    for (const PurchaseOrderLine& l : o.lines)
        list.add({Cell::str(o.no), Cell::num(l.line_no), Cell::str(l.sku), Cell::str(l.sku_name),
                  Cell::num(l.qty), Cell::num(l.received), Cell::num(l.open()),
                  ctx.cost(l.unit_cost),
                  Cell::code(po_status_code(o.status), po_status_name(o.status))});
    ctx.print(list);
}

RestockFilter warehouse_filter(Context& ctx, const std::string& warehouse) {
    RestockFilter f;
    if (!warehouse.empty()) f.warehouse_id = ops::require_warehouse(ctx.db(), warehouse).id;
    return f;
}

void add_restock_commands(CLI::App& restock, Context& ctx) {
    struct SheetArgs {
        std::string warehouse, out, shop;
    };
    auto sh = std::make_shared<SheetArgs>();
    auto* sheet = restock.add_subcommand(
        "sheet", tr("Restock sheet per supplier, counting what is on order (PDF or XLSX)"));
    sheet->add_option("--out", sh->out, tr("Output file: .pdf, .xlsx or .csv"))->required();
    sheet->add_option("--warehouse", sh->warehouse, tr("Only this warehouse"));
    sheet->add_option("--shop-name", sh->shop,
                      tr("Shop name in the header (default: the shop's name)"));
    sheet->callback([&ctx, sh] {
        Timestamp now = ctx.clock().now();
        std::vector<RestockLine> lines =
            ops::restock_lines(ctx.db(), warehouse_filter(ctx, sh->warehouse));
        std::string shop = sh->shop.empty() ? ops::shop_name(ctx.db()) : sh->shop;
        reports::write_report(reports::restock_sheet_document(lines, shop, now), sh->out);
        std::cout << trf("Restock sheet written to {0}", sh->out) << "\n";
    });

    auto approve_wh = std::make_shared<std::string>();
    auto* approve = restock.add_subcommand(
        "approve", tr("Order every suggestion: one purchase order per supplier and warehouse"));
    approve->add_option("--warehouse", *approve_wh, tr("Only this warehouse"));
    approve->callback([&ctx, approve_wh] {
        RestockFilter f = warehouse_filter(ctx, *approve_wh);
        ops::RestockApproval a = ops::approve_restock(ctx.db(), ctx.actor(), f);
        for (const RestockLine& l : a.without_supplier)
            std::cerr << trf("SKU {0} in {1}: {2} suggested but it has no supplier; set one "
                             "with sku supplier and approve again",
                             l.sku, l.warehouse, std::to_string(l.suggested))
                      << "\n";
        print_orders(ctx, a.orders);
    });
}

}  // namespace

void add_purchase_commands(CLI::App& app, Context& ctx) {
    add_restock_commands(*app.get_subcommand("restock"), ctx);

    auto* po = app.add_subcommand("po", tr("Purchase orders"))->require_subcommand(1);

    struct CreateArgs {
        std::string supplier, warehouse, expected;
        std::vector<std::string> lines;
    };
    auto ca = std::make_shared<CreateArgs>();
    auto* create = po->add_subcommand("create", tr("Order goods from a supplier"));
    create->add_option("SUPPLIER", ca->supplier, tr("Supplier code"))->required();
    create->add_option("--line", ca->lines, tr("SKU:QTY:COST (cost in yuan, default last cost)"))
        ->required();
    create->add_option("--warehouse", ca->warehouse,
                       tr("Warehouse the goods go to (needed when there are several)"));
    create->add_option("--expected", ca->expected, tr("Expected delivery date YYYY-MM-DD"));
    create->callback([&ctx, ca] {
        ops::PoRequest r;
        r.supplier = ca->supplier;
        r.warehouse = ca->warehouse;
        for (const std::string& l : ca->lines)
            r.lines.push_back(parse_po_line(l, true));
        if (!ca->expected.empty()) r.expected_at = parse_time(ca->expected, "--expected");
        PurchaseOrder o = ops::create_purchase_order(ctx.db(), ctx.actor(), r);
        print_orders(ctx, {o});
    });

    struct ListArgs {
        std::string status, supplier;
    };
    auto la = std::make_shared<ListArgs>();
    auto* list = po->add_subcommand("list", tr("Purchase orders, newest first"));
    list->add_option("--status", la->status,
                     tr("draft, ordered, partly_received, received or cancelled"))
        ->check(CLI::IsMember({"draft", "ordered", "partly_received", "received", "cancelled"}));
    list->add_option("--supplier", la->supplier, tr("Supplier code"));
    list->callback([&ctx, la] {
        PoFilter f;
        f.status = parse_po_status(la->status);
        f.supplier = la->supplier;
        print_orders(ctx, ops::list_purchase_orders(ctx.db(), ctx.actor(), f));
    });

    auto show_no = std::make_shared<std::string>();
    auto* show = po->add_subcommand("show", tr("The lines of a purchase order"));
    show->add_option("PO", *show_no, tr("Purchase order number"))->required();
    show->callback([&ctx, show_no] {
        print_lines(ctx, ops::require_purchase_order(ctx.db(), ctx.actor(), *show_no));
    });

    struct ReceiveArgs {
        std::string no, location, batch, expiry, at;
        std::vector<std::string> lines;
        bool accept_expired = false;
    };
    auto ra = std::make_shared<ReceiveArgs>();
    auto* receive = po->add_subcommand(
        "receive", tr("Book goods in against a purchase order at its unit costs"));
    receive->add_option("PO", ra->no, tr("Purchase order number"))->required();
    receive->add_option("--line", ra->lines, tr("SKU:QTY received (default: everything open)"));
    receive->add_option("--location", ra->location, tr("Location code"));
    receive->add_option("--batch", ra->batch, tr("Batch / lot number"));
    receive->add_option("--expiry", ra->expiry, tr("Expiry date YYYY-MM-DD"));
    receive->add_option("--at", ra->at, tr("Movement time (ISO 8601 with offset) for past entry"));
    receive->add_flag("--accept-expired", ra->accept_expired,
                      tr("Receive a batch that expired already (kept as not available)"));
    receive->callback([&ctx, ra] {
        ops::PoReceiveRequest r;
        for (const std::string& l : ra->lines) {
            ops::PoLineRequest parsed = parse_po_line(l, false);
            r.lines.push_back({parsed.sku, parsed.qty});
        }
        r.location = ra->location;
        r.batch = ra->batch;
        r.expiry = ra->expiry;
        r.accept_expired = ra->accept_expired;
        std::optional<Timestamp> at;
        if (!ra->at.empty()) at = parse_time(ra->at, "--at");
        ops::PoReceipt receipt = ops::receive_purchase_order(ctx.db(), ctx.actor(), ra->no, r, at);
        ctx.print_movements(receipt.movements);
        // --json prints one array, the movements, like every command that posts them; the
        // order's new state is in po list and po show.
        if (!ctx.json) print_orders(ctx, {receipt.order});
    });

    struct EndArgs {
        std::string no, reason;
    };
    auto cancel_args = std::make_shared<EndArgs>();
    auto* cancel = po->add_subcommand("cancel", tr("Cancel a purchase order nothing arrived on"));
    cancel->add_option("PO", cancel_args->no, tr("Purchase order number"))->required();
    cancel->add_option("--reason", cancel_args->reason, tr("Why (kept in the audit log)"))
        ->required();
    cancel->callback([&ctx, cancel_args] {
        print_orders(ctx, {ops::cancel_purchase_order(ctx.db(), ctx.actor(), cancel_args->no,
                                                      cancel_args->reason)});
    });
    auto close_args = std::make_shared<EndArgs>();
    auto* close = po->add_subcommand(
        "close", tr("Close a partly received purchase order: the rest will not come"));
    close->add_option("PO", close_args->no, tr("Purchase order number"))->required();
    close->add_option("--reason", close_args->reason, tr("Why (kept in the audit log)"))
        ->required();
    close->callback([&ctx, close_args] {
        print_orders(ctx, {ops::close_purchase_order(ctx.db(), ctx.actor(), close_args->no,
                                                     close_args->reason)});
    });
}

}  // namespace dj::cli
