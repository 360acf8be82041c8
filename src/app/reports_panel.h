#pragma once

#include "app/view.h"

class wxListCtrl;

namespace dj::app {

// 报表: what the stock is worth now, per warehouse, at the moving average cost.
class ReportsPanel : public View {
public:
    ReportsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;

private:
    wxListCtrl* valuation_ = nullptr;
};

}  // namespace dj::app
