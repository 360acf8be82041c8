#include "os/program_clock.h"

#include <chrono>
#include <cstdlib>

namespace dj::os {
namespace {

Timestamp wall_clock() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

Timestamp SystemClock::now() const {
    return wall_clock();
}

ShiftedClock::ShiftedClock(Timestamp start) : shift_(start - wall_clock()) {}

Timestamp ShiftedClock::now() const {
    return wall_clock() + shift_;
}

std::unique_ptr<Clock> program_clock(ProgramKind kind) {
    const char* fixed = std::getenv("DIANJIA_NOW");
    if (!fixed || !*fixed) return std::make_unique<SystemClock>();
    Timestamp start = parse_time(fixed, "DIANJIA_NOW");
    if (kind == ProgramKind::long_running) return std::make_unique<ShiftedClock>(start);
    return std::make_unique<FixedClock>(start);
}

}  // namespace dj::os
