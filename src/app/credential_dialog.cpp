#include "app/credential_dialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/app_context.h"
#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/users.h"

namespace dj::app {

CredentialDialog::CredentialDialog(wxWindow* parent, AppContext& ctx, Kind kind,
                                   const std::string& user)
    : wxDialog(parent, wxID_ANY,
               kind == Kind::password ? wxString::Format(_("New password for %s"), u8(user))
                                      : wxString::Format(_("Badge and PIN for %s"), u8(user))),
      ctx_(ctx),
      kind_(kind),
      user_(user) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    form->AddGrowableCol(1);
    // Each label made before its field: screen readers take the one before as the field's name.
    auto field = [&](const wxString& label, long style) {
        form->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        auto* text =
            new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(220), -1), style);
        form->Add(text, wxSizerFlags().Expand());
        return text;
    };
    if (kind_ == Kind::password) {
        secret_ = field(_("New password"), wxTE_PASSWORD);
        repeat_ = field(_("New password again"), wxTE_PASSWORD);
    } else {
        badge_ = field(_("Badge barcode (scan it)"), 0);
        secret_ = field(_("PIN (4 to 8 digits)"), wxTE_PASSWORD);
        repeat_ = field(_("PIN again"), wxTE_PASSWORD);
    }
    root->Add(form, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    error_ = add_dialog_foot(this, root, _("Save"));
    SetSizerAndFit(root);
    (badge_ ? badge_ : secret_)->SetFocus();
    Bind(wxEVT_BUTTON, &CredentialDialog::on_save, this, wxID_OK);
}

void CredentialDialog::on_save(wxCommandEvent&) {
    try {
        if (secret_->GetValue() != repeat_->GetValue())
            throw InvalidInput(kind_ == Kind::password
                                   ? tr("The two passwords differ: type the same one twice")
                                   : tr("The two PINs differ: type the same one twice"));
        std::string secret = to_u8(secret_->GetValue());
        bool saved = false;
        if (kind_ == Kind::password)
            saved = with_second_check(
                this, ctx_, [&] { ops::set_password(*ctx_.db, ctx_.actor, user_, secret); });
        else {
            std::string badge = to_u8(badge_->GetValue().Strip(wxString::both));
            saved = with_second_check(
                this, ctx_, [&] { ops::set_badge(*ctx_.db, ctx_.actor, user_, badge, secret); });
        }
        if (saved) EndModal(wxID_OK);
    } catch (const Error& e) {
        say_in(this, error_, u8(e.what()), true);
    }
}

}  // namespace dj::app
