// wave create / list, order waybill, print picksheet / labels / packing-list / send, pack.
#include <array>
#include <iostream>
#include <sstream>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/fulfilment_queries.h"
#include "ops/order_queries.h"
#include "ops/pack_station.h"
#include "ops/ship_order.h"
#include "ops/shop_queries.h"
#include "ops/shop_setup.h"
#include "ops/waves.h"
#include "ops/waybills.h"
#include "os/printer.h"
#include "reports/label_template.h"
#include "reports/packing_list.h"
#include "reports/pick_sheet.h"
#include "reports/waybill_label.h"

namespace dj::cli {
namespace {

// An order named by its platform id (any store) or "#local number".
Id require_order(Database& db, const std::string& order) {
    if (auto id = ops::find_order_for_packing(db, order)) return *id;
    throw NotFound(trf("No order {0}: give the platform order id or #local number", order));
}

// The printer named on the command line, or the one remembered for the document type.
std::string printer_for(Context& ctx, const std::string& printer, const std::string& document) {
    if (!printer.empty()) return printer;
    if (document.empty())
        throw InvalidInput(
            tr("Name the printer with --printer, or give --document label|a4 to use the one "
               "chosen with \"print choose\""));
    PrintDocument d = parse_print_document(document);
    if (auto chosen = ops::chosen_printer(ctx.db(), d)) return *chosen;
    throw NotFound(
        trf("No printer is chosen for {0}: choose one with \"print choose {0} NAME\" "
            "(see \"print printers\") or name it with --printer",
            print_document_code(d)));
}

}  // namespace

void add_wave_commands(CLI::App& app, Context& ctx) {
    auto* wave =
        app.add_subcommand("wave", tr("Waves: orders picked in one walk"))->require_subcommand(1);
    auto* create = wave->add_subcommand("create", tr("Group the allocated orders into waves"));
    auto request = std::make_shared<WaveRequest>();
    auto carrier = std::make_shared<std::string>();
    create->add_option("--warehouse,-w", request->warehouse, tr("Only this warehouse"));
    create->add_option("--carrier", *carrier, tr("Only orders of this carrier"));
    create
        ->add_option("--max", request->max_orders,
                     tr("At most this many orders per wave (default 50)"))
        ->check(CLI::Range(1, 100000));
    create->callback([&ctx, request, carrier] {
        // One wave per call: the packer starts the next when this one is picked.
        WaveRequest r = *request;
        r.max_waves = 1;
        if (!carrier->empty()) r.carrier = *carrier;
        std::vector<WaveInfo> waves = ops::create_waves(ctx.db(), ctx.actor(), r);
        if (ctx.json) {
            if (waves.empty()) {
                std::cout << "{\"wave\": null, \"orders\": []}\n";
                return;
            }
            const WaveInfo& w = waves.front();
            std::cout << "{\"wave\": " << json_quote(w.number)
                      << ", \"warehouse\": " << json_quote(w.warehouse)
                      << ", \"carrier\": " << json_quote(w.carrier) << ", \"units\": " << w.units
                      << ", \"orders\": [";
            std::vector<WaveSlot> slots = ops::wave_slots(ctx.db(), w.number);
            for (std::size_t s = 0; s < slots.size(); ++s)
                std::cout << (s ? ", " : "") << json_quote(slots[s].platform_order_id);
            std::cout << "]}\n";
            return;
        }
        if (waves.empty()) std::cout << tr("No allocated order is waiting for a wave.") << "\n";
        for (const WaveInfo& w : waves)
            std::cout << trf("Wave {0}: {1} orders, {2} units ({3}, {4})", w.number,
                             std::to_string(w.orders), std::to_string(w.units), w.warehouse,
                             w.carrier.empty() ? tr("no carrier yet") : w.carrier)
                      << "\n";
    });
    wave->add_subcommand("list", tr("Waves, newest first"))->callback([&ctx] {
        Listing out({{"wave", tr("Wave")},
                     {"status", tr("Status")},
                     {"warehouse", tr("Warehouse")},
                     {"carrier", tr("Carrier")},
                     {"orders", tr("Orders")},
                     {"packed", tr("Packed")},
                     {"units", tr("Units")},
                     {"created_at", tr("Wave created at")}});
        for (const WaveInfo& w : ops::list_waves(ctx.db()))
            out.add({Cell::str(w.number),
                     Cell::str(w.status == WaveStatus::open ? "open" : "closed"),
                     Cell::str(w.warehouse), Cell::str(w.carrier), Cell::num(w.orders),
                     Cell::num(w.packed), Cell::num(w.units), Cell::time(w.created_at)});
        ctx.print(out);
    });

    auto* order = app.get_subcommand("order");
    auto* waybill =
        order->add_subcommand("waybill", tr("Give an order its carrier and tracking number"));
    auto wb = std::make_shared<std::array<std::string, 3>>();
    waybill->add_option("ORDER_ID", (*wb)[0], tr("Platform order id or #local number"))->required();
    waybill->add_option("--carrier", (*wb)[1], tr("Carrier code"))->required();
    waybill->add_option("--tracking", (*wb)[2], tr("Tracking number"))->required();
    waybill->callback([&ctx, wb] {
        Waybill w = ops::assign_waybill(ctx.db(), ctx.actor(), require_order(ctx.db(), (*wb)[0]),
                                        (*wb)[1], (*wb)[2]);
        std::cout << trf("Order {0} ships with {1} {2}", (*wb)[0], w.carrier, w.tracking_no)
                  << "\n";
    });

    auto* print =
        app.add_subcommand("print", tr("Pick sheets, waybill labels and packing lists as PDF"))
            ->require_subcommand(1);
    struct PrintArgs {
        std::string subject, out, size = "100x150", paper = "a5", printer;
    };
    auto pa = std::make_shared<PrintArgs>();
    auto* picksheet = print->add_subcommand("picksheet", tr("The pick sheet of a wave"));
    picksheet->add_option("WAVE", pa->subject, tr("Wave number"))->required();
    picksheet->add_option("--out", pa->out, tr("PDF file to write"))->required();
    picksheet->callback([&ctx, pa] {
        reports::render_pick_sheet(ops::pick_list(ctx.db(), pa->subject), pa->out,
                                   ctx.clock().now());
        std::cout << trf("Pick sheet of wave {0} written to {1}", pa->subject, pa->out) << "\n";
    });
    auto* labels = print->add_subcommand("labels", tr("Waybill labels of a wave, one page each"));
    labels->add_option("WAVE", pa->subject, tr("Wave number"))->required();
    labels->add_option("--size", pa->size, tr("Label size"))
        ->check(CLI::IsMember({"100x150", "100x180", "76x130"}));
    labels->add_option("--out", pa->out, tr("PDF file to write"))->required();
    labels->callback([&ctx, pa] {
        std::vector<LabelData> data = ops::wave_label_data(ctx.db(), pa->subject);
        reports::render_labels(data, reports::load_label_template(pa->size), pa->out);
        std::cout << trf("{0} labels written to {1}", std::to_string(data.size()), pa->out) << "\n";
    });
    auto* packing = print->add_subcommand("packing-list", tr("The packing list of an order"));
    packing->add_option("ORDER_ID", pa->subject, tr("Platform order id or #local number"))
        ->required();
    packing->add_option("--out", pa->out, tr("PDF file to write"))->required();
    packing->add_option("--paper", pa->paper, tr("a5 or a4"))->check(CLI::IsMember({"a5", "a4"}));
    packing->callback([&ctx, pa] {
        Database& db = ctx.db();
        reports::render_packing_list(
            ops::packing_list_data(db, require_order(db, pa->subject)), pa->out,
            pa->paper == "a4" ? reports::PaperSize::a4 : reports::PaperSize::a5);
        std::cout << trf("Packing list of order {0} written to {1}", pa->subject, pa->out) << "\n";
    });
    auto* send = print->add_subcommand("send", tr("Send a PDF to a printer"));
    auto copies = std::make_shared<int>(1);
    auto document = std::make_shared<std::string>();
    // print_pdf checks the file: CLI11's ExistingFile reads the name in the ANSI code page on
    // Windows and would refuse Chinese file names.
    send->add_option("FILE", pa->subject, tr("PDF file"))->required();
    send->add_option("--printer", pa->printer,
                     tr("Printer name (default: the one chosen for --document)"));
    send->add_option("--document", *document, tr("label or a4: print on the printer chosen for it"))
        ->check(CLI::IsMember({"label", "a4"}));
    send->add_option("--copies", *copies, tr("Number of copies (default 1)"))
        ->check(CLI::Range(1, 999));
    send->callback([&ctx, pa, copies, document] {
        std::string printer = printer_for(ctx, pa->printer, *document);
        int job = os::print_pdf(printer, pa->subject, *copies);
        if (ctx.json)
            std::cout << "{\"printer\": " << json_quote(printer)
                      << ", \"file\": " << json_quote(pa->subject) << ", \"job\": " << job
                      << ", \"copies\": " << *copies << "}\n";
        else
            std::cout << trf("Sent {0} to {1} (job {2})", pa->subject, printer, std::to_string(job))
                      << "\n";
    });
    print->add_subcommand("printers", tr("The printers of this computer and the ones chosen"))
        ->callback([&ctx] {
            std::vector<os::Printer> printers = os::list_printers();
            Database& db = ctx.db();
            Listing out({{"printer", tr("Printer")},
                         {"default", tr("System default")},
                         {"chosen_for", tr("Chosen for")},
                         {"description", tr("Description")}});
            for (const os::Printer& p : printers) {
                std::string chosen;
                for (PrintDocument d : {PrintDocument::label, PrintDocument::a4})
                    if (ops::chosen_printer(db, d) == p.name)
                        chosen += (chosen.empty() ? "" : ",") + std::string(print_document_code(d));
                out.add({Cell::str(p.name), Cell::flag(p.is_default), Cell::str(chosen),
                         Cell::str(p.description)});
            }
            ctx.print(out);
        });
    auto* choose = print->add_subcommand(
        "choose", tr("Remember the printer for labels or for A4 (pick sheets, packing lists)"));
    auto choice = std::make_shared<std::pair<std::string, std::string>>();
    auto forget = std::make_shared<bool>(false);
    choose->add_option("DOCUMENT", choice->first, tr("label or a4"))
        ->required()
        ->check(CLI::IsMember({"label", "a4"}));
    choose->add_option("PRINTER", choice->second, tr("Printer name (see print printers)"));
    choose->add_flag("--forget", *forget, tr("Forget the printer chosen for this document type"));
    choose->callback([&ctx, choice, forget] {
        PrintDocument d = parse_print_document(choice->first);
        if (*forget == !choice->second.empty())
            throw InvalidInput(tr("Give either a printer name or --forget"));
        if (!*forget) os::require_printer(choice->second);
        ops::choose_document_printer(ctx.db(), ctx.actor(), d, choice->second);
        if (*forget)
            std::cout << trf("No printer is chosen for {0} any more", choice->first) << "\n";
        else
            std::cout << trf("{0} prints on {1}", choice->first, choice->second) << "\n";
    });

    auto* pack = app.add_subcommand("pack", tr("Scripted packing: scan every item of an order"));
    auto scans = std::make_shared<std::pair<std::string, std::vector<std::string>>>();
    pack->add_option("ORDER_ID", scans->first,
                     tr("Order number, #local number, tracking number or WAVE/slot"))
        ->required();
    pack->add_option("--scan", scans->second, tr("Item barcodes or SKU codes, in scan order"))
        ->required();
    pack->callback([&ctx, scans] {
        Database& db = ctx.db();
        ops::PackStation session(db, ctx.actor(), scans->first);
        if (!session.blocked_reason().empty())
            throw StockRuleViolation(trf("Order {0} must not be packed: {1}", session.order_no(),
                                         session.blocked_reason()));
        std::optional<ops::Shipped> shipped;
        for (const std::string& code : scans->second) {
            ops::PackStation::Scanned scanned = session.scan(code);
            switch (scanned.outcome) {
                case ScanOutcome::counted:
                    break;
                case ScanOutcome::completed:
                    shipped = scanned.shipped;
                    break;
                case ScanOutcome::wrong_item:
                    throw StockRuleViolation(trf("Order {0}: {1} is not in this order; take it out",
                                                 session.order_no(), code));
                case ScanOutcome::too_many:
                    throw StockRuleViolation(
                        trf("Order {0}: {1} is scanned more often than ordered", session.order_no(),
                            code));
                case ScanOutcome::blocked:
                    throw StockRuleViolation(trf("Order {0} must not be packed: {1}",
                                                 session.order_no(), session.blocked_reason()));
            }
        }
        const PackCheck& check = session.check();
        if (!check.complete())
            throw StockRuleViolation(trf("Order {0} is not complete: {1} of {2} units scanned",
                                         session.order_no(), std::to_string(check.scanned_units()),
                                         std::to_string(check.expected_units())));
        std::cout << trf("Order {0} packed: {1} units", session.order_no(),
                         std::to_string(check.scanned_units()))
                  << "\n";
        // A complete parcel with a waybill has shipped, as at the pack station.
        if (!shipped) {
            std::cout << trf("Order {0} has no waybill yet: give it one (order waybill), then ship "
                             "it (order ship)",
                             session.order_no())
                      << "\n";
            return;
        }
        say_shipped(*shipped);
    });
}

}  // namespace dj::cli
