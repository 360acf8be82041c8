#pragma once

#include <string>

#include "app/view.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

class wxListCtrl;
class wxStaticText;
class wxPanel;

namespace dj::app {

// 工作台: today's orders, what must ship soon, what is stuck, and stock at a glance.
class DashboardPanel : public View {
  public:
    DashboardPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    struct Figures {
        DashboardFigures dashboard;
        std::size_t attention = 0;
    };
    // A figure with its caption; a click opens `view` showing just what it counts (`subset`).
    wxPanel* tile(const wxString& caption, wxStaticText*& number, const wxColour& colour,
                  const std::string& view, const std::string& subset);
    void show(const Figures& f);

    wxListCtrl* today_ = nullptr;
    wxStaticText* open_ = nullptr;
    wxStaticText* due_ = nullptr;
    wxStaticText* overdue_ = nullptr;
    wxStaticText* short_ = nullptr;
    wxStaticText* intercepts_ = nullptr;
    wxStaticText* held_ = nullptr;
    wxStaticText* unmapped_ = nullptr;
    wxStaticText* enough_ = nullptr;
    wxStaticText* low_ = nullptr;
    wxStaticText* out_ = nullptr;
    wxStaticText* alerts_ = nullptr;
    bool loading_ = false;
};

}  // namespace dj::app
