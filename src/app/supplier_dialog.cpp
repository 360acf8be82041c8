#include "app/supplier_dialog.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "ops/catalogue.h"
#include "ops/stock_queries.h"

namespace dj::app {

SupplierDialog::SupplierDialog(wxWindow* parent, AppContext& ctx)
    : wxDialog(parent, wxID_ANY, _("Suppliers"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    list_ =
        new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition,
                               wxSize(FromDIP(560), FromDIP(220)), wxDV_ROW_LINES | wxDV_SINGLE);
    list_->AppendTextColumn(_("Code"), wxDATAVIEW_CELL_INERT, FromDIP(110));
    list_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, FromDIP(220));
    list_->AppendTextColumn(_("Lead time (days)"), wxDATAVIEW_CELL_INERT, FromDIP(100),
                            wxALIGN_RIGHT);
    list_->AppendTextColumn(_("Order multiple"), wxDATAVIEW_CELL_INERT, FromDIP(100),
                            wxALIGN_RIGHT);
    root->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));

    auto* form = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    form->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        form->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    label(_("Code:"));
    code_ = new wxTextCtrl(this, wxID_ANY);
    form->Add(code_, wxSizerFlags().Expand());
    label(_("Name:"));
    name_ = new wxTextCtrl(this, wxID_ANY);
    form->Add(name_, wxSizerFlags().Expand());
    label(_("Lead time (days):"));
    lead_ = new wxSpinCtrl(this, wxID_ANY, "7", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                           0, 365, 7);
    form->Add(lead_);
    label(_("Order in multiples of:"));
    multiple_ = new wxSpinCtrl(this, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 1, 1000000, 1);
    form->Add(multiple_);
    root->Add(form, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* save_button = new wxButton(this, wxID_ANY, _("Save supplier"));
    save_button->SetToolTip(_("Adds the supplier, or changes the one with this code"));
    root->Add(save_button, wxSizerFlags().Border(wxALL, FromDIP(10)));
    message_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(message_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Close")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    fit_headers(*list_);
    SetSizerAndFit(root);

    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        int row = list_->GetSelectedRow();
        if (row < 0 || static_cast<std::size_t>(row) >= suppliers_.size()) return;
        const Supplier& s = suppliers_[row];
        code_->ChangeValue(u8(s.code));
        name_->ChangeValue(u8(s.name));
        lead_->SetValue(s.lead_time_days);
        multiple_->SetValue(s.order_multiple);
    });
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    show_list();
    code_->SetFocus();
}

void SupplierDialog::show_list() {
    suppliers_ = ops::list_suppliers(*ctx_.db);
    list_->DeleteAllItems();
    for (const Supplier& s : suppliers_) {
        wxVector<wxVariant> row;
        for (const wxString& cell :
             {u8(s.code), u8(s.name), wxString::Format("%d", s.lead_time_days),
              wxString::Format("%d", s.order_multiple)})
            row.push_back(wxVariant(cell));
        list_->AppendItem(row);
    }
}

void SupplierDialog::save() {
    Supplier s;
    s.code = to_u8(code_->GetValue().Trim().Trim(false));
    s.name = to_u8(name_->GetValue().Trim().Trim(false));
    s.lead_time_days = lead_->GetValue();
    s.order_multiple = multiple_->GetValue();
    try {
        ops::save_supplier(*ctx_.db, ctx_.actor, s);
        ++saved_;
        show_list();
        say_in(this, message_, wxString::Format(_("Supplier %s saved"), u8(s.code)), false);
    } catch (const dj::Error& e) {
        say_in(this, message_, u8(e.what()), true);
    }
}

}  // namespace dj::app
