#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/stock/catalogue.h"
#include "core/stock/sku_mapping.h"

namespace dj {

class Database;

// SKUs, suppliers, stores and platform SKU mappings.
class CatalogueRepository {
  public:
    explicit CatalogueRepository(Database& db) : db_(db) {}

    // Inserts or, for an existing code, updates the SKU and replaces its barcodes. A barcode
    // that belongs to another SKU is refused (InvalidInput). Returns the id.
    // What the SKU normally sells for: rules hold orders priced far below it (NULL: unknown).
    void set_reference_price(Id sku_id, std::optional<Fen> price);
    std::optional<Fen> reference_price(Id sku_id);
    // Days of shelf life a batch must have left to ship (lot_allocation.h): the SKU's own (none:
    // the shop's) and the shop's (0 until set).
    void set_min_ship_days(Id sku_id, std::optional<int> days);
    void set_shop_min_ship_days(int days);
    int shop_min_ship_days();
    Id save_sku(const Sku& sku);
    // Saves many SKUs as one change: barcodes may move between SKUs of the batch in any row
    // order. `where(i)` names row i in an error (e.g. "skus.csv line 7").
    void save_skus(const std::vector<Sku>& skus,
                   const std::function<std::string(std::size_t)>& where);
    std::optional<Sku> find_sku(std::string_view code);
    Sku require_sku(std::string_view code);
    std::optional<Sku> sku_by_id(Id id);
    std::optional<Id> sku_id_by_barcode(std::string_view barcode);
    std::vector<Sku> list_skus();

    Id save_supplier(const Supplier& supplier);
    std::optional<Supplier> find_supplier(std::string_view code);
    std::vector<Supplier> list_suppliers();  // by code

    Id save_store(const ShopStore& store);
    // By code, else by name.
    ShopStore require_store(std::string_view code_or_name);
    // The first free code "<platform>-<n>" for a new store.
    std::string next_store_code(Platform platform);
    std::vector<ShopStore> list_stores();

    // Replaces the mapping of one platform SKU of a store.
    void save_mapping(const SkuMapping& mapping);
    std::optional<SkuMapping> find_mapping(Id store_id, std::string_view platform_sku);
    // The mapped ones of a store's platform SKUs, a chunk of them per statement.
    std::map<std::string, SkuMapping> find_mappings(Id store_id,
                                                    const std::vector<std::string>& platform_skus);
    // The platform listings that sell this SKU, alone or in a bundle, by store and listing.
    std::vector<MappedListing> listings_of_sku(Id sku_id);

  private:
    Id save_sku_fields(const Sku& sku);
    void clear_barcodes(Id sku_id);
    void add_barcodes(Id sku_id, const Sku& sku);
    std::vector<std::string> barcodes_of(Id sku_id);
    Database& db_;
};

}  // namespace dj
