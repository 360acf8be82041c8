#pragma once

#include "core/base/clock.h"

namespace dj::test {

// The suites' "now": 2026-11-24 13:04:16 shop time (05:04:16 UTC). Tests date their data from
// it, never from the computer's clock, so the suite passes on any date in any time zone. The
// programs the tests start get the same instant through DIANJIA_NOW (tests/CMakeLists.txt).
inline constexpr Timestamp kNow = 1795496656;
inline constexpr const char* kNowText = "2026-11-24T13:04:16+08:00";

// A clock that stays at kNow, for databases whose test does not move time.
inline const Clock& fixed_clock() {
    static const FixedClock clock(kNow);
    return clock;
}

}  // namespace dj::test
