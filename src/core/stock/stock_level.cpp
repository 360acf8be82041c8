#include "core/stock/stock_level.h"

namespace dj {

StockLevel classify_stock(Qty available, double daily_demand, int cover_days) {
    if (available <= 0) return StockLevel::out;
    if (daily_demand > 0 && static_cast<double>(available) < daily_demand * cover_days)
        return StockLevel::low;
    return StockLevel::enough;
}

std::string_view stock_level_code(StockLevel level) {
    switch (level) {
        case StockLevel::enough:
            return "enough";
        case StockLevel::low:
            return "low";
        case StockLevel::out:
            return "out";
    }
    return "enough";
}

}  // namespace dj
