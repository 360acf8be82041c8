#pragma once

#include <wx/dialog.h>

#include <vector>

#include "app/app_context.h"
#include "core/stock/catalogue.h"

class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// A SKU's form: code (fixed once it exists), name, spec, unit, barcodes, weight, cost in yuan,
// shelf life and supplier. Saves through ops::save_sku; a refusal is shown inline.
class SkuDialog : public wxDialog {
  public:
    // `sku`: the SKU to edit, or none for a new one.
    SkuDialog(wxWindow* parent, AppContext& ctx, const Sku* sku);

  private:
    void on_save(wxCommandEvent& event);

    AppContext& ctx_;
    Sku sku_;
    std::vector<Supplier> suppliers_;
    wxTextCtrl* code_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* spec_ = nullptr;
    wxTextCtrl* unit_ = nullptr;
    wxTextCtrl* barcodes_ = nullptr;
    wxSpinCtrl* weight_ = nullptr;
    wxTextCtrl* cost_ = nullptr;
    wxSpinCtrl* shelf_life_ = nullptr;
    wxChoice* supplier_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace dj::app
