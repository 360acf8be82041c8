#include "core/stock/sku_limits.h"

#include "core/base/limits.h"

namespace dj {

void check_sku_limits(const Sku& sku) {
    require_text(sku.code, kMaxCodeLength, "code");
    require_text(sku.name, kMaxNameLength, "name", true);
    require_text(sku.spec, kMaxNameLength, "spec", true);
    require_text(sku.unit, kMaxCodeLength, "unit");
    for (const std::string& barcode : sku.barcodes)
        require_text(barcode, kMaxCodeLength, "barcode");
    require_range(sku.weight_g, 0, kMaxWeightGrams, "weight_g");
    require_range(sku.shelf_life_days, 0, kMaxShelfLifeDays, "shelf_life_days");
    require_money(sku.standard_cost, 0, kMaxUnitPrice, "cost");
}

}  // namespace dj
