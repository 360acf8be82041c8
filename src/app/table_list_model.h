#pragma once

#include <wx/dataview.h>

#include <vector>

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

// The rows a table shows now, in order: kept across a reload for redraw_changed_rows.
template <class Table>
auto visible_rows(const Table& table) {
    std::vector<std::decay_t<decltype(table.row(0))>> rows;
    rows.reserve(table.size());
    for (std::size_t i = 0; i < table.size(); ++i)
        rows.push_back(table.row(i));
    return rows;
}

// After the rows were read again: when the same records show in the same order, only the rows
// whose content changed are redrawn, so the selection, the scroll position and the current row
// stay where the person left them; false when the list must be rebuilt instead.
template <class Table, class Row, class KeyOf>
bool redraw_changed_rows(wxDataViewVirtualListModel& model, const Table& table,
                         const std::vector<Row>& before, KeyOf key) {
    if (before.size() != table.size()) return false;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (key(before[i]) != key(table.row(i))) return false;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (!(before[i] == table.row(i))) model.RowChanged(static_cast<unsigned>(i));
    return true;
}

}  // namespace dj::app
