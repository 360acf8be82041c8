#include "app/stock_table.h"

#include <algorithm>

#include "core/base/money.h"
#include "core/base/text.h"
#include "ops/cost_visibility.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

namespace dj {

std::vector<StockViewRow> StockTable::read(Database& db, const Actor& actor) {
    auto demand = ops::recent_daily_demand(db);
    std::vector<StockViewRow> rows;
    StockFilter every_place;
    every_place.with_empty = true;  // out of stock is a row to see, not a gap
    for (const StockRow& s : ops::list_stock(db, actor, every_place)) {
        StockViewRow r;
        r.sku = s.sku;
        r.name = s.sku_name;
        r.warehouse = s.warehouse;
        r.on_hand = s.on_hand;
        r.reserved = s.reserved;
        r.available = s.available;
        r.in_transit = s.in_transit;
        r.avg_cost = s.avg_cost;
        r.value = s.on_hand * s.avg_cost;
        r.costs_hidden = !ops::sees_costs(actor);
        auto it = demand.find({s.sku, s.warehouse});
        r.level = classify_stock(s.available, it == demand.end() ? 0.0 : it->second);
        r.haystack = lower_ascii(s.sku + " " + s.sku_name);
        rows.push_back(std::move(r));
    }
    return rows;
}

void StockTable::load(std::vector<StockViewRow> rows) {
    rows_ = std::move(rows);
    index_.clear();
}

void StockTable::apply(const StockQuery& q) {
    std::string needle = lower_ascii(q.text);
    index_.clear();
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
        const StockViewRow& r = rows_[i];
        if (!q.warehouse.empty() && r.warehouse != q.warehouse) continue;
        if (q.problems_only && r.level == StockLevel::enough) continue;
        if (q.level && r.level != *q.level) continue;
        if (!needle.empty() && r.haystack.find(needle) == std::string::npos) continue;
        index_.push_back(i);
    }
    auto less = [&](const StockViewRow& a, const StockViewRow& b) {
        switch (q.sort) {
            case StockColumn::name:
                return a.name < b.name;
            case StockColumn::warehouse:
                return a.warehouse < b.warehouse;
            case StockColumn::on_hand:
                return a.on_hand < b.on_hand;
            case StockColumn::reserved:
                return a.reserved < b.reserved;
            case StockColumn::available:
                return a.available < b.available;
            case StockColumn::in_transit:
                return a.in_transit < b.in_transit;
            case StockColumn::avg_cost:
                return a.avg_cost < b.avg_cost;
            case StockColumn::value:
                return a.value < b.value;
            case StockColumn::level:
                return static_cast<int>(a.level) > static_cast<int>(b.level);
            case StockColumn::sku:
            case StockColumn::count:
                break;
        }
        return a.sku < b.sku || (a.sku == b.sku && a.warehouse < b.warehouse);
    };
    std::stable_sort(index_.begin(), index_.end(), [&](std::uint32_t x, std::uint32_t y) {
        return q.ascending ? less(rows_[x], rows_[y]) : less(rows_[y], rows_[x]);
    });
}

}  // namespace dj
