#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/periods/period.h"
#include "core/periods/stock_report.h"

namespace dj {

class Database;
namespace sql {
class Statement;
}

struct ClosedPeriod {
    std::string month;  // "YYYY-MM"
    Timestamp start = 0;
    Timestamp end = 0;
    Timestamp closed_at = 0;
    std::string closed_by;
};

// Closed months and their snapshots (schema v3). Writes happen inside the caller's transaction.
std::vector<ClosedPeriod> closed_periods(Database& db);  // oldest first
std::optional<ClosedPeriod> closed_period(Database& db, const std::string& month);
// The latest closed month ending at or before `at`, if any.
std::optional<ClosedPeriod> last_closed_before(Database& db, Timestamp at);
ClosedThrough closed_through(Database& db);
// The same read through `s`, a statement of kClosedThroughSql (prefetched with others, say).
extern const char* const kClosedThroughSql;
ClosedThrough closed_through(sql::Statement& s);
// Shop-time months "YYYY-MM" that have movements, oldest first.
std::vector<std::string> ledger_months(Database& db);

void insert_closed_period(Database& db, const ClosedPeriod& period,
                          const std::vector<StockReportRow>& rows);
// Deletes the month's record and snapshot.
void delete_closed_period(Database& db, const std::string& month);
std::vector<StockReportRow> load_snapshot(Database& db, const std::string& month);

}  // namespace dj
