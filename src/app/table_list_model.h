#pragma once

#include <wx/dataview.h>

namespace dj::app {

// Virtual rows over a table with a visible index (OrderTable, StockTable): sorting and
// filtering happen in the table, nothing is copied here, and no widget exists per record.
// `Cells` says how a row reads (text) and looks (style) in each column.
template <class Table, class Cells>
class TableListModel : public wxDataViewVirtualListModel {
  public:
    explicit TableListModel(const Table& table) : table_(table) {}
    unsigned GetColumnCount() const override { return Cells::column_count; }
    wxString GetColumnType(unsigned) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override {
        value = row < table_.size() ? Cells::text(table_.row(row), col) : wxString();
    }
    bool GetAttrByRow(unsigned row, unsigned col, wxDataViewItemAttr& attr) const override {
        return row < table_.size() && Cells::style(table_.row(row), col, attr);
    }
    bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

  private:
    const Table& table_;
};

}  // namespace dj::app
