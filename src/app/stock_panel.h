#pragma once

#include <wx/dataview.h>

#include "app/stock_table.h"
#include "app/view.h"

class wxChoice;
class wxCheckBox;
class wxListCtrl;
class wxStaticText;

namespace dj::app {

class StockListModel : public wxDataViewVirtualListModel {
public:
    explicit StockListModel(const StockTable& table) : table_(table) {}
    unsigned GetColumnCount() const override { return static_cast<unsigned>(StockColumn::count); }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override;
    bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

private:
    const StockTable& table_;
};

// 库存: balances per SKU × warehouse coloured by level, the ledger of the selected SKU, and the
// movement dialogs.
class StockPanel : public View {
public:
    StockPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    void search(const wxString& text) override;
    bool loading() const override { return loading_; }
    void save_state() override;

private:
    void apply();
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
    bool loading_ = false;
};

}  // namespace dj::app
