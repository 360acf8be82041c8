#pragma once

#include <vector>

#include "core/base/types.h"

namespace dj {

// Half-open time range [start, end) in UTC seconds.
struct TimeWindow {
    Timestamp start = 0;
    Timestamp end = 0;
};

// The stretch a sync must cover: from a little before the cursor (orders modified while the
// last sync ran are caught again; upserts make that harmless) up to `until`.
TimeWindow sync_span(Timestamp cursor, Timestamp until, Timestamp overlap);

// Cuts a span into consecutive windows no longer than `max_length` (the platform's limit).
std::vector<TimeWindow> split_windows(const TimeWindow& span, Timestamp max_length);

}  // namespace dj
