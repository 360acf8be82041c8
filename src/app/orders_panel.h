#pragma once

#include <wx/dataview.h>
#include <wx/timer.h>

#include "app/order_table.h"
#include "app/table_list_model.h"
#include "app/view.h"

class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxButton;
class wxGauge;
class wxBoxSizer;
class wxCheckBox;

namespace dj::app {

struct OrderCells {
    static constexpr unsigned column_count = static_cast<unsigned>(OrderColumn::count);
    static wxString text(const OrderRow& row, unsigned col);
    static bool style(const OrderRow& row, unsigned col, wxDataViewItemAttr& attr);
};
using OrderListModel = TableListModel<OrderTable, OrderCells>;

// 订单: every order of every store, filtered and sorted, with its lines and stock below.
class OrdersPanel : public View {
  public:
    OrdersPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    void search(const wxString& text) override;
    void show_subset(const std::string& subset) override;
    bool loading() const override { return loading_; }
    void save_state() override;

  public:
    std::vector<std::string> reads() const override;

  private:
    // Filters and sorts what was read; `before` (the rows shown until the reload) lets it redraw
    // only the rows that changed and keep the selection.
    void apply(const std::vector<OrderRow>* before = nullptr);
    void show_detail();
    // The one order the detail pane and its buttons act on: none while several are selected.
    Id selected_order() const;
    // Every selected order, in list order (取号并打印 takes them all).
    std::vector<Id> selected_orders() const;
    void on_header_click(wxDataViewEvent& event);
    void allocate_waiting();
    void export_orders();
    enum class Action { hold, release, urgent, note, merge, unmerge, split, unsplit };
    void act(Action action);
    void show_parcel_menu();
    void ship_selected();
    void waybill_selected();

    OrderTable table_;
    OrderQuery query_;
    wxObjectDataPtr<OrderListModel> model_;
    wxDataViewCtrl* list_ = nullptr;
    wxChoice* store_ = nullptr;
    wxChoice* status_ = nullptr;
    wxChoice* period_ = nullptr;
    wxChoice* tag_ = nullptr;
    wxButton* cancel_ = nullptr;
    wxStaticText* count_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxStaticText* detail_ = nullptr;
    wxStaticText* history_ = nullptr;
    wxListCtrl* lines_ = nullptr;
    wxButton* ship_ = nullptr;
    wxButton* waybill_ = nullptr;  // 取号并打印 for the selected orders
    wxButton* hold_ = nullptr;
    wxButton* release_ = nullptr;
    wxButton* urgent_ = nullptr;
    wxButton* note_ = nullptr;
    wxButton* parcel_ = nullptr;  // merge / split menu
    wxCheckBox* held_only_ = nullptr;
    wxBoxSizer* focus_bar_ = nullptr;
    wxStaticText* focus_ = nullptr;
    bool urgent_now_ = false;
    std::vector<std::string> store_codes_;
    std::vector<std::string> tags_;
    std::shared_ptr<TaskProgress> progress_;
    wxTimer progress_timer_;
    bool loading_ = false;
};

}  // namespace dj::app
