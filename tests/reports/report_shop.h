// The hand-computed shop of the report tests: CUP-1 (and TEA-1 from mid-September) moved
// through every kind of movement in September 2026, one transfer still in transit at the month
// end, and nothing in November. Figures are worked out in report_shop.cpp.
#pragma once

#include "core/base/clock.h"
#include "ops/stock_service.h"
#include "store/base/database.h"
#include "test_db.h"

namespace dj::test {

// Shop time "2026-09-03 10:00" → UTC seconds.
inline Timestamp shop_at(const char* text) {
    return parse_time(text, "test");
}

void build_report_shop(Database& db);

}  // namespace dj::test
