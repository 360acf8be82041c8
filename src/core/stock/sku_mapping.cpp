#include "core/stock/sku_mapping.h"

#include <algorithm>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {

std::vector<SkuComponent> expand_mapping(const SkuMapping& mapping, Qty line_qty) {
    if (mapping.components.empty())
        throw InvalidInput(
            trf("Platform SKU \"{0}\" is mapped to no local SKU", mapping.platform_sku));
    if (line_qty <= 0)
        throw InvalidInput(trf("Platform SKU \"{0}\": quantity must be positive, got {1}",
                               mapping.platform_sku, std::to_string(line_qty)));
    std::vector<SkuComponent> out;
    for (const SkuComponent& c : mapping.components) {
        if (c.qty <= 0)
            throw InvalidInput(trf("Platform SKU \"{0}\": bundle quantity must be positive",
                                   mapping.platform_sku));
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const SkuComponent& o) { return o.sku_id == c.sku_id; });
        if (it == out.end())
            out.push_back({c.sku_id, c.qty * line_qty});
        else
            it->qty += c.qty * line_qty;
    }
    return out;
}

}  // namespace dj
