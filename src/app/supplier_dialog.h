#pragma once

#include <wx/dialog.h>

#include <vector>

#include "app/app_context.h"
#include "core/stock/catalogue.h"

class wxDataViewListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// The suppliers: a list, and a form that adds one or changes the selected one (name, lead time,
// order multiple) through ops::save_supplier.
class SupplierDialog : public wxDialog {
  public:
    SupplierDialog(wxWindow* parent, AppContext& ctx);
    int saved() const { return saved_; }

  private:
    void show_list();
    void save();

    AppContext& ctx_;
    std::vector<Supplier> suppliers_;
    wxDataViewListCtrl* list_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxSpinCtrl* lead_ = nullptr;
    wxSpinCtrl* multiple_ = nullptr;
    wxStaticText* message_ = nullptr;
    int saved_ = 0;
};

}  // namespace dj::app
