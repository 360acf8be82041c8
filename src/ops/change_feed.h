#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/base/clock.h"

namespace dj::ops {

// What another program on the shop changed, as it happens: a window on one workstation shows a
// movement, an order's status or a new alert made on another without F5. A thread of its own
// with its own connection listens (PostgreSQL: LISTEN/NOTIFY; a SQLite file: its data version)
// and reports the changed tables. A lost connection is reported and tried again every few
// seconds; once back, everything counts as changed (what happened meanwhile was not heard).
class ChangeFeed {
  public:
    struct Handlers {
        std::function<void(const std::vector<std::string>& tables)> changed;  // "*": any
        // Connected or not, and why not (for the status bar).
        std::function<void(bool connected, const std::string& problem)> connection;
    };
    // Handlers run on the feed's thread. `clock` must outlive the feed.
    ChangeFeed(std::string location, const Clock& clock, Handlers handlers);
    ~ChangeFeed();  // stops and joins within about half a second
    ChangeFeed(const ChangeFeed&) = delete;
    ChangeFeed& operator=(const ChangeFeed&) = delete;

  private:
    void run();

    std::string location_;
    const Clock& clock_;
    Handlers handlers_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace dj::ops
