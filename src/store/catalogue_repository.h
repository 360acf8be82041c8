#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalogue.h"
#include "core/sku_mapping.h"

namespace dj {

class Database;

// SKUs, suppliers, stores and platform SKU mappings.
class CatalogueRepository {
public:
    explicit CatalogueRepository(Database& db) : db_(db) {}

    // Inserts or, for an existing code, updates the SKU and replaces its barcodes. A barcode
    // that belongs to another SKU is refused (InvalidInput). Returns the id.
    Id save_sku(const Sku& sku);
    std::optional<Sku> find_sku(std::string_view code);
    Sku require_sku(std::string_view code);
    std::optional<Sku> sku_by_id(Id id);
    std::optional<Id> sku_id_by_barcode(std::string_view barcode);
    std::vector<Sku> list_skus();

    Id save_supplier(const Supplier& supplier);
    std::optional<Supplier> find_supplier(std::string_view code);

    Id save_store(const ShopStore& store);
    ShopStore require_store(std::string_view code);
    std::optional<ShopStore> store_by_id(Id id);
    std::vector<ShopStore> list_stores();

    // Replaces the mapping of one platform SKU of a store.
    Id save_mapping(const SkuMapping& mapping);
    std::optional<SkuMapping> find_mapping(Id store_id, std::string_view platform_sku);

private:
    std::vector<std::string> barcodes_of(Id sku_id);
    Database& db_;
};

}  // namespace dj
