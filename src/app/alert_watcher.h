#pragma once

#include <wx/timer.h>

#include <deque>
#include <functional>
#include <memory>
#include <utility>

#include "app/app_context.h"
#include "core/base/types.h"

class wxNotificationMessageBase;
class wxWindow;

namespace dj {
struct WatchRound;
}

namespace dj::app {

// Keeps alerts and their notifications moving while the program runs. Every minute a round
// (sync/alert_watch.h) runs on a worker: the full alert evaluation every 15 minutes (the
// time-based kinds), the notification outbox to the group robots and mail servers, and the
// desktop channels' messages, which come back here to be shown as native notifications
// (libnotify on Linux, wx's own popup when no notification service answers) and are then
// marked sent.
class AlertWatcher {
  public:
    // `changed` is called on the UI thread after a round that changed alerts or channels.
    AlertWatcher(wxWindow* owner, AppContext& ctx, std::function<void()> changed);
    ~AlertWatcher();
    AlertWatcher(const AlertWatcher&) = delete;
    AlertWatcher& operator=(const AlertWatcher&) = delete;

    // The first round at once (what waited while the program was closed), then every minute;
    // the first evaluation a minute after the start, so opening the program stays quick.
    void start();

  private:
    void round();
    void finish(WatchRound& round);
    void notify(const wxString& title, const wxString& body);

    wxWindow* owner_;
    AppContext& ctx_;
    std::function<void()> changed_;
    wxTimer timer_;
    bool busy_ = false;
    Timestamp next_evaluation_ = 0;
    // The last notifications shown, alive a while (libnotify tells the object that showed one
    // when it closes); wx's own popups among them (true) close with the program.
    std::deque<std::pair<std::unique_ptr<wxNotificationMessageBase>, bool>> shown_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace dj::app
