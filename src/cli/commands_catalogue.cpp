#include <iostream>
#include <optional>

#include "cli/cli_context.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/catalogue.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

namespace dj::cli {

void add_catalogue_commands(CLI::App& app, Context& ctx) {
    auto* sku = app.add_subcommand("sku", tr("The SKU catalogue"))->require_subcommand(1);

    auto* import =
        sku->add_subcommand("import", tr("Import or update SKUs from a CSV file (all or nothing)"));
    auto file = std::make_shared<std::string>();
    import
        ->add_option(
            "FILE", *file,
            tr("CSV with header code,name,barcode,spec,unit,weight_g,cost,shelf_life_days"))
        ->required();
    import->callback([&ctx, file] {
        ops::SkusImported r = ops::import_skus(ctx.db(), ctx.actor(), read_file(*file), *file);
    std::cout << trf("Imported {0} SKUs from {1} (read as {2})", std::to_string(r.skus), *file,
                     r.encoding)
              << "\n";
});

auto* check = sku->add_subcommand(
    "check", tr("Read a catalogue CSV without importing it: every bad row, and how many are new"));
auto check_file = std::make_shared<std::string>();
check->add_option("FILE", *check_file, tr("CSV file"))->required();
check->callback([&ctx, check_file] {
    ops::SkuImportPreview p =
        ops::preview_sku_import(ctx.db(), read_file(*check_file), *check_file);
    std::string summary =
        trf("{0}: {1} rows good ({2} new), {3} with problems (read as {4})", *check_file,
            std::to_string(p.rows.size()), std::to_string(p.new_skus),
            std::to_string(p.problems.size()), p.encoding);
    if (p.problems.empty()) {
        std::cout << summary << "\n";
        return;
    }
    // A failed check, like every refusal: its words on standard error, nothing on output.
    for (const std::string& problem : p.problems)
        std::cerr << problem << "\n";
    throw InvalidInput(summary + ". " + tr("Fix the rows above, then import the file"));
});

struct SkuArgs {
    Sku sku;
    std::string cost, supplier;
};
auto add_args = std::make_shared<SkuArgs>();
auto* add = sku->add_subcommand("add", tr("Add a SKU, or change the one with this code"));
add->add_option("CODE", add_args->sku.code, tr("SKU code"))->required();
add->add_option("NAME", add_args->sku.name, tr("Name"))->required();
add->add_option("--barcode", add_args->sku.barcodes, tr("Barcode (repeat for several)"));
add->add_option("--spec", add_args->sku.spec, tr("Spec"));
add->add_option("--unit", add_args->sku.unit, tr("Unit (default: pieces)"));
add->add_option("--weight", add_args->sku.weight_g, tr("Weight in grams"));
add->add_option("--cost", add_args->cost, tr("Standard cost in yuan"));
add->add_option("--shelf-life", add_args->sku.shelf_life_days,
                tr("Shelf life in days (0: no batches)"));
CLI::Option* supplier_given = add->add_option(
    "--supplier", add_args->supplier, tr("Supplier code (empty: none; left out: kept as it is)"));
add->callback([&ctx, add_args, supplier_given] {
    Sku s = add_args->sku;
    if (!add_args->cost.empty()) s.standard_cost = parse_yuan(add_args->cost, "--cost");
    std::optional<std::string> supplier;
    if (supplier_given->count() > 0) supplier = add_args->supplier;
    ops::save_sku(ctx.db(), ctx.actor(), s, supplier);
    std::cout << trf("SKU {0} saved", s.code) << "\n";
});

sku->add_subcommand("list", tr("List SKUs"))->callback([&ctx] {
    Listing list({{"code", tr("Code")},
                  {"name", tr("Name")},
                  {"barcode", tr("Barcode")},
                  {"spec", tr("Spec")},
                  {"unit", tr("Unit")},
                  {"weight_g", tr("Weight (g)")},
                  {"cost", tr("Cost")},
                  {"shelf_life_days", tr("Shelf life (days)")}});
    for (const Sku& s : ops::list_skus(ctx.db(), ctx.actor())) {
        std::string barcodes;
        for (const std::string& b : s.barcodes)
            barcodes += (barcodes.empty() ? "" : "|") + b;
        list.add({Cell::str(s.code), Cell::str(s.name), Cell::str(barcodes), Cell::str(s.spec),
                  Cell::str(s.unit), Cell::num(s.weight_g), ctx.cost(s.standard_cost),
                  Cell::num(s.shelf_life_days)});
    }
    ctx.print(list);
});

auto* supplier = app.add_subcommand("supplier", tr("Suppliers")) -> require_subcommand(1);
auto* sup_add = supplier->add_subcommand("add", tr("Add or update a supplier"));
auto sup = std::make_shared<Supplier>();
sup_add->add_option("CODE", sup->code, tr("Short code (also the name when NAME is left out)"))
    ->required();
sup_add->add_option("NAME", sup->name, tr("Name"));
sup_add
    ->add_option("--lead-time,--lead-days", sup->lead_time_days,
                 tr("Lead time in days (default 7)"))
    ->check(CLI::Range(0, 365));
sup_add
    ->add_option("--multiple", sup->order_multiple,
                 tr("Order in multiples of this quantity (default 1)"))
    ->check(CLI::Range(1, 1000000));
sup_add->callback([&ctx, sup] {
    ops::save_supplier(ctx.db(), ctx.actor(), *sup);
    std::cout << trf("Supplier {0} saved", sup->code) << "\n";
});
supplier->add_subcommand("list", tr("List the suppliers"))->callback([&ctx] {
    Listing list({{"code", tr("Code")},
                  {"name", tr("Name")},
                  {"lead_time_days", tr("Lead time (days)")},
                  {"order_multiple", tr("Order multiple")}});
    for (const Supplier& s : ops::list_suppliers(ctx.db()))
        list.add({Cell::str(s.code), Cell::str(s.name), Cell::num(s.lead_time_days),
                  Cell::num(s.order_multiple)});
    ctx.print(list);
});

auto* sku_price = sku->add_subcommand(
    "price", tr("Set what a SKU normally sells for (rules hold orders priced far below it)"));
auto price_args = std::make_shared<std::pair<std::string, std::string>>();
sku_price->add_option("SKU", price_args->first, tr("SKU code"))->required();
sku_price->add_option("--reference", price_args->second, tr("Price in yuan; empty clears it"))
    ->required();
sku_price->callback([&ctx, price_args] {
    std::optional<Fen> price;
    if (!price_args->second.empty()) price = parse_yuan(price_args->second, "--reference");
    ops::set_reference_price(ctx.db(), ctx.actor(), price_args->first, price);
    const std::string& k = price_args->first;
    std::cout << (price ? trf("SKU {0} normally sells for {1}", k, format_yuan(*price))
                        : trf("SKU {0} has no reference price", k))
              << "\n";
});

auto* sku_sup = sku->add_subcommand("supplier", tr("Set the supplier a SKU is bought from"));
auto sku_sup_args = std::make_shared<std::pair<std::string, std::string>>();
sku_sup->add_option("SKU", sku_sup_args->first, tr("SKU code"))->required();
sku_sup->add_option("SUPPLIER", sku_sup_args->second, tr("Supplier code"))->required();
sku_sup->callback([&ctx, sku_sup_args] {
    ops::set_sku_supplier(ctx.db(), ctx.actor(), sku_sup_args->first, sku_sup_args->second);
    std::cout << trf("SKU {0} is bought from {1}", sku_sup_args->first, sku_sup_args->second)
              << "\n";
});

auto* min_ship = sku->add_subcommand(
    "min-ship-days",
    tr("Days of shelf life a batch must have left to ship: the shop's, or one SKU's (--sku)"));
struct MinShipArgs {
    int days = 0;
    std::string sku;
    bool shop_default = false;
};
auto msa = std::make_shared<MinShipArgs>();
auto* days_given =
    min_ship->add_option("DAYS", msa->days, tr("0 to 3650")) -> check(CLI::Range(0, 3650));
min_ship->add_option("--sku", msa->sku, tr("SKU code (default: the shop's setting)"));
min_ship->add_flag("--default", msa->shop_default, tr("Put the SKU back on the shop's setting"));
min_ship->callback([&ctx, msa, days_given] {
    if (msa->shop_default == (days_given->count() > 0))
        throw InvalidInput(tr("Give the number of days, or --default with --sku"));
    std::optional<int> days;
    if (!msa->shop_default) days = msa->days;
    ops::set_min_ship_days(ctx.db(), ctx.actor(), msa->sku, days);
    if (msa->sku.empty())
        std::cout << trf("Batches ship with at least {0} days of shelf life left",
                         std::to_string(msa->days))
                  << "\n";
    else if (days)
        std::cout << trf("SKU {0} ships batches with at least {1} days of shelf life left",
                         msa->sku, std::to_string(msa->days))
                  << "\n";
    else
        std::cout << trf("SKU {0} follows the shop's minimum shelf life", msa->sku) << "\n";
});

auto* mapping = app.add_subcommand("mapping", tr("Platform SKU to local SKU mappings"))
                    -> require_subcommand(1);
auto* map_set = mapping->add_subcommand(
    "set",
    tr("Map a store's platform SKU (id or seller code) to local SKUs; several make a bundle"));
struct MapArgs {
    std::string store, platform_sku;
    std::vector<std::string> components;
};
auto ma = std::make_shared<MapArgs>();
map_set->add_option("STORE", ma->store, tr("Store code"))->required();
map_set->add_option("PLATFORM_SKU", ma->platform_sku, tr("The platform's SKU id or seller code"))
    ->required();
map_set
    ->add_option("SKU", ma->components, tr("Local SKU code, optionally with a quantity: TEA-001:2"))
    ->required();
map_set->callback([&ctx, ma] {
    std::vector<ops::MappedSku> components;
    for (const std::string& c : ma->components) {
        std::size_t colon = c.rfind(':');
        ops::MappedSku m{c.substr(0, colon), 1};
        if (colon != std::string::npos) {
            try {
                m.qty = std::stoll(c.substr(colon + 1));
            } catch (const std::exception&) {
                m.qty = 0;
            }
            if (m.qty <= 0)
                throw InvalidInput(
                    trf("\"{0}\": the quantity after ':' must be a positive whole number", c));
        }
        components.push_back(m);
    }
    int allocated =
        ops::map_platform_sku(ctx.db(), ctx.actor(), ma->store, ma->platform_sku, components);
    std::cout << trf("Mapped {0} of store {1}", ma->platform_sku, ma->store) << "\n";
    if (allocated > 0)
        std::cout << trf("{0} waiting orders now have their stock", std::to_string(allocated))
                  << "\n";
});

auto list_sku = std::make_shared<std::string>();
auto* map_list = mapping->add_subcommand(
    "list", tr("The platform listings that sell a SKU, alone or in bundles"));
map_list->add_option("SKU", *list_sku, tr("SKU code"))->required();
map_list->callback([&ctx, list_sku] {
    Listing out({{"store", tr("Store")},
                 {"platform_sku", tr("Platform SKU")},
                 {"components", tr("Sold as")},
                 {"bundle", tr("Bundle")}});
    for (const MappedListing& l : ops::listings_of_sku(ctx.db(), *list_sku))
        out.add({Cell::str(l.store), Cell::str(l.platform_sku), Cell::str(l.components),
                 Cell::flag(l.bundle)});
    ctx.print(out);
});

auto* unmapped = mapping->add_subcommand(
    "unmapped", tr("Platform SKUs that waiting orders sell and nothing maps, with likely SKUs"));
unmapped->callback([&ctx] {
    Listing out({{"store", tr("Store")},
                 {"platform_sku", tr("Platform SKU")},
                 {"seller_code", tr("Seller code")},
                 {"title", tr("Title")},
                 {"orders", tr("Orders")},
                 {"units", tr("Units")},
                 {"suggestion", tr("Likely SKU")},
                 {"why", tr("Why")}});
    for (const ops::UnmappedSku& u : ops::unmapped_skus(ctx.db())) {
        const UnmappedListing& l = u.listing;
        bool any = !u.suggestions.empty();
        out.add({Cell::str(l.store), Cell::str(l.key()), Cell::str(l.seller_code),
                 Cell::str(l.title), Cell::num(l.orders), Cell::num(l.units),
                 any ? Cell::str(u.suggestions.front().code) : Cell::none(),
                 any ? Cell::str(suggestion_reason(u.suggestions.front().why)) : Cell::none()});
    }
    ctx.print(out);
});
}  // namespace dj::cli

}  // namespace dj::cli
