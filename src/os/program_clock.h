#pragma once

#include <memory>

#include "core/base/clock.h"

namespace dj::os {

// The computer's clock. Only the programs (and request signing at the platforms' edge) read it.
class SystemClock final : public Clock {
  public:
    Timestamp now() const override;
};

// Runs with the computer's clock from a chosen start.
class ShiftedClock final : public Clock {
  public:
    explicit ShiftedClock(Timestamp start);
    Timestamp now() const override;

  private:
    Timestamp shift_;
};

// How a program lives: a command is one instant; the window and the simulator run for hours, so
// their timers must still come due.
enum class ProgramKind { command, long_running };

// The program's clock. DIANJIA_NOW (ISO 8601 with offset, e.g. 2027-03-01T09:00:00+08:00) sets
// "now" for support, demos and tests: a command sees exactly that instant, a long-running
// program starts there and runs on. Without it, the computer's clock. Throws InvalidInput naming
// DIANJIA_NOW when it is not a time.
std::unique_ptr<Clock> program_clock(ProgramKind kind);

}  // namespace dj::os
