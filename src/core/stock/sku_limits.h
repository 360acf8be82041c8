#pragma once

#include "core/stock/catalogue.h"

namespace dj {

// Refuses (InvalidInput naming the field and the limit) an SKU no shop could mean: text that is
// not UTF-8 or too long, a cost, weight or shelf life beyond limits.h.
void check_sku_limits(const Sku& sku);

}  // namespace dj
