#pragma once

#include <wx/timer.h>

#include <functional>
#include <memory>

#include "app/app_context.h"

namespace dj::ops {
struct OutboxSent;
}

namespace dj::app {

// Sends what the shop owes the platforms (shipment confirmations, stock offers) while the program
// runs: at start, every minute, and at once when something was queued (a parcel shipped). Each
// round runs on a worker with its own connection; `shown` gets what was sent and what is still
// owed, on the UI thread.
class OutboxWatcher {
  public:
    OutboxWatcher(AppContext& ctx, std::function<void(const ops::OutboxSent&)> shown);
    ~OutboxWatcher();
    OutboxWatcher(const OutboxWatcher&) = delete;
    OutboxWatcher& operator=(const OutboxWatcher&) = delete;

    void start();
    // A round now, or right after the one running.
    void send_now();

  private:
    void round();

    AppContext& ctx_;
    std::function<void(const ops::OutboxSent&)> shown_;
    wxTimer timer_;
    bool busy_ = false;
    bool again_ = false;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace dj::app
