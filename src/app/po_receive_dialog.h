#pragma once

#include <wx/dialog.h>

#include <string>
#include <vector>

#include "app/app_context.h"
#include "core/purchasing/purchase_order.h"
#include "core/stock/catalogue.h"

class wxDataViewListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// Receiving a purchase order: each scan of a SKU's barcode or code counts one unit on its line;
// the selected line's quantity, location, batch and expiry can be typed. A SKU that came in two
// batches gets a second line. Books everything at once through ops::receive_purchase_order; an
// expired batch goes in only after the person confirms it.
class PoReceiveDialog : public wxDialog {
  public:
    PoReceiveDialog(wxWindow* parent, AppContext& ctx, const PurchaseOrder& order);

  private:
    struct Row {
        std::string sku;
        std::string name;
        Qty open = 0;  // of the order line, shared by every row of the SKU
        Qty qty = 0;
        std::string location, batch, expiry;
    };
    void scanned();
    void split_row();
    void all_arrived();
    void store_editors();
    void load_editors();
    void show_row(std::size_t i);
    void select(std::size_t i);
    Qty counted(const std::string& sku) const;
    void on_receive(wxCommandEvent& event);
    void say(const wxString& text, bool problem);

    AppContext& ctx_;
    PurchaseOrder order_;
    std::vector<Sku> catalogue_;
    std::vector<Row> rows_;
    std::size_t current_ = 0;
    wxTextCtrl* scan_ = nullptr;
    wxDataViewListCtrl* list_ = nullptr;
    wxSpinCtrl* qty_ = nullptr;
    wxTextCtrl* location_ = nullptr;
    wxTextCtrl* batch_ = nullptr;
    wxTextCtrl* expiry_ = nullptr;
    wxStaticText* message_ = nullptr;
};

}  // namespace dj::app
