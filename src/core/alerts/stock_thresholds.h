#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "core/base/types.h"

namespace dj {

// The named figures alert rules and restock read. Each has a built-in default; the shop may set
// its own, a warehouse overrides the shop's, a SKU overrides the warehouse's, and a SKU in one
// warehouse overrides them all.
enum class Threshold {
    expiry_days,         // warn when a batch expires within this many days (default 30)
    stagnant_days,       // warn when nothing shipped for this many days (default 60)
    count_loss_percent,  // warn when a count takes away more than this % of on hand (default 10)
    max_stock,           // overstock above this on hand; 0 = no maximum (default)
    safety_stock,        // manual SS; unset = computed
    reorder_point,       // manual ROP; unset = computed
    service_z_milli,     // z × 1000 (default 1645, 95 % service level)
    review_days,         // review period R (default 7)
};

std::string_view threshold_code(Threshold t);
std::optional<Threshold> parse_threshold(std::string_view code);
// The built-in value; none for the manual restock figures.
std::optional<std::int64_t> threshold_default(Threshold t);

class ThresholdBook {
  public:
    // sku_id 0 / warehouse_id 0 mean "every SKU" / "every warehouse".
    void set(Threshold t, Id sku_id, Id warehouse_id, std::int64_t value);
    // The most specific value set for this SKU × warehouse, else the default.
    std::optional<std::int64_t> get(Threshold t, Id sku_id, Id warehouse_id) const;
    std::int64_t value(Threshold t, Id sku_id, Id warehouse_id) const {
        return get(t, sku_id, warehouse_id).value_or(0);
    }

  private:
    std::map<std::tuple<Threshold, Id, Id>, std::int64_t> values_;
};

}  // namespace dj
