#pragma once

#include <memory>
#include <string>

#include "app/view.h"

class wxListCtrl;
class wxButton;
class wxChoice;
class wxStaticText;

namespace dj::reports {
struct ReportDocument;
}

namespace dj::app {

// 报表: stock valuation now, and the month-end stock report (opening, in, out, closing) shown
// by warehouse and exported as PDF, Excel or CSV — computed off the UI thread; the month is
// closed (结账) and reopened (反结账, with a reason) here.
class ReportsPanel : public View {
  public:
    ReportsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    void show_month_end();
    void export_month_end(const wxString& extension, const wxString& filter);
    std::string selected_month() const;
    // 已结账 or not, by whom and when, and which of 结账 / 反结账 applies.
    void show_period_state();
    void close_month();
    void reopen_month();

    wxListCtrl* valuation_ = nullptr;
    wxChoice* month_ = nullptr;
    wxListCtrl* month_end_ = nullptr;
    wxStaticText* month_status_ = nullptr;
    wxStaticText* period_state_ = nullptr;
    wxButton* close_ = nullptr;
    wxButton* reopen_ = nullptr;
    bool loading_ = false;
};

}  // namespace dj::app
