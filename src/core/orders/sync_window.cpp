#include "core/orders/sync_window.h"

#include <algorithm>

namespace dj {

TimeWindow sync_span(Timestamp cursor, Timestamp until, Timestamp overlap) {
    Timestamp start = std::max<Timestamp>(0, cursor - overlap);
    return {std::min(start, until), until};
}

std::vector<TimeWindow> split_windows(const TimeWindow& span, Timestamp max_length) {
    std::vector<TimeWindow> windows;
    Timestamp step = std::max<Timestamp>(1, max_length);
    for (Timestamp t = span.start; t < span.end; t += step)
        windows.push_back({t, std::min(span.end, t + step)});
    return windows;
}

}  // namespace dj
