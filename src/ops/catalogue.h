#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/progress.h"
#include "core/base/types.h"
#include "core/stock/catalogue.h"
#include "core/stock/sku_suggestion.h"
#include "store/orders/unmapped_listings.h"

namespace dj {
class Database;
}

namespace dj::ops {

// The shop's catalogue (`sku …`, `supplier …`, `mapping …`); each is one audited transaction.

struct SkusImported {
    std::size_t skus = 0;
    std::string encoding;  // what the file was read as (interchange/import_text.h)
};
// Adds or updates the SKUs of a CSV file's bytes (UTF-8 or GB18030/GBK, see
// interchange/sku_csv.h), all or nothing; an error names `source` and the line. An update keeps
// the SKU's supplier (the CSV does not carry it).
// `progress` (optional) counts the SKUs; its cancel, before they are saved, stops the import with
// Cancelled and nothing is kept.
SkusImported import_skus(Database& db, const Actor& actor, const std::string& file_bytes,
                         const std::string& source, Progress* progress = nullptr);

// What importing a file would do, without doing it: the rows read, how many are new, and every
// bad row (an import goes ahead only without problems).
struct SkuImportPreview {
    std::string encoding;
    std::vector<Sku> rows;  // the good ones
    std::vector<std::string> problems;
    std::size_t new_skus = 0;  // the other rows update SKUs of the same code
};
SkuImportPreview preview_sku_import(Database& db, const std::string& file_bytes,
                                    const std::string& source);

// Adds a SKU, or changes the one with its code (name, barcodes, spec, unit, weight, cost, shelf
// life; the supplier by code, empty for none, not given to keep the current one). A barcode
// another SKU has is refused, naming it.
void save_sku(Database& db, const Actor& actor, const Sku& sku,
              const std::optional<std::string>& supplier);

// Adds or updates a supplier by code; the name defaults to the code. Lead time 0–365 days,
// order multiple 1–1,000,000.
void save_supplier(Database& db, const Actor& actor, Supplier supplier);

// What a SKU normally sells for (rules hold orders priced far below it); none clears it.
void set_reference_price(Database& db, const Actor& actor, const std::string& sku,
                         std::optional<Fen> price);

void set_sku_supplier(Database& db, const Actor& actor, const std::string& sku,
                      const std::string& supplier);

// The days of shelf life a batch must have left to be reserved and shipped (0–3650): the shop's
// when `sku` is empty, else the SKU's; none puts the SKU back on the shop's. Waiting orders that
// this makes servable are allocated at once.
void set_min_ship_days(Database& db, const Actor& actor, const std::string& sku,
                       std::optional<int> days);

struct MappedSku {
    std::string sku;  // local code
    Qty qty = 1;      // 1–10,000 per platform unit
};
// A store's platform SKU (id or seller code) sold as these local SKUs (several: a bundle). The
// store's orders waiting for a mapping are allocated at once; returns how many were.
int map_platform_sku(Database& db, const Actor& actor, const std::string& store,
                     const std::string& platform_sku, const std::vector<MappedSku>& components);

// The listings waiting orders sell that map to no local SKU, most orders first, each with the
// SKUs it most probably is.
struct UnmappedSku {
    UnmappedListing listing;
    std::vector<SkuSuggestion> suggestions;  // surest first; may be empty
};
std::vector<UnmappedSku> unmapped_skus(Database& db);

}  // namespace dj::ops
