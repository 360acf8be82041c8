#include "core/alerts/stock_analysis.h"

#include <algorithm>
#include <map>

namespace dj {

std::vector<SkuTurnover> turnover_by_sku(const StockReport& report) {
    std::map<Id, SkuTurnover> by_sku;
    for (const StockReportRow& r : report.rows) {
        SkuTurnover& t = by_sku[r.sku_id];
        t.sku_id = r.sku_id;
        t.shipped += r.flow(Flow::shipment);
        t.opening += r.opening;
        t.closing += r.closing;
    }
    double days = static_cast<double>(report.period.end - report.period.start) / 86400.0;
    std::vector<SkuTurnover> out;
    for (auto& [id, t] : by_sku) {
        double average_value = (t.opening.value + t.closing.value) / 2.0;
        if (average_value > 0) t.turnover = t.shipped.value / average_value;
        if (t.shipped.qty > 0 && days > 0) t.days_of_cover = t.closing.qty / (t.shipped.qty / days);
        t.slow_mover = t.closing.qty > 0 && (!t.days_of_cover || *t.days_of_cover > kSlowMoverDays);
        out.push_back(t);
    }
    return out;
}

std::vector<AbcEntry> abc_classes(const StockReport& report) {
    std::map<Id, AbcEntry> by_sku;
    for (const StockReportRow& r : report.rows) {
        AbcEntry& e = by_sku[r.sku_id];
        e.sku_id = r.sku_id;
        e.shipped_value += r.flow(Flow::shipment).value;
        e.shipped_qty += r.flow(Flow::shipment).qty;
    }
    std::vector<AbcEntry> out;
    Fen total = 0;
    for (auto& [id, e] : by_sku) {
        out.push_back(e);
        total += std::max<Fen>(e.shipped_value, 0);
    }
    std::sort(out.begin(), out.end(), [](const AbcEntry& a, const AbcEntry& b) {
        return a.shipped_value != b.shipped_value ? a.shipped_value > b.shipped_value
                                                  : a.sku_id < b.sku_id;
    });
    Fen before = 0;
    for (AbcEntry& e : out) {
        if (total <= 0 || e.shipped_value <= 0) {
            e.abc_class = 'C';
            continue;
        }
        // Integer comparison so a SKU exactly on the 80 % line is classed the same everywhere.
        if (before * 100 < total * 80)
            e.abc_class = 'A';
        else if (before * 100 < total * 95)
            e.abc_class = 'B';
        else
            e.abc_class = 'C';
        before += e.shipped_value;
        e.share = static_cast<double>(e.shipped_value) / static_cast<double>(total);
        e.cumulative = static_cast<double>(before) / static_cast<double>(total);
    }
    return out;
}

}  // namespace dj
