#include "app/sku_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/limits.h"
#include "core/base/money.h"
#include "core/base/translate.h"
#include "ops/catalogue.h"
#include "ops/stock_queries.h"

namespace dj::app {

SkuDialog::SkuDialog(wxWindow* parent, AppContext& ctx, const Sku* sku)
    : wxDialog(parent, wxID_ANY, sku ? _("Edit SKU") : _("New SKU"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    if (sku) sku_ = *sku;
    suppliers_ = ops::list_suppliers(*ctx_.db);
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    form->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        form->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    auto text = [&](const wxString& caption, const std::string& value) {
        label(caption);
        auto* t =
            new wxTextCtrl(this, wxID_ANY, u8(value), wxDefaultPosition, wxSize(FromDIP(320), -1));
        form->Add(t, wxSizerFlags().Expand());
        return t;
    };
    code_ = text(_("SKU code:"), sku_.code);
    code_->Enable(!sku);  // the code is how orders, stock and mappings know it
    name_ = text(_("Name:"), sku_.name);
    spec_ = text(_("Spec:"), sku_.spec);
    unit_ = text(_("Unit:"), sku_.unit);
    std::string barcodes;
    for (const std::string& b : sku_.barcodes)
        barcodes += (barcodes.empty() ? "" : ", ") + b;
    barcodes_ = text(_("Barcodes (several: separate with commas):"), barcodes);
    label(_("Weight in grams:"));
    weight_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                             0, kMaxWeightGrams, sku_.weight_g);
    form->Add(weight_);
    cost_ = text(_("Standard cost in yuan:"), format_yuan(sku_.standard_cost));
    label(_("Shelf life in days (0: no batches):"));
    shelf_life_ = new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize,
                                 wxSP_ARROW_KEYS, 0, kMaxShelfLifeDays, sku_.shelf_life_days);
    form->Add(shelf_life_);
    label(_("Supplier:"));
    supplier_ = new wxChoice(this, wxID_ANY);
    supplier_->Append(_("(none)"));
    supplier_->SetSelection(0);
    for (std::size_t i = 0; i < suppliers_.size(); ++i) {
        supplier_->Append(u8(suppliers_[i].name) + " (" + u8(suppliers_[i].code) + ")");
        if (sku_.supplier_id == suppliers_[i].id) supplier_->SetSelection(static_cast<int>(i + 1));
    }
    form->Add(supplier_, wxSizerFlags().Expand());
    root->Add(form, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    error_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    actions->AddButton(new wxButton(this, wxID_OK, _("Save SKU")));
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(root);
    Bind(wxEVT_BUTTON, &SkuDialog::on_save, this, wxID_OK);
    (sku ? name_ : code_)->SetFocus();
}

void SkuDialog::on_save(wxCommandEvent&) {
    error_->SetLabel({});
    try {
        Sku s = sku_;
        s.code = to_u8(code_->GetValue());
        s.name = to_u8(name_->GetValue());
        s.spec = to_u8(spec_->GetValue().Trim().Trim(false));
        s.unit = to_u8(unit_->GetValue().Trim().Trim(false));
        wxString cost = cost_->GetValue().Trim().Trim(false);
        s.standard_cost = cost.empty() ? 0 : parse_yuan(to_u8(cost), tr("Standard cost"));
        s.weight_g = weight_->GetValue();
        s.shelf_life_days = shelf_life_->GetValue();
        s.barcodes.clear();
        wxString all = barcodes_->GetValue();
        all.Replace(wxString::FromUTF8("，"), ",");
        for (wxString b : wxSplit(all, ',', '\0')) {
            b.Trim().Trim(false);
            if (!b.empty()) s.barcodes.push_back(to_u8(b));
        }
        int chosen = supplier_->GetSelection();
        std::string supplier =
            chosen > 0 ? suppliers_[static_cast<std::size_t>(chosen - 1)].code : std::string();
        if (with_second_check(this, ctx_,
                              [&] { ops::save_sku(*ctx_.db, ctx_.actor, s, supplier); }))
            EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        say_in(this, error_, u8(e.what()), true);
    }
}

}  // namespace dj::app
