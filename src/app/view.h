#pragma once

#include <wx/panel.h>

#include <memory>
#include <string>
#include <vector>

#include "app/affected_by.h"
#include "app/app_context.h"

namespace dj::app {

// One page of the main window.
class View : public wxPanel {
  public:
    View(wxWindow* parent, AppContext& ctx) : wxPanel(parent), ctx_(ctx) {}
    // Reads what it shows from the database again (off the UI thread when it takes long).
    virtual void reload() = 0;
    // The toolbar's search box, for views that can filter.
    virtual void search(const wxString&) {}
    virtual bool loading() const { return false; }
    // Shows only a named part of what it has (the dashboard's figures open these: "short"
    // orders, "low" stock…); views without parts ignore it.
    virtual void show_subset(const std::string&) {}
    // Column widths and such, kept between sessions under this key.
    virtual void save_state() {}
    // The tables what it shows is read from, so a change another workstation made elsewhere
    // does not reload it; none named: every change does.
    virtual std::vector<std::string> reads() const { return {}; }

  protected:
    // Held while the view exists: background results for a closed view are dropped.
    std::weak_ptr<void> alive() const { return alive_; }
    AppContext& ctx_;

  private:
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace dj::app
