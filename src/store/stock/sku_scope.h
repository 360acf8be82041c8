#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/base/types.h"
#include "store/base/sql.h"

namespace dj {

class Database;

// Runs `sql` once for every SKU in `sku_ids`, or once for all SKUs when it is empty, so the
// evaluation after a movement reads a few SKUs by index while a full run reads each table once.
// "{sku}" in `sql` becomes "AND <sku_column> = :sku" or nothing. `bind` binds the other
// parameters of each run. The SKU id must be the first column: for many SKUs one unfiltered run
// whose other rows are skipped beats a lookup per SKU.
// The runs are sent when the scan is made (Statement::prefetch): scans made one after another
// and read afterwards cost a shop server one round trip.
class SkuScan {
  public:
    SkuScan(Database& db, const std::vector<Id>& sku_ids, std::string sql, const char* sku_column,
            const std::function<void(sql::Statement&)>& bind);
    // Every result row, run after run.
    void rows(const std::function<void(sql::Statement&)>& row);

  private:
    std::vector<std::unique_ptr<sql::Statement>> runs_;
    std::optional<std::unordered_set<Id>> wanted_;  // the SKUs asked for, of an unfiltered run
};

// A scan read at once.
void for_each_sku(Database& db, const std::vector<Id>& sku_ids, std::string sql,
                  const char* sku_column, const std::function<void(sql::Statement&)>& bind,
                  const std::function<void(sql::Statement&)>& row);

}  // namespace dj
