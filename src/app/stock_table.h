#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "core/stock/stock_level.h"

namespace dj {

class Database;

struct StockViewRow {
    std::string sku;
    std::string name;
    std::string warehouse;
    Qty on_hand = 0;
    Qty reserved = 0;
    Qty available = 0;
    Qty in_transit = 0;
    Fen avg_cost = 0;
    Fen value = 0;              // on hand at the average
    bool costs_hidden = false;  // the user may not see costs: both are zero, shown as ***
    StockLevel level = StockLevel::enough;
    std::string haystack;
    bool operator==(const StockViewRow&) const = default;
};

enum class StockColumn {
    sku,
    name,
    warehouse,
    on_hand,
    reserved,
    available,
    in_transit,
    avg_cost,
    value,
    level,
    count
};

struct StockQuery {
    std::string warehouse;
    std::string text;
    bool problems_only = false;       // low or out
    std::optional<StockLevel> level;  // only this level (a dashboard figure)
    StockColumn sort = StockColumn::sku;
    bool ascending = true;
};

class StockTable {
  public:
    // As `actor` may see it: costs zero for those without costs.see.
    static std::vector<StockViewRow> read(Database& db, const Actor& actor);
    void load(std::vector<StockViewRow> rows);
    void apply(const StockQuery& query);
    std::size_t size() const { return index_.size(); }
    const StockViewRow& row(std::size_t visible) const { return rows_[index_[visible]]; }

  private:
    std::vector<StockViewRow> rows_;
    std::vector<std::uint32_t> index_;
};

}  // namespace dj
