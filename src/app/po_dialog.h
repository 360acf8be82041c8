#pragma once

#include <wx/dialog.h>

#include <string>
#include <vector>

#include "app/app_context.h"
#include "core/stock/catalogue.h"
#include "ops/purchasing.h"

class wxChoice;
class wxDataViewListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// A purchase order by hand: the supplier, the warehouse the goods go to, the day they are due
// and its lines (a SKU typed or scanned, its quantity and price in yuan, empty for the last
// purchase price). Creates it through ops::create_purchase_order; a refusal is shown inline.
class PoDialog : public wxDialog {
  public:
    PoDialog(wxWindow* parent, AppContext& ctx);
    const std::string& created() const { return created_; }  // its number, after OK

  private:
    void add_line();
    void remove_line();
    void show_lines();
    void on_create(wxCommandEvent& event);
    void refuse(const std::string& why);

    AppContext& ctx_;
    std::vector<Supplier> suppliers_;
    std::vector<std::string> warehouses_;
    std::vector<Sku> catalogue_;
    std::vector<ops::PoLineRequest> lines_;
    wxChoice* supplier_ = nullptr;
    wxChoice* warehouse_ = nullptr;
    wxTextCtrl* expected_ = nullptr;
    wxTextCtrl* sku_ = nullptr;
    wxSpinCtrl* qty_ = nullptr;
    wxTextCtrl* cost_ = nullptr;
    wxDataViewListCtrl* line_list_ = nullptr;
    wxStaticText* error_ = nullptr;
    std::string created_;
};

}  // namespace dj::app
