#pragma once

#include "app/view.h"
#include "store/dashboard_queries.h"

class wxListCtrl;
class wxStaticText;

namespace dj::app {

// 预警: what needs a person now — stock out or low, batches expiring, orders that cannot ship.
class AlertsPanel : public View {
  public:
    AlertsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    void show(const std::vector<Attention>& items);
    wxListCtrl* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    bool loading_ = false;
};

}  // namespace dj::app
