#pragma once

#include <map>
#include <vector>

#include "app/view.h"
#include "core/alerts/alert.h"
#include "core/alerts/notify_channel.h"

class wxListCtrl;
class wxStaticText;
class wxCheckBox;

namespace dj::app {

// 预警: the alert centre — low and out of stock, overstock, expiring and expired batches,
// stagnant stock, count losses, oversold orders — to acknowledge or snooze; "Check now" runs
// the time-based rules off the UI thread. Below, the notification channels with what waits
// for them and their last error.
class AlertsPanel : public View {
  public:
    AlertsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    struct Data {
        std::vector<Alert> alerts;
        std::vector<NotifyChannel> channels;
        std::map<Id, int> pending;
    };

    void show(const std::vector<Alert>& alerts);
    void show_channels(const Data& data);
    void check_now();
    void acknowledge();
    void snooze();
    const Alert* selected() const;

    wxListCtrl* list_ = nullptr;
    wxListCtrl* channels_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxCheckBox* resolved_ = nullptr;
    std::vector<Alert> alerts_;
    bool loading_ = false;
};

}  // namespace dj::app
