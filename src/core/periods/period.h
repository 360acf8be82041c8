#pragma once

#include <string>
#include <string_view>

#include "core/base/error.h"
#include "core/base/types.h"

namespace dj {

// A reporting period in shop time: [start, end) in UTC seconds. A calendar month carries its
// "YYYY-MM" name; a free date range carries its dates.
struct Period {
    Timestamp start = 0;
    Timestamp end = 0;
    std::string month;  // "2026-10", empty for a free date range
    std::string first_day;
    std::string last_day;  // inclusive

    // "2026-10" or "2026-10-01 – 2026-10-15"
    std::string label() const;
};

// "YYYY-MM" → that calendar month in shop time. Throws InvalidInput naming `what`.
Period month_period(std::string_view month, std::string_view what);
// Inclusive shop-time dates "YYYY-MM-DD"; `to` must not be before `from`.
Period date_range_period(std::string_view from, std::string_view to);
// A report of a period that has not begun yet would be empty and mislead: InvalidInput naming
// the period and today (shop time) when `period` starts after `now`.
void require_begun(const Period& period, Timestamp now);
// The month before / after a "YYYY-MM".
std::string previous_month(std::string_view month);
std::string next_month(std::string_view month);

// How far the books are closed: no movement may be dated before `end`, the end of the latest
// closed month `month`. Empty month: nothing is closed.
struct ClosedThrough {
    Timestamp end = 0;
    std::string month;
};

// A movement dated inside a closed period.
class PeriodClosed : public Error {
  public:
    using Error::Error;
};

// Throws PeriodClosed when `at` falls before closed.end, naming the period and how to reopen it.
void require_open_period(const ClosedThrough& closed, Timestamp at, std::string_view sku_label);

}  // namespace dj
