// waybill fetch / list / cancel, waybill account list / add / sync: e-waybill numbers from the
// platforms.
#include <iostream>

#include "cli/cli_context.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "ops/e_waybills.h"

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
        for (const ops::WaybillRow& w :
             ops::list_waybills(ctx.db(), ops::orders_named(ctx.db(), names)))
            out.add({Cell::str(w.order_no), Cell::str(w.carrier), Cell::str(w.tracking_no),
                     Cell::raw_json(w.from_platform ? "\"platform\"" : "\"manual\"",
                                    w.from_platform ? tr("platform") : tr("typed")),
                     Cell::flag(w.printed)});
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
