#pragma once

#include <atomic>

namespace dj {

// How far a long operation (a sync, an import, a report) has come, and whether the person asked
// to stop it: shared between the worker doing it and the window showing it. The operation checks
// `cancel` between its steps and stops cleanly at the next one; what it committed stays.
struct Progress {
    std::atomic<bool> cancel{false};
    std::atomic<long> done{0};
    std::atomic<long> total{0};
};

}  // namespace dj
