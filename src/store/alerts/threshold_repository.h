#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/alerts/stock_thresholds.h"
#include "core/base/actor.h"

namespace dj {

class Database;
namespace sql {
class Statement;
}

// Every threshold set in the shop, read at once (the table is small).
ThresholdBook load_thresholds(Database& db);

// The same, asked for when made and read when first needed: a shop server answers it with the
// next query that needs an answer, in the same round trip.
class ThresholdsAhead {
  public:
    explicit ThresholdsAhead(Database& db);
    ~ThresholdsAhead();
    ThresholdsAhead(const ThresholdsAhead&) = delete;
    ThresholdsAhead& operator=(const ThresholdsAhead&) = delete;
    const ThresholdBook& book();

  private:
    std::unique_ptr<sql::Statement> query_;
    std::optional<ThresholdBook> book_;
};

// Sets (value) or clears (nullopt) a threshold for the shop, a warehouse, a SKU or a SKU in
// one warehouse (empty codes mean "every"). NotFound names a wrong code.
void save_threshold(Database& db, Threshold t, const std::string& sku, const std::string& warehouse,
                    std::optional<std::int64_t> value);

}  // namespace dj
