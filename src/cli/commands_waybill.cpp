// waybill fetch / list / cancel, waybill account list / add / sync: e-waybill numbers from the
// platforms.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_context.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "ops/e_waybills.h"
#include "ops/print_waybills.h"
#include "ops/shop_queries.h"

namespace dj::cli {

namespace {

std::string outcome_name(ops::FetchedParcel::Outcome o) {
    switch (o) {
        case ops::FetchedParcel::Outcome::issued:
            return tr("number issued");
        case ops::FetchedParcel::Outcome::had_one:
            return tr("had a number");
        case ops::FetchedParcel::Outcome::refused:
            return tr("refused");
        case ops::FetchedParcel::Outcome::failed:
            return tr("failed, ask again");
    }
    return {};
}

std::string outcome_code(ops::FetchedParcel::Outcome o) {
    switch (o) {
        case ops::FetchedParcel::Outcome::issued:
            return "issued";
        case ops::FetchedParcel::Outcome::had_one:
            return "had_one";
        case ops::FetchedParcel::Outcome::refused:
            return "refused";
        case ops::FetchedParcel::Outcome::failed:
            return "failed";
    }
    return {};
}

void print_accounts(Context& ctx, const std::vector<CarrierAccount>& accounts) {
    Listing out({{"id", tr("No.")},
                 {"store", tr("Store")},
                 {"carrier", tr("Carrier")},
                 {"platform_code", tr("Platform's code")},
                 {"branch_code", tr("Branch code")},
                 {"branch_name", tr("Branch")},
                 {"account_no", tr("Monthly account")},
                 {"sender", tr("Sender")},
                 {"address", tr("Sender address")},
                 {"from_platform", tr("From the platform")}});
    for (const CarrierAccount& a : accounts)
        out.add({Cell::num(a.id), Cell::str(a.store), Cell::str(a.carrier),
                 Cell::str(a.platform_code), Cell::str(a.branch_code), Cell::str(a.branch_name),
                 Cell::str(a.account_no), Cell::str(a.sender.name + " " + a.sender.phone),
                 Cell::str(a.sender.province + a.sender.city + a.sender.district + a.sender.detail),
                 Cell::flag(a.from_platform)});
    ctx.print(out);
}

// print waybills / print journal (after add_wave_commands made `print`).
void add_print_waybill_commands(CLI::App& app, Context& ctx) {
    auto* print = app.get_subcommand("print");
    struct Args {
        std::vector<std::string> subjects;
        ops::WaybillPrintOptions options;
        std::string wave, order;
        bool failed = false;
    };
    auto args = std::make_shared<Args>();
    auto* waybills = print->add_subcommand(
        "waybills", tr("E-waybills through the print component of each order's platform"));
    waybills
        ->add_option("SUBJECT", args->subjects,
                     tr("A wave, or platform order ids / #local numbers"))
        ->required();
    waybills->add_option("--printer", args->options.printer,
                         tr("Printer name as the component lists it (default: its default)"));
    waybills->add_option("--component", args->options.component_url,
                         tr("Where the component listens (ws://HOST:PORT), for one platform's "
                            "orders; default: its usual port on this PC"));
    waybills->add_flag("--reprint", args->options.reprint,
                       tr("Print again what was printed before (recorded as a reprint)"));
    waybills->add_option("--custom-template", args->options.custom_template,
                         tr("The platform's custom-area template URL for our own fields"));
    waybills
        ->add_option("--wait-ms", args->options.wait_ms,
                     tr("How long to wait for the printers' results"))
        ->check(CLI::Range(0, 600000));
    waybills->callback([&ctx, args] {
        ops::WaybillPrintOptions o = args->options;
        o.shop_note = ops::shop_name(ctx.db());
        ops::WaybillPrintReport r = ops::print_waybills(
            ctx.db(), ctx.actor(), ops::orders_named(ctx.db(), args->subjects), o);
        Listing out({{"order_id", tr("Order")},
                     {"tracking", tr("Tracking number")},
                     {"component", tr("Print component")},
                     {"state", tr("State")},
                     {"reprint", tr("Reprint")},
                     {"message", tr("Message")}});
        for (const ops::PrintedWaybill& w : r.waybills)
            out.add({Cell::str(w.order_no), Cell::str(w.tracking_no), Cell::str(w.component),
                     w.skipped
                         ? Cell::raw_json("\"skipped\"", tr("not sent"))
                         : Cell::raw_json("\"" + std::string(document_state_code(w.state)) + "\"",
                                          document_state_name(w.state)),
                     Cell::flag(w.reprint), Cell::str(w.message)});
        ctx.print(out);
        if (!ctx.json)
            std::cout << trf("{0} printed, {1} failed, {2} without a final word, {3} not sent",
                             std::to_string(r.count(DocumentState::printed)),
                             std::to_string(r.count(DocumentState::failed)),
                             std::to_string(static_cast<int>(r.waybills.size()) - r.skipped() -
                                            r.count(DocumentState::printed) -
                                            r.count(DocumentState::failed)),
                             std::to_string(r.skipped()))
                      << "\n";
        if (r.count(DocumentState::printed) != static_cast<int>(r.waybills.size()))
            ctx.exit_code = 1;
    });

    auto* components = print->add_subcommand(
        "components", tr("The platforms' print components on this PC and their printers"));
    components->callback([&ctx] {
        Listing out({{"component", tr("Print component")},
                     {"url", tr("Address")},
                     {"found", tr("Running")},
                     {"default_printer", tr("Default printer")},
                     {"chosen", tr("Chosen here")},
                     {"printers", tr("Printers")},
                     {"problem", tr("Message")}});
        for (const ops::ComponentFound& f : ops::probe_print_components(ctx.db(), ctx.actor())) {
            nlohmann::json names = f.printers;
            std::string shown;
            for (const std::string& p : f.printers)
                shown += (shown.empty() ? "" : ", ") + p;
            out.add({Cell::code(component_code(f.component), component_name(f.component)),
                     Cell::str(f.url), Cell::flag(f.found), Cell::str(f.default_printer),
                     Cell::str(f.chosen), Cell::raw_json(names.dump(), shown),
                     Cell::str(f.problem)});
        }
        ctx.print(out);
    });
    struct Choice {
        std::string component, printer;
        bool forget = false;
    };
    auto choice = std::make_shared<Choice>();
    auto* choose = print->add_subcommand(
        "component-printer",
        tr("Choose the printer a print component prints to on this workstation"));
    choose->add_option("COMPONENT", choice->component, tr("cainiao, pinduoduo, douyin or jd"))
        ->required()
        ->check(CLI::IsMember({"cainiao", "pinduoduo", "douyin", "jd"}));
    choose->add_option("PRINTER", choice->printer, tr("Printer name as the component lists it"));
    choose->add_flag("--forget", choice->forget, tr("Back to the component's default printer"));
    choose->callback([&ctx, choice] {
        if (choice->printer.empty() && !choice->forget)
            throw InvalidInput(tr("Name the printer, or give --forget"));
        PrintComponent c = PrintComponent::cainiao;
        for (PrintComponent k : {PrintComponent::cainiao, PrintComponent::pinduoduo,
                                 PrintComponent::douyin, PrintComponent::jd})
            if (component_code(k) == choice->component) c = k;
        ops::choose_component_printer(ctx.db(), ctx.actor(), c,
                                      choice->forget ? std::string() : choice->printer);
        std::cout << (choice->forget ? trf("{0} prints to its default printer on this workstation",
                                           component_name(c))
                                     : trf("{0} prints to {1} on this workstation",
                                           component_name(c), choice->printer))
                  << "\n";
    });

    auto* journal =
        print->add_subcommand("journal", tr("Every e-waybill print task, newest first"));
    journal->add_option("--wave", args->wave, tr("Only this wave's orders"));
    journal->add_option("--order", args->order, tr("Only this order"));
    journal->add_flag("--failed", args->failed, tr("Only failed documents"));
    journal->callback([&ctx, args] {
        std::vector<std::string> names;
        if (!args->wave.empty()) names.push_back(args->wave);
        if (!args->order.empty()) names.push_back(args->order);
        std::vector<Id> ids =
            names.empty() ? std::vector<Id>{} : ops::orders_named(ctx.db(), names);
        Listing out({{"task_id", tr("Task")},
                     {"order_id", tr("Order")},
                     {"tracking", tr("Tracking number")},
                     {"component", tr("Print component")},
                     {"printer", tr("Printer")},
                     {"state", tr("State")},
                     {"reprint", tr("Reprint")},
                     {"message", tr("Message")},
                     {"sent_at", tr("Sent at")},
                     {"updated_at", tr("Last word at")},
                     {"user", tr("User")},
                     {"station", tr("Workstation")}});
        for (const PrintJournalRow& j : ops::print_journal(ctx.db(), ids, args->failed))
            out.add({Cell::str(j.task_id), Cell::str(j.order_no), Cell::str(j.document_id),
                     Cell::str(j.component), Cell::str(j.printer),
                     Cell::raw_json("\"" + j.state + "\"",
                                    document_state_name(parse_document_state(j.state))),
                     Cell::flag(j.reprint), Cell::str(j.message), Cell::time(j.sent_at),
                     Cell::time(j.updated_at), Cell::str(j.user), Cell::str(j.station)});
        ctx.print(out);
    });
}

}  // namespace

void add_waybill_commands(CLI::App& app, Context& ctx) {
    auto* waybill = app.add_subcommand("waybill", tr("E-waybill numbers from the platforms"))
                        ->require_subcommand(1);

    struct Args {
        std::vector<std::string> subjects;
        std::string carrier, order;
    };
    auto args = std::make_shared<Args>();
    auto* fetch = waybill->add_subcommand(
        "fetch", tr("Numbers from each order's platform for every parcel that has none"));
    fetch
        ->add_option("SUBJECT", args->subjects,
                     tr("A wave, or platform order ids / #local numbers"))
        ->required();
    fetch->add_option("--carrier", args->carrier,
                      tr("From the store's account of this carrier (default: its first)"));
    fetch->callback([&ctx, args] {
        HttpClient http = make_http();
        ops::WaybillFetchReport r =
            ops::fetch_waybills(ctx.db(), http, ctx.actor(),
                                ops::orders_named(ctx.db(), args->subjects), args->carrier);
        Listing out({{"order_id", tr("Order")},
                     {"store", tr("Store")},
                     {"carrier", tr("Carrier")},
                     {"tracking", tr("Tracking number")},
                     {"outcome", tr("Outcome")},
                     {"message", tr("Message")}});
        for (const ops::FetchedParcel& p : r.parcels)
            out.add({Cell::str(p.order_no), Cell::str(p.store), Cell::str(p.carrier),
                     Cell::str(p.tracking_no),
                     Cell::raw_json("\"" + outcome_code(p.outcome) + "\"", outcome_name(p.outcome)),
                     Cell::str(p.message)});
        ctx.print(out);
        using O = ops::FetchedParcel::Outcome;
        if (!ctx.json)
            std::cout << trf("{0} numbers issued, {1} parcels had one, {2} refused, {3} failed",
                             std::to_string(r.count(O::issued)),
                             std::to_string(r.count(O::had_one)),
                             std::to_string(r.count(O::refused)),
                             std::to_string(r.count(O::failed)))
                      << "\n";
        if (r.count(O::refused) + r.count(O::failed) > 0) ctx.exit_code = 1;
    });

    auto* list = waybill->add_subcommand("list", tr("The waybills of a wave or an order"));
    list->add_option("WAVE", args->subjects, tr("Wave number"));
    list->add_option("--order", args->order, tr("Platform order id or #local number"));
    list->callback([&ctx, args] {
        std::vector<std::string> names = args->subjects;
        if (!args->order.empty()) names.push_back(args->order);
        if (names.empty()) throw InvalidInput(tr("Name a wave, or an order with --order"));
        Listing out({{"order_id", tr("Order")},
                     {"carrier", tr("Carrier")},
                     {"tracking", tr("Tracking number")},
                     {"source", tr("Source")},
                     {"printed", tr("Printed")}});
        for (const ops::ParcelWaybill& w :
             ops::parcel_waybills(ctx.db(), ops::orders_named(ctx.db(), names))) {
            if (w.tracking_no.empty()) continue;  // no waybill yet: `waybill fetch` gives one
            out.add({Cell::str(w.order_no), Cell::str(w.carrier), Cell::str(w.tracking_no),
                     Cell::raw_json(w.from_platform ? "\"platform\"" : "\"manual\"",
                                    w.from_platform ? tr("platform") : tr("typed")),
                     Cell::flag(w.printed)});
        }
        ctx.print(out);
    });

    auto* cancel = waybill->add_subcommand(
        "cancel", tr("Give an order's number back to the platform; the parcel has none after"));
    cancel->add_option("ORDER_ID", args->order, tr("Platform order id or #local number"))
        ->required();
    cancel->callback([&ctx, args] {
        HttpClient http = make_http();
        std::string tracking =
            ops::cancel_waybill(ctx.db(), http, ctx.actor(), order_by_id(ctx.db(), args->order));
        std::cout << trf("Order {0}: number {1} given back; the parcel has no waybill now",
                         args->order, tracking)
                  << "\n";
    });

    add_print_waybill_commands(app, ctx);

    auto* account =
        waybill->add_subcommand("account", tr("The stores' e-waybill accounts (电子面单账号)"))
            ->require_subcommand(1);
    auto* accounts = account->add_subcommand("list", tr("E-waybill accounts"));
    auto store = std::make_shared<std::string>();
    accounts->add_option("STORE", *store, tr("Only this store"));
    accounts->callback(
        [&ctx, store] { print_accounts(ctx, ops::carrier_accounts(ctx.db(), *store)); });

    auto a = std::make_shared<CarrierAccount>();
    auto* add = account->add_subcommand("add", tr("Enter a store's e-waybill account"));
    add->add_option("STORE", a->store, tr("Store code or name"))->required();
    add->add_option("--carrier", a->carrier, tr("Carrier code or name"))->required();
    add->add_option("--platform-code", a->platform_code,
                    tr("The platform's code for the carrier (default: ours)"));
    add->add_option("--branch", a->branch_code, tr("Branch code (网点)"));
    add->add_option("--branch-name", a->branch_name, tr("Branch name"));
    add->add_option("--account", a->account_no, tr("Monthly settlement account (月结账号)"));
    add->add_option("--sender-name", a->sender.name, tr("Sender name"))->required();
    add->add_option("--sender-phone", a->sender.phone, tr("Sender phone"))->required();
    add->add_option("--province", a->sender.province, tr("Sender province"))->required();
    add->add_option("--city", a->sender.city, tr("Sender city"))->required();
    add->add_option("--district", a->sender.district, tr("Sender district"));
    add->add_option("--address", a->sender.detail, tr("Sender street address"))->required();
    add->callback([&ctx, a] {
        CarrierAccount saved = ops::save_carrier_account(ctx.db(), ctx.actor(), *a);
        std::cout << trf("Store {0}: e-waybill account {1} {2} saved", saved.store,
                         carrier_name(*find_carrier(saved.carrier)), saved.branch_code)
                  << "\n";
    });

    auto sender = std::make_shared<SenderAddress>();
    auto* sync =
        account->add_subcommand("sync", tr("Read a store's e-waybill accounts from its platform"));
    sync->add_option("STORE", *store, tr("Store code or name"))->required();
    sync->add_option("--sender-name", sender->name, tr("Sender name"))->required();
    sync->add_option("--sender-phone", sender->phone, tr("Sender phone"))->required();
    sync->callback([&ctx, store, sender] {
        HttpClient http = make_http();
        print_accounts(ctx, ops::sync_carrier_accounts(ctx.db(), http, ctx.actor(), *store,
                                                       sender->name, sender->phone));
    });
}

}  // namespace dj::cli
