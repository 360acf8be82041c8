#pragma once

#include <wx/dataview.h>

#include "app/stock_table.h"
#include "app/table_list_model.h"
#include "app/view.h"

class wxChoice;
class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxStaticText;

namespace dj::app {

struct StockCells {
    static constexpr unsigned column_count = static_cast<unsigned>(StockColumn::count);
    static wxString text(const StockViewRow& row, unsigned col);
    static bool style(const StockViewRow& row, unsigned col, wxDataViewItemAttr& attr);
};
using StockListModel = TableListModel<StockTable, StockCells>;

// 库存: balances per SKU × warehouse coloured by level, the ledger of the selected SKU, and the
// movement dialogs.
class StockPanel : public View {
  public:
    StockPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    void search(const wxString& text) override;
    void show_subset(const std::string& subset) override;
    bool loading() const override { return loading_; }
    void save_state() override;
    std::vector<std::string> reads() const override;

  private:
    // Filters and sorts what was read; `before` (the rows shown until the reload) lets it redraw
    // only the rows that changed.
    void apply(const std::vector<StockViewRow>* before = nullptr);
    void show_ledger();
    void open_dialog(int form);

    StockTable table_;
    StockQuery query_;
    wxObjectDataPtr<StockListModel> model_;
    wxDataViewCtrl* list_ = nullptr;
    wxChoice* warehouse_ = nullptr;
    wxCheckBox* problems_ = nullptr;
    wxStaticText* count_ = nullptr;
    wxListCtrl* ledger_ = nullptr;
    std::vector<std::string> warehouse_codes_;
    wxButton* show_all_ = nullptr;
    bool loading_ = false;
};

}  // namespace dj::app
