#include "core/alerts/stock_thresholds.h"

#include <array>

namespace dj {
namespace {

constexpr std::array<std::string_view, 8> kCodes{
    "expiry_days",  "stagnant_days", "count_loss_percent", "max_stock",
    "safety_stock", "reorder_point", "service_z_milli",    "review_days"};

}  // namespace

std::string_view threshold_code(Threshold t) {
    return kCodes[static_cast<std::size_t>(t)];
}

std::optional<Threshold> parse_threshold(std::string_view code) {
    for (std::size_t i = 0; i < kCodes.size(); ++i)
        if (kCodes[i] == code) return static_cast<Threshold>(i);
    return std::nullopt;
}

std::optional<std::int64_t> threshold_default(Threshold t) {
    switch (t) {
        case Threshold::expiry_days:
            return 30;
        case Threshold::stagnant_days:
            return 60;
        case Threshold::count_loss_percent:
            return 10;
        case Threshold::max_stock:
            return 0;
        case Threshold::service_z_milli:
            return 1645;
        case Threshold::review_days:
            return 7;
        case Threshold::safety_stock:
        case Threshold::reorder_point:
            return std::nullopt;
    }
    return std::nullopt;
}

void ThresholdBook::set(Threshold t, Id sku_id, Id warehouse_id, std::int64_t value) {
    values_[{t, sku_id, warehouse_id}] = value;
}

std::optional<std::int64_t> ThresholdBook::get(Threshold t, Id sku_id, Id warehouse_id) const {
    for (auto key : {std::tuple{t, sku_id, warehouse_id}, std::tuple{t, sku_id, Id{0}},
                     std::tuple{t, Id{0}, warehouse_id}, std::tuple{t, Id{0}, Id{0}}}) {
        auto it = values_.find(key);
        if (it != values_.end()) return it->second;
    }
    return threshold_default(t);
}

}  // namespace dj
