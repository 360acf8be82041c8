#pragma once

#include <wx/dialog.h>

#include <memory>

#include "app/app_context.h"
#include "ops/shop_queries.h"

class wxTextCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxChoice;

namespace dj::app {

// Connects a store to its platform (forms/store_dialog.xrc): the credentials can be tried
// before they are kept; saved and audited on OK.
class StoreDialog : public wxDialog {
  public:
    StoreDialog(wxWindow* parent, AppContext& ctx, const ops::StoreOverview& store);

  private:
    void on_save(wxCommandEvent& event);
    // Asks the platform with what is typed now (saved or not), off the UI thread.
    void test_connection();
    StoreConnection typed_connection() const;

    AppContext& ctx_;
    ShopStore store_;
    wxTextCtrl* app_key_;
    bool connected_ = false;  // the store has a connection stored
    wxTextCtrl* app_secret_;
    wxTextCtrl* token_;
    wxTextCtrl* endpoint_;
    wxSpinCtrl* share_;
    wxSpinCtrl* buffer_;
    wxChoice* split_policy_;
    wxStaticText* error_;
    wxStaticText* answer_;
    // Held while the dialog exists: a test's answer after it closed is dropped.
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace dj::app
