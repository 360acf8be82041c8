#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "store/base/sql.h"

namespace dj {

class Database;

// Runs `sql` once for every SKU in `sku_ids`, or once for all SKUs when it is empty, so the
// evaluation after a movement reads a few SKUs by index while a full run reads each table once.
// "{sku}" in `sql` becomes "AND <sku_column> = :sku" or nothing. `bind` binds the other
// parameters before each run; `row` sees every result row. The SKU id must be the first column:
// for many SKUs one unfiltered run whose other rows are skipped beats a lookup per SKU.
void for_each_sku(Database& db, const std::vector<Id>& sku_ids, std::string sql,
                  const char* sku_column, const std::function<void(sql::Statement&)>& bind,
                  const std::function<void(sql::Statement&)>& row);

}  // namespace dj
