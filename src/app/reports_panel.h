#pragma once

#include <memory>
#include <string>

#include "app/view.h"

class wxListCtrl;
class wxChoice;
class wxStaticText;

namespace dj::reports {
struct ReportDocument;
}

namespace dj::app {

// 报表: stock valuation now, and the month-end stock report (opening, in, out, closing) shown
// by warehouse and exported as PDF, Excel or CSV — computed off the UI thread.
class ReportsPanel : public View {
  public:
    ReportsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    void show_month_end();
    void export_month_end(const wxString& extension, const wxString& filter);
    std::string selected_month() const;

    wxListCtrl* valuation_ = nullptr;
    wxChoice* month_ = nullptr;
    wxListCtrl* month_end_ = nullptr;
    wxStaticText* month_status_ = nullptr;
    bool loading_ = false;
};

}  // namespace dj::app
