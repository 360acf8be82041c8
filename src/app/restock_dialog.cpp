#include "app/restock_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/alert_queries.h"
#include "ops/purchasing.h"
#include "ops/shop_queries.h"

namespace dj::app {

RestockDialog::RestockDialog(wxWindow* parent, AppContext& ctx)
    : wxDialog(parent, wxID_ANY, _("Order restock suggestions"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    warehouses_ = ops::list_warehouses(*ctx_.db);
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Warehouse:")),
             wxSizerFlags().Center().Border(wxRIGHT, FromDIP(6)));
    warehouse_ = new wxChoice(this, wxID_ANY);
    warehouse_->Append(_("All warehouses"));
    for (const Warehouse& w : warehouses_)
        warehouse_->Append(u8(w.name) + " (" + u8(w.code) + ")");
    warehouse_->SetSelection(0);
    top->Add(warehouse_);
    root->Add(top, wxSizerFlags().Border(wxALL, FromDIP(10)));
    auto* hint = new wxStaticText(
        this, wxID_ANY,
        _("Suggested: enough to bring the stock position (available + in transit + on order - "
          "waiting orders) back above the reorder point, in the supplier's multiples."));
    hint->Wrap(FromDIP(840));
    root->Add(hint, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    list_ =
        new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition,
                               wxSize(FromDIP(860), FromDIP(300)), wxDV_ROW_LINES | wxDV_SINGLE);
    const wxString titles[] = {
        _("Supplier"),       _("SKU"),           _("Name"),      _("Warehouse"),
        _("Stock position"), _("Reorder point"), _("Suggested"), _("Unit cost")};
    const int widths[] = {150, 110, 190, 80, 80, 80, 70, 90};
    for (unsigned c = 0; c < std::size(titles); ++c)
        list_->AppendTextColumn(titles[c], wxDATAVIEW_CELL_INERT, FromDIP(widths[c]),
                                c >= 4 ? wxALIGN_RIGHT : wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
    root->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    summary_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(summary_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    actions->AddButton(new wxButton(this, wxID_OK, _("Order them")));
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    fit_headers(*list_);
    SetSizerAndFit(root);

    warehouse_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_lines(); });
    Bind(wxEVT_BUTTON, &RestockDialog::on_order, this, wxID_OK);
    show_lines();
}

void RestockDialog::show_lines() {
    RestockFilter filter;
    int w = warehouse_->GetSelection();
    if (w > 0) filter.warehouse_id = warehouses_[w - 1].id;
    lines_.clear();
    for (RestockLine& l : ops::restock_lines(*ctx_.db, filter))
        if (l.suggested > 0) lines_.push_back(std::move(l));
    list_->DeleteAllItems();
    int without_supplier = 0;
    for (const RestockLine& l : lines_) {
        if (l.supplier.empty()) ++without_supplier;
        wxVector<wxVariant> row;
        for (const wxString& cell :
             {l.supplier.empty() ? _("no supplier: not ordered")
                                 : u8(l.supplier_name.empty() ? l.supplier : l.supplier_name),
              u8(l.sku), u8(l.sku_name), u8(l.warehouse),
              wxString::Format("%lld", static_cast<long long>(l.position)),
              wxString::Format("%lld", static_cast<long long>(l.reorder_point)),
              wxString::Format("%lld", static_cast<long long>(l.suggested)),
              money_text(l.unit_cost)})
            row.push_back(wxVariant(cell));
        list_->AppendItem(row);
    }
    wxString text = lines_.empty() ? _("Nothing needs ordering: every stock position is above "
                                       "its reorder point.")
                                   : wxString::Format(_("%zu SKUs to order"), lines_.size());
    if (without_supplier > 0)
        text += "\n" + wxString::Format(_("%d have no supplier and are left out: set one in the "
                                          "catalogue (sku supplier) first."),
                                        without_supplier);
    summary_->SetLabel(text);
    FindWindow(wxID_OK)->Enable(static_cast<int>(lines_.size()) > without_supplier);
    Layout();
}

void RestockDialog::on_order(wxCommandEvent&) {
    RestockFilter filter;
    int w = warehouse_->GetSelection();
    if (w > 0) filter.warehouse_id = warehouses_[w - 1].id;
    try {
        ops::RestockApproval a = ops::approve_restock(*ctx_.db, ctx_.actor, filter);
        if (!a.orders.empty()) first_created_ = a.orders.front().no;
        EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        show_error(this, _("Could not order the suggestions"), e.what());
    }
}

}  // namespace dj::app
