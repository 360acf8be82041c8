#include <iostream>

#include "cli/cli_context.h"
#include "core/error.h"
#include "core/money.h"
#include "core/translate.h"
#include "interchange/sku_csv.h"
#include "store/audit_log.h"
#include "store/catalogue_repository.h"

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
        std::vector<CsvSku> rows = parse_sku_csv(read_file(*file), *file);
    Database& db = ctx.db();
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    std::vector<Sku> skus;
    for (const CsvSku& row : rows) {
        skus.push_back(row.sku);
        // The CSV does not carry the supplier; an update keeps the one already set.
        if (auto existing = repo.find_sku(row.sku.code))
            skus.back().supplier_id = existing->supplier_id;
    }
    repo.save_skus(skus, [&](std::size_t i) {
        return trf("{0} line {1}", *file, std::to_string(rows[i].line));
    });
    audit(db, ctx.actor(), "sku.import", *file, std::to_string(skus.size()) + " SKUs");
    tx.commit();
    std::cout << trf("Imported {0} SKUs from {1}", std::to_string(skus.size()), *file) << "\n";
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
    for (const Sku& s : CatalogueRepository(ctx.db()).list_skus()) {
        std::string barcodes;
        for (const std::string& b : s.barcodes)
            barcodes += (barcodes.empty() ? "" : "|") + b;
        list.add({Cell::str(s.code), Cell::str(s.name), Cell::str(barcodes), Cell::str(s.spec),
                  Cell::str(s.unit), Cell::num(s.weight_g), Cell::yuan(s.standard_cost),
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
    if (sup->name.empty()) sup->name = sup->code;
    Database& db = ctx.db();
    WriteTransaction tx(db);
    CatalogueRepository(db).save_supplier(*sup);
    audit(db, ctx.actor(), "supplier.save", sup->code, sup->name);
    tx.commit();
    std::cout << trf("Supplier {0} saved", sup->code) << "\n";
});

auto* sku_price = sku->add_subcommand(
    "price", tr("Set what a SKU normally sells for (rules hold orders priced far below it)"));
auto price_args = std::make_shared<std::pair<std::string, std::string>>();
sku_price->add_option("SKU", price_args->first, tr("SKU code"))->required();
sku_price->add_option("--reference", price_args->second, tr("Price in yuan; empty clears it"))
    ->required();
sku_price->callback([&ctx, price_args] {
    Database& db = ctx.db();
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    Sku k = repo.require_sku(price_args->first);
    std::optional<Fen> price;
    if (!price_args->second.empty()) price = parse_yuan(price_args->second, "--reference");
    if (price && *price < 0) throw InvalidInput(tr("--reference: a price cannot be negative"));
    repo.set_reference_price(k.id, price);
    audit(db, ctx.actor(), "sku.price", k.code, price ? format_yuan(*price) : "");
    tx.commit();
    std::cout << (price ? trf("SKU {0} normally sells for {1}", k.code, format_yuan(*price))
                        : trf("SKU {0} has no reference price", k.code))
              << "\n";
});

auto* sku_sup = sku->add_subcommand("supplier", tr("Set the supplier a SKU is bought from"));
auto sku_sup_args = std::make_shared<std::pair<std::string, std::string>>();
sku_sup->add_option("SKU", sku_sup_args->first, tr("SKU code"))->required();
sku_sup->add_option("SUPPLIER", sku_sup_args->second, tr("Supplier code"))->required();
sku_sup->callback([&ctx, sku_sup_args] {
    Database& db = ctx.db();
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    Sku k = repo.require_sku(sku_sup_args->first);
    std::optional<Supplier> s = repo.find_supplier(sku_sup_args->second);
    if (!s)
        throw NotFound(
            trf("Supplier {0} does not exist: add it with supplier add", sku_sup_args->second));
    k.supplier_id = s->id;
    repo.save_sku(k);
    audit(db, ctx.actor(), "sku.supplier", k.code, s->code);
    tx.commit();
    std::cout << trf("SKU {0} is bought from {1}", k.code, s->code) << "\n";
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
    Database& db = ctx.db();
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    SkuMapping m;
    m.store_id = repo.require_store(ma->store).id;
    m.platform_sku = ma->platform_sku;
    for (const std::string& c : ma->components) {
        std::size_t colon = c.rfind(':');
        std::string code = c.substr(0, colon);
        Qty qty = 1;
        if (colon != std::string::npos) {
            try {
                qty = std::stoll(c.substr(colon + 1));
            } catch (const std::exception&) {
                qty = 0;
            }
            if (qty <= 0)
                throw InvalidInput(
                    trf("\"{0}\": the quantity after ':' must be a positive whole number", c));
        }
        m.components.push_back({repo.require_sku(code).id, qty});
    }
    repo.save_mapping(m);
    audit(db, ctx.actor(), "mapping.save", ma->store + "/" + ma->platform_sku);
    tx.commit();
    std::cout << trf("Mapped {0} of store {1}", ma->platform_sku, ma->store) << "\n";
});
}  // namespace dj::cli

}  // namespace dj::cli
