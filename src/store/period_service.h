#pragma once

#include <string>
#include <vector>

#include "core/actor.h"
#include "core/types.h"
#include "store/period_repository.h"

namespace dj {

class Database;

// Closing and reopening months. Closing stores the month's report as its snapshot and locks
// every movement dated before the month's end; reopening needs a reason, reopens the month and
// every later closed month (their openings depend on it) and is audited.
class PeriodService {
  public:
    PeriodService(Database& db, Actor actor) : db_(db), actor_(std::move(actor)) {}

    // `now` decides whether the month is over; a month still running cannot be closed.
    ClosedPeriod close(const std::string& month, Timestamp now);
    // Returns the months reopened, oldest first.
    std::vector<std::string> reopen(const std::string& month, const std::string& reason);

  private:
    Database& db_;
    Actor actor_;
};

}  // namespace dj
