#include "ops/catalogue.h"

#include "core/base/change_text.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/limits.h"
#include "core/base/money.h"
#include "core/base/text.h"
#include "core/base/translate.h"
#include "core/stock/sku_limits.h"
#include "core/stock/sku_mapping.h"
#include "interchange/import_text.h"
#include "interchange/sku_csv.h"
#include "ops/access.h"
#include "ops/order_review.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {

namespace {

std::string supplier_code(CatalogueRepository& repo, const Sku& sku) {
    if (!sku.supplier_id) return {};
    for (const Supplier& s : repo.list_suppliers())
        if (s.id == *sku.supplier_id) return s.code;
    return {};
}

// What an edit changed, field by field, for the audit log; suppliers by code.
std::string sku_changes(const Sku& before, const Sku& after, const std::string& before_supplier,
                        const std::string& after_supplier) {
    ChangeList changes;
    changes.add(tr("name"), before.name, after.name);
    changes.add(tr("spec"), before.spec, after.spec);
    changes.add(tr("unit"), before.unit, after.unit);
    changes.add(tr("barcodes"), joined(before.barcodes), joined(after.barcodes));
    changes.add(tr("weight (g)"), std::to_string(before.weight_g), std::to_string(after.weight_g));
    changes.add(tr("shelf life (days)"), std::to_string(before.shelf_life_days),
                std::to_string(after.shelf_life_days));
    changes.add(tr("cost"), format_yuan(before.standard_cost), format_yuan(after.standard_cost));
    changes.add(tr("supplier"), before_supplier, after_supplier);
    return changes.empty() ? tr("nothing changed") : changes.text();
}

}  // namespace

SkusImported import_skus(Database& db, const Actor& actor, const std::string& file_bytes,
                         const std::string& source, Progress* progress) {
    require(actor, Permission::EditCatalogue);
    require(actor, Permission::EditPrices);
    require_second_check(db, actor, tr("Importing the catalogue with its costs"));
    ImportText file = decode_import_text(file_bytes, source);
    std::vector<CsvSku> rows = parse_sku_csv(file.text, source);
    if (progress) {
        progress->total = static_cast<long>(rows.size());
        if (progress->cancel)
            throw Cancelled(
                trf("The import of {0} was stopped: none of its SKUs were kept", source));
    }
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    std::vector<Sku> skus;
    for (const CsvSku& row : rows) {
        skus.push_back(row.sku);
        if (auto existing = repo.find_sku(row.sku.code))
            skus.back().supplier_id = existing->supplier_id;
    }
    repo.save_skus(skus, [&](std::size_t i) {
        return trf("{0} line {1}", source, std::to_string(rows[i].line));
    });
    audit(db, actor, "sku.import", source, std::to_string(skus.size()) + " SKUs, " + file.encoding);
    tx.commit();
    if (progress) progress->done = static_cast<long>(skus.size());
    return {skus.size(), file.encoding};
}

SkuImportPreview preview_sku_import(Database& db, const std::string& file_bytes,
                                    const std::string& source) {
    ImportText file = decode_import_text(file_bytes, source);
    SkuCsv csv = read_sku_csv(file.text, source);
    SkuImportPreview out{file.encoding, {}, std::move(csv.problems), 0};
    ReadTransaction tx(db);
    CatalogueRepository repo(db);
    for (CsvSku& row : csv.rows) {
        if (!repo.find_sku(row.sku.code)) ++out.new_skus;
        out.rows.push_back(std::move(row.sku));
    }
    return out;
}

void save_sku(Database& db, const Actor& actor, const Sku& sku,
              const std::optional<std::string>& supplier) {
    require(actor, Permission::EditCatalogue);
    Sku s = sku;
    s.code = std::string(trimmed(s.code));
    s.name = std::string(trimmed(s.name));
    if (s.code.empty()) throw InvalidInput(tr("A SKU needs a code"));
    if (s.code.find_first_of(" \t") != std::string::npos)
        throw InvalidInput(
            trf("SKU code \"{0}\" contains spaces: use letters, digits and - only", s.code));
    if (s.name.empty()) throw InvalidInput(trf("SKU {0} needs a name", s.code));
    if (s.standard_cost < 0)
        throw InvalidInput(trf("SKU {0}: the cost cannot be negative", s.code));
    check_sku_limits(s);
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    std::optional<Sku> before = repo.find_sku(s.code);
    if (s.standard_cost != (before ? before->standard_cost : 0)) {
        require(actor, Permission::EditPrices);
        require_second_check(db, actor, trf("Changing the cost of SKU {0}", s.code));
    }
    s.supplier_id = before && !supplier ? before->supplier_id : std::nullopt;
    if (supplier && !supplier->empty()) {
        std::optional<Supplier> found = repo.find_supplier(*supplier);
        if (!found)
            throw NotFound(
                trf("Supplier {0} does not exist: add it first (supplier add)", *supplier));
        s.supplier_id = found->id;
    }
    repo.save_skus({s}, [&](std::size_t) { return trf("SKU {0}", s.code); });
    if (before) {
        std::string old_supplier = supplier_code(repo, *before);
        audit(db, actor, "sku.edit", s.code,
              sku_changes(*before, s, old_supplier, supplier ? *supplier : old_supplier));
    } else {
        audit(db, actor, "sku.add", s.code, s.name);
    }
    tx.commit();
}

void save_supplier(Database& db, const Actor& actor, Supplier supplier) {
    require(actor, Permission::Purchase);
    if (supplier.code.empty()) throw InvalidInput(tr("A supplier needs a code"));
    if (supplier.name.empty()) supplier.name = supplier.code;
    require_text(supplier.code, kMaxCodeLength, tr("the supplier code"));
    require_text(supplier.name, kMaxNameLength, tr("the supplier name"));
    if (supplier.lead_time_days < 0 || supplier.lead_time_days > 365)
        throw InvalidInput(trf("Supplier {0}: the lead time must be 0 to 365 days, got {1}",
                               supplier.code, std::to_string(supplier.lead_time_days)));
    if (supplier.order_multiple < 1 || supplier.order_multiple > 1000000)
        throw InvalidInput(trf("Supplier {0}: the order multiple must be 1 to 1000000, got {1}",
                               supplier.code, std::to_string(supplier.order_multiple)));
    WriteTransaction tx(db);
    CatalogueRepository(db).save_supplier(supplier);
    audit(db, actor, "supplier.save", supplier.code, supplier.name);
    tx.commit();
}

void set_reference_price(Database& db, const Actor& actor, const std::string& sku,
                         std::optional<Fen> price) {
    require(actor, Permission::EditPrices);
    require_second_check(db, actor, trf("Changing the reference price of SKU {0}", sku));
    if (price && *price < 0)
        throw InvalidInput(trf("SKU {0}: a reference price cannot be negative", sku));
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    Sku k = repo.require_sku(sku);
    std::optional<Fen> old = repo.reference_price(k.id);
    repo.set_reference_price(k.id, price);
    audit(db, actor, "sku.price", k.code,
          change_text(old ? format_yuan(*old) : "", price ? format_yuan(*price) : ""));
    tx.commit();
}

void set_sku_supplier(Database& db, const Actor& actor, const std::string& sku,
                      const std::string& supplier) {
    require(actor, Permission::Purchase);
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    Sku k = repo.require_sku(sku);
    std::optional<Supplier> s = repo.find_supplier(supplier);
    if (!s) throw NotFound(trf("Supplier {0} does not exist: add it with supplier add", supplier));
    std::string old = supplier_code(repo, k);
    k.supplier_id = s->id;
    repo.save_sku(k);
    audit(db, actor, "sku.supplier", k.code, change_text(old, s->code));
    tx.commit();
}

void set_min_ship_days(Database& db, const Actor& actor, const std::string& sku,
                       std::optional<int> days) {
    require(actor, Permission::EditCatalogue);
    constexpr int kMaxDays = 3650;
    if (days && (*days < 0 || *days > kMaxDays))
        throw InvalidInput(trf("The minimum shelf life to ship must be 0 to {0} days, got {1}",
                               std::to_string(kMaxDays), std::to_string(*days)));
    if (sku.empty() && !days)
        throw InvalidInput(tr("The shop's minimum shelf life to ship needs a number of days"));
    WriteTransaction tx(db);
    CatalogueRepository repo(db);
    std::string value = days ? std::to_string(*days) : "default";
    if (sku.empty()) {
        repo.set_shop_min_ship_days(*days);
        audit(db, actor, "shop.min_ship_days", "", value);
    } else {
        Sku k = repo.require_sku(sku);
        repo.set_min_ship_days(k.id, days);
        audit(db, actor, "sku.min_ship_days", k.code, value);
    }
    tx.commit();
}

int map_platform_sku(Database& db, const Actor& actor, const std::string& store,
                     const std::string& platform_sku, const std::vector<MappedSku>& components) {
    require(actor, Permission::EditCatalogue);
    if (platform_sku.empty()) throw InvalidInput(tr("Which platform SKU? Its id or seller code"));
    if (components.empty())
        throw InvalidInput(trf("Platform SKU {0}: name the local SKU it is sold as", platform_sku));
    StockPosting posting(db);
    CatalogueRepository repo(db);
    SkuMapping m;
    m.store_id = repo.require_store(store).id;
    m.platform_sku = platform_sku;
    for (const MappedSku& c : components) {
        if (c.qty < 1 || c.qty > 10000)
            throw InvalidInput(
                trf("{0}: the quantity in a platform unit must be 1 to 10000, got {1}", c.sku,
                    std::to_string(c.qty)));
        m.components.push_back({repo.require_sku(c.sku).id, c.qty});
    }
    repo.save_mapping(m);
    // Orders that waited for this mapping are served now.
    int allocated = OrderAllocator(posting, rules_actor()).allocate_unmapped(m.store_id);
    audit(db, actor, "mapping.save", store + "/" + platform_sku,
          std::to_string(allocated) + " allocated");
    posting.commit();
    return allocated;
}

std::vector<UnmappedSku> unmapped_skus(Database& db) {
    ReadTransaction read(db);
    std::vector<Sku> catalogue = CatalogueRepository(db).list_skus();
    std::vector<UnmappedSku> out;
    for (UnmappedListing& l : unmapped_listings(db)) {
        std::vector<SkuSuggestion> s =
            suggest_skus(l.seller_code, l.platform_sku_id, l.title, catalogue);
        out.push_back({std::move(l), std::move(s)});
    }
    return out;
}

}  // namespace dj::ops
