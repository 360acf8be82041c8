#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/stock/catalogue.h"

namespace dj {

// Which local SKU a platform listing that maps to none probably is (商品对应): by its seller
// code, its platform id read as a barcode, and its title against the SKUs' names.
struct SkuSuggestion {
    std::string code;  // the local SKU
    int score = 0;     // 1–100; higher is surer
    enum class Why { same_code, barcode, code_part, name } why = Why::name;
};

// The best `max` candidates, surest first (ties by code). Codes compare without case, spaces and
// punctuation ("tea 001" is TEA-001); names by the characters they share in pairs, so Chinese
// titles with shop words around the product name still find it, and the spec picks the size.
// Nothing under a weak likeness.
std::vector<SkuSuggestion> suggest_skus(std::string_view seller_code, std::string_view platform_sku,
                                        std::string_view title, const std::vector<Sku>& catalogue,
                                        std::size_t max = 5);

// Why it was suggested, in the person's language.
std::string suggestion_reason(SkuSuggestion::Why why);

// What a person types into a SKU search: the SKUs whose code, name or a barcode contains `text`
// (codes without case), exact code or barcode first.
std::vector<const Sku*> find_skus(std::string_view text, const std::vector<Sku>& catalogue,
                                  std::size_t max = 50);

// The one SKU a typed or scanned text names: its code (any case), a barcode, or the only SKU
// the search finds. Throws InvalidInput saying what matched (nothing, or several).
const Sku& pick_sku(std::string_view text, const std::vector<Sku>& catalogue);

}  // namespace dj
