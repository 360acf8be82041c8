#include "app/purchasing_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "app/po_dialog.h"
#include "app/po_receive_dialog.h"
#include "app/restock_dialog.h"
#include "app/supplier_dialog.h"
#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "ops/alert_queries.h"
#include "ops/purchasing.h"

namespace dj::app {

PurchasingPanel::PurchasingPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold().Scaled(1.2f));
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(summary_, wxSizerFlags(1).Center());
    open_only_ = new wxCheckBox(this, wxID_ANY, _("Only orders waiting for goods"));
    top->Add(open_only_, wxSizerFlags().Center());
    root->Add(top, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* create = new wxButton(this, wxID_ANY, _("New purchase order..."));
    auto* restock = new wxButton(this, wxID_ANY, _("Order restock suggestions..."));
    restock->SetToolTip(
        _("One purchase order per supplier and warehouse for every SKU whose "
          "stock falls below its reorder point"));
    receive_ = new wxButton(this, wxID_ANY, _("Receive goods..."));
    receive_->SetToolTip(_("Scan what arrived against the selected purchase order"));
    cancel_ = new wxButton(this, wxID_ANY, _("Cancel order..."));
    cancel_->SetToolTip(_("Nothing came and nothing will: the goods are no longer on order"));
    close_ = new wxButton(this, wxID_ANY, _("Close short..."));
    close_->SetToolTip(_("Part came and the rest will not: the rest is no longer on order"));
    auto* suppliers = new wxButton(this, wxID_ANY, _("Suppliers..."));
    for (wxButton* b : {create, restock, receive_, cancel_, close_, suppliers})
        buttons->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    root->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    order_list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxDV_ROW_LINES | wxDV_SINGLE);
    const wxString titles[] = {_("Purchase order"), _("Supplier"),    _("Warehouse"),
                               _("Status"),         _("Qty"),         _("Still due"),
                               _("Amount"),         _("Expected on"), _("Created at")};
    const int widths[] = {150, 170, 60, 130, 50, 60, 90, 90, 130};
    for (unsigned c = 0; c < std::size(titles); ++c)
        order_list_->AppendTextColumn(titles[c], wxDATAVIEW_CELL_INERT,
                                      remembered_width("/purchasing", c, FromDIP(widths[c])),
                                      c == 4 || c == 5 || c == 6 ? wxALIGN_RIGHT : wxALIGN_NOT,
                                      wxDATAVIEW_COL_RESIZABLE);
    root->Add(order_list_, wxSizerFlags(3).Expand().Border(wxALL, FromDIP(10)));

    root->Add(new wxStaticText(this, wxID_ANY, _("Lines of the selected order")),
              wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    line_list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                        wxDV_ROW_LINES | wxDV_SINGLE);
    const wxString line_titles[] = {_("Line"),    _("SKU"),       _("Name"),     _("Qty"),
                                    _("Arrived"), _("Still due"), _("Unit cost")};
    const int line_widths[] = {50, 130, 240, 70, 70, 90, 90};
    for (unsigned c = 0; c < std::size(line_titles); ++c)
        line_list_->AppendTextColumn(line_titles[c], wxDATAVIEW_CELL_INERT, FromDIP(line_widths[c]),
                                     c == 1 || c == 2 ? wxALIGN_NOT : wxALIGN_RIGHT,
                                     wxDATAVIEW_COL_RESIZABLE);
    root->Add(line_list_, wxSizerFlags(2).Expand().Border(wxALL, FromDIP(10)));
    fit_headers(*order_list_);
    fit_headers(*line_list_);
    SetSizer(root);

    create->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { create_order(); });
    restock->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { order_restock(); });
    receive_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { receive(); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { end_order(true); });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { end_order(false); });
    suppliers->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit_suppliers(); });
    open_only_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        show_orders(selected() ? selected()->no : std::string());
    });
    order_list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_lines(); });
}

void PurchasingPanel::reload() {
    wxBusyCursor busy;
    std::string keep = selected() ? selected()->no : std::string();
    shown_.clear();  // points into all_
    all_ = ops::list_purchase_orders(*ctx_.db, ctx_.actor, {});
    long long open_orders = 0;
    Qty open_units = 0;
    for (const PurchaseOrder& o : all_)
        if (po_accepts_receipts(o.status)) {
            ++open_orders;
            open_units += o.open_qty();
        }
    summary_->SetLabel(open_orders == 0
                           ? _("No purchase order is waiting for goods.")
                           : wxString::Format(_("%lld purchase orders wait for %lld units"),
                                              open_orders, static_cast<long long>(open_units)));
    show_orders(keep);
}

void PurchasingPanel::show_subset(const std::string& subset) {
    open_only_->SetValue(subset == "open");
    show_orders(selected() ? selected()->no : std::string());
}

void PurchasingPanel::show_orders(const std::string& keep) {
    shown_.clear();
    for (const PurchaseOrder& o : all_)
        if (!open_only_->GetValue() || po_accepts_receipts(o.status)) shown_.push_back(&o);
    order_list_->DeleteAllItems();
    int select = shown_.empty() ? -1 : 0;
    for (std::size_t i = 0; i < shown_.size(); ++i) {
        const PurchaseOrder& o = *shown_[i];
        Qty ordered = 0;
        for (const PurchaseOrderLine& l : o.lines)
            ordered += l.qty;
        wxVector<wxVariant> row;
        for (const wxString& cell :
             {u8(o.no), u8(o.supplier_name.empty() ? o.supplier : o.supplier_name), u8(o.warehouse),
              u8(po_state_name(o)), wxString::Format("%lld", static_cast<long long>(ordered)),
              wxString::Format("%lld", static_cast<long long>(o.due_qty())),
              cost_text(ctx_.actor, o.total()),
              o.expected_at ? u8(shop_date(*o.expected_at)) : wxString(),
              shop_time_text(o.created_at)})
            row.push_back(wxVariant(cell));
        order_list_->AppendItem(row);
        if (o.no == keep) select = static_cast<int>(i);
    }
    if (select >= 0) order_list_->SelectRow(static_cast<unsigned>(select));
    show_lines();
}

const PurchaseOrder* PurchasingPanel::selected() const {
    int row = order_list_->GetSelectedRow();
    return row >= 0 && static_cast<std::size_t>(row) < shown_.size() ? shown_[row] : nullptr;
}

void PurchasingPanel::show_lines() {
    line_list_->DeleteAllItems();
    const PurchaseOrder* o = selected();
    receive_->Enable(o && po_accepts_receipts(o->status));
    cancel_->Enable(o && o->status == PoStatus::ordered);
    close_->Enable(o && o->status == PoStatus::partly_received);
    if (!o) return;
    for (const PurchaseOrderLine& l : o->lines) {
        wxVector<wxVariant> row;
        for (const wxString& cell : {wxString::Format("%d", l.line_no), u8(l.sku), u8(l.sku_name),
                                     wxString::Format("%lld", static_cast<long long>(l.qty)),
                                     wxString::Format("%lld", static_cast<long long>(l.received)),
                                     wxString::Format("%lld", static_cast<long long>(l.open())),
                                     cost_text(ctx_.actor, l.unit_cost)})
            row.push_back(wxVariant(cell));
        line_list_->AppendItem(row);
    }
}

// After a change: every view reloads (stock on order, alerts…), this one keeps `select_no`.
void PurchasingPanel::changed(const std::string& select_no) {
    if (ctx_.data_changed)
        ctx_.data_changed();
    else
        reload();
    for (std::size_t i = 0; i < shown_.size(); ++i)
        if (shown_[i]->no == select_no) {
            order_list_->SelectRow(static_cast<unsigned>(i));
            show_lines();
        }
}

void PurchasingPanel::create_order() {
    PoDialog dialog(this, ctx_);
    if (dialog.ShowModal() == wxID_OK) changed(dialog.created());
}

void PurchasingPanel::order_restock() {
    RestockDialog dialog(this, ctx_);
    if (dialog.ShowModal() == wxID_OK) changed(dialog.first_created());
}

void PurchasingPanel::receive() {
    const PurchaseOrder* o = selected();
    if (!o) return;
    PoReceiveDialog dialog(this, ctx_, *o);
    std::string no = o->no;
    if (dialog.ShowModal() == wxID_OK) changed(no);
}

void PurchasingPanel::end_order(bool cancel) {
    const PurchaseOrder* o = selected();
    if (!o) return;
    std::string no = o->no;
    wxTextEntryDialog ask(
        this,
        cancel ? wxString::Format(_("Why is %s cancelled? (kept in the audit log)"), u8(no))
               : wxString::Format(_("Why will the rest of %s not come? (kept in the audit log)"),
                                  u8(no)),
        cancel ? _("Cancel purchase order") : _("Close purchase order short"));
    if (ask.ShowModal() != wxID_OK) return;
    try {
        std::string reason = to_u8(ask.GetValue().Trim().Trim(false));
        if (cancel)
            ops::cancel_purchase_order(*ctx_.db, ctx_.actor, no, reason);
        else
            ops::close_purchase_order(*ctx_.db, ctx_.actor, no, reason);
        changed(no);
    } catch (const std::exception& e) {
        show_error(
            this,
            wxString::Format(cancel ? _("Could not cancel %s") : _("Could not close %s"), u8(no)),
            e.what());
    }
}

void PurchasingPanel::edit_suppliers() {
    SupplierDialog dialog(this, ctx_);
    dialog.ShowModal();
    if (dialog.saved() > 0) changed(selected() ? selected()->no : std::string());
}

}  // namespace dj::app
