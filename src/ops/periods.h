#pragma once

#include <string>
#include <vector>

#include "core/base/actor.h"
#include "core/base/types.h"
#include "store/periods/period_repository.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Closing and reopening months. Closing stores the month's report as its snapshot and locks
// every movement dated before the month's end; a month still running (by the database's clock)
// cannot be closed. Reopening needs a reason, reopens the month and every later closed month
// (their openings depend on it) and is audited. Each is one transaction.
ClosedPeriod close_period(Database& db, const Actor& actor, const std::string& month);
// Returns the months reopened, oldest first.
std::vector<std::string> reopen_period(Database& db, const Actor& actor, const std::string& month,
                                       const std::string& reason);

}  // namespace dj::ops
