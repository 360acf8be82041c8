#pragma once

#include <vector>

#include "app/view.h"
#include "core/purchasing/purchase_order.h"

class wxButton;
class wxCheckBox;
class wxDataViewListCtrl;
class wxStaticText;

namespace dj::app {

// 采购: the purchase orders, newest first, with their lines. A person orders by hand or from the
// restock suggestions, receives what arrived by scanning it (batch, expiry and place per line),
// cancels an order nothing came for or closes one whose rest will not come, and keeps the
// suppliers.
class PurchasingPanel : public View {
  public:
    PurchasingPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    // "open": only the orders still waiting for goods.
    void show_subset(const std::string& subset) override;

  private:
    const PurchaseOrder* selected() const;
    // Lists all_ (or the open ones), selecting the order numbered `keep` when it is there.
    void show_orders(const std::string& keep);
    void show_lines();
    void changed(const std::string& select_no);
    void create_order();
    void order_restock();
    void receive();
    void end_order(bool cancel);
    void edit_suppliers();

    std::vector<PurchaseOrder> all_;
    std::vector<const PurchaseOrder*> shown_;
    wxStaticText* summary_ = nullptr;
    wxCheckBox* open_only_ = nullptr;
    wxDataViewListCtrl* order_list_ = nullptr;
    wxDataViewListCtrl* line_list_ = nullptr;
    wxButton* receive_ = nullptr;
    wxButton* cancel_ = nullptr;
    wxButton* close_ = nullptr;
};

}  // namespace dj::app
