#include "app/po_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "core/stock/sku_suggestion.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

namespace dj::app {

PoDialog::PoDialog(wxWindow* parent, AppContext& ctx)
    : wxDialog(parent, wxID_ANY, _("New purchase order"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    suppliers_ = ops::list_suppliers(*ctx_.db);
    catalogue_ = ops::list_skus(*ctx_.db, ctx_.actor);
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    head->AddGrowableCol(1);
    auto label = [&](wxSizer* sizer, const wxString& text) {
        sizer->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    label(head, _("Supplier:"));
    supplier_ = new wxChoice(this, wxID_ANY);
    for (const Supplier& s : suppliers_)
        supplier_->Append(u8(s.name) + " (" + u8(s.code) + ")");
    if (!suppliers_.empty()) supplier_->SetSelection(0);
    head->Add(supplier_, wxSizerFlags().Expand());
    label(head, _("Goods go to warehouse:"));
    warehouse_ = new wxChoice(this, wxID_ANY);
    for (const Warehouse& w : ops::list_warehouses(*ctx_.db)) {
        warehouses_.push_back(w.code);
        warehouse_->Append(u8(w.name) + " (" + u8(w.code) + ")");
    }
    if (!warehouses_.empty()) warehouse_->SetSelection(0);
    head->Add(warehouse_, wxSizerFlags().Expand());
    label(head, _("Expected on (YYYY-MM-DD, may be empty):"));
    expected_ = new wxTextCtrl(this, wxID_ANY);
    head->Add(expected_, wxSizerFlags().Expand());
    root->Add(head, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));

    // Each label is made just before its field, so a screen reader (and the GUI test) finds the
    // field after its label; the grid puts the labels above.
    auto* entry = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    entry->AddGrowableCol(0);
    auto* sku_label = new wxStaticText(this, wxID_ANY, _("SKU code or barcode:"));
    sku_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(200), -1),
                          wxTE_PROCESS_ENTER);
    sku_->SetHint(_("type or scan"));
    auto* qty_label = new wxStaticText(this, wxID_ANY, _("Quantity:"));
    qty_ = new wxSpinCtrl(this, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                          1000000, 1);
    auto* cost_label =
        new wxStaticText(this, wxID_ANY, _("Unit cost in yuan (empty: last purchase cost):"));
    cost_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(140), -1));
    auto* add = new wxButton(this, wxID_ANY, _("Add line"));
    for (wxWindow* w : {static_cast<wxWindow*>(sku_label), static_cast<wxWindow*>(qty_label),
                        static_cast<wxWindow*>(cost_label)})
        entry->Add(w, wxSizerFlags().Bottom());
    entry->AddSpacer(0);
    entry->Add(sku_, wxSizerFlags().Expand());
    entry->Add(qty_);
    entry->Add(cost_);
    entry->Add(add);
    root->Add(entry, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    line_list_ =
        new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition,
                               wxSize(FromDIP(640), FromDIP(200)), wxDV_ROW_LINES | wxDV_SINGLE);
    line_list_->AppendTextColumn(_("SKU"), wxDATAVIEW_CELL_INERT, FromDIP(130));
    line_list_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, FromDIP(260));
    line_list_->AppendTextColumn(_("Quantity"), wxDATAVIEW_CELL_INERT, FromDIP(80), wxALIGN_RIGHT);
    line_list_->AppendTextColumn(_("Unit cost"), wxDATAVIEW_CELL_INERT, FromDIP(130),
                                 wxALIGN_RIGHT);
    root->Add(line_list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    auto* remove = new wxButton(this, wxID_ANY, _("Remove selected line"));
    root->Add(remove, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    error_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(error_, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(this, wxID_OK, _("Create purchase order"));
    actions->AddButton(ok);
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    fit_headers(*line_list_);
    SetSizerAndFit(root);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_line(); });
    // A scanner ends with Enter: the scanned SKU becomes a line at once.
    sku_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { add_line(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_line(); });
    Bind(wxEVT_BUTTON, &PoDialog::on_create, this, wxID_OK);
    if (suppliers_.empty()) refuse(tr("There is no supplier yet: add one with Suppliers... first"));
    sku_->SetFocus();
}

void PoDialog::refuse(const std::string& why) {
    say_in(this, error_, u8(why), true);
}

void PoDialog::add_line() {
    error_->SetLabel({});
    try {
        const Sku& sku = pick_sku(to_u8(sku_->GetValue()), catalogue_);
        ops::PoLineRequest line;
        line.sku = sku.code;
        line.qty = qty_->GetValue();
        wxString cost = cost_->GetValue().Trim().Trim(false);
        if (!cost.empty()) line.unit_cost = parse_yuan(to_u8(cost), tr("Unit cost"));
        for (const ops::PoLineRequest& l : lines_)
            if (l.sku == line.sku)
                throw InvalidInput(
                    trf("{0} is on the order already: remove its line to change "
                        "it",
                        line.sku));
        lines_.push_back(line);
        show_lines();
        sku_->ChangeValue({});
        cost_->ChangeValue({});
        qty_->SetValue(1);
        sku_->SetFocus();
    } catch (const dj::Error& e) {
        refuse(e.what());
    }
}

void PoDialog::remove_line() {
    int row = line_list_->GetSelectedRow();
    if (row < 0 || static_cast<std::size_t>(row) >= lines_.size()) return;
    lines_.erase(lines_.begin() + row);
    show_lines();
}

void PoDialog::show_lines() {
    line_list_->DeleteAllItems();
    for (const ops::PoLineRequest& l : lines_) {
        wxString name;
        for (const Sku& s : catalogue_)
            if (s.code == l.sku) name = u8(s.name);
        wxVector<wxVariant> row;
        for (const wxString& cell :
             {u8(l.sku), name, wxString::Format("%lld", static_cast<long long>(l.qty)),
              l.unit_cost ? money_text(*l.unit_cost) : _("last purchase cost")})
            row.push_back(wxVariant(cell));
        line_list_->AppendItem(row);
    }
}

void PoDialog::on_create(wxCommandEvent&) {
    error_->SetLabel({});
    try {
        if (supplier_->GetSelection() < 0)
            throw InvalidInput(tr("Choose the supplier the goods are ordered from"));
        if (warehouse_->GetSelection() < 0)
            throw InvalidInput(tr("Add a warehouse first (Settings)"));
        // A SKU typed but not added yet is meant as a line.
        if (!sku_->GetValue().Trim().empty()) {
            add_line();
            if (!error_->GetLabel().empty()) return;
        }
        ops::PoRequest r;
        r.supplier = suppliers_[supplier_->GetSelection()].code;
        r.warehouse = warehouses_[warehouse_->GetSelection()];
        r.lines = lines_;
        wxString expected = expected_->GetValue().Trim().Trim(false);
        if (!expected.empty())
            r.expected_at =
                parse_time(parse_date(to_u8(expected), tr("Expected on")), tr("Expected on"));
        created_ = ops::create_purchase_order(*ctx_.db, ctx_.actor, r).no;
        EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        refuse(e.what());
    }
}

}  // namespace dj::app
