#pragma once

#include <wx/dialog.h>

#include <string>
#include <vector>

#include "app/app_context.h"
#include "core/purchasing/restock_line.h"
#include "core/stock/warehouse.h"

class wxChoice;
class wxDataViewListCtrl;
class wxStaticText;

namespace dj::app {

// 按补货建议下单: the SKUs whose stock position fell below the reorder point, with what would be
// ordered from whom; ordering makes one purchase order per supplier and warehouse
// (ops::approve_restock). SKUs without a supplier are listed and left out.
class RestockDialog : public wxDialog {
  public:
    RestockDialog(wxWindow* parent, AppContext& ctx);
    // The first order made, after OK.
    const std::string& first_created() const { return first_created_; }

  private:
    void show_lines();
    void on_order(wxCommandEvent& event);

    AppContext& ctx_;
    std::vector<Warehouse> warehouses_;
    std::vector<RestockLine> lines_;
    wxChoice* warehouse_ = nullptr;
    wxDataViewListCtrl* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    std::string first_created_;
};

}  // namespace dj::app
