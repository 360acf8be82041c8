#pragma once

#include <wx/dialog.h>

#include "app/app_context.h"
#include "ops/shop_queries.h"

class wxTextCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxChoice;

namespace dj::app {

// Connects a store to its platform (forms/store_dialog.xrc); saved and audited on OK.
class StoreDialog : public wxDialog {
  public:
    StoreDialog(wxWindow* parent, AppContext& ctx, const ops::StoreOverview& store);

  private:
    void on_save(wxCommandEvent& event);

    AppContext& ctx_;
    ShopStore store_;
    wxTextCtrl* app_key_;
    wxTextCtrl* app_secret_;
    wxTextCtrl* token_;
    wxTextCtrl* endpoint_;
    wxSpinCtrl* share_;
    wxSpinCtrl* buffer_;
    wxChoice* split_policy_;
    wxStaticText* error_;
};

}  // namespace dj::app
