#include "app/login_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "ops/users.h"

namespace dj::app {

LoginDialog::LoginDialog(wxWindow* parent, Database& db, const std::string& workstation,
                         const wxString& last_user)
    : wxDialog(parent, wxID_ANY, _("Log in to Dianjia")), db_(db), workstation_(workstation) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1);
    // Each label made before its field: screen readers take the one before as the field's name.
    grid->Add(new wxStaticText(this, wxID_ANY, _("User")), wxSizerFlags().CenterVertical());
    name_ = new wxTextCtrl(this, wxID_ANY, last_user);
    grid->Add(name_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password")), wxSizerFlags().CenterVertical());
    password_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize,
                               wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    grid->Add(password_, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    error_ = new wxStaticText(this, wxID_ANY, {});
    error_->SetForegroundColour(wxColour(0xC0, 0, 0));
    sizer->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(this, wxID_OK, _("Log in"));
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Quit")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);
    SetMinSize(FromDIP(wxSize(360, -1)));
    Fit();
    (last_user.empty() ? name_ : password_)->SetFocus();
    Bind(wxEVT_BUTTON, &LoginDialog::on_log_in, this, wxID_OK);
    password_->Bind(wxEVT_TEXT_ENTER, &LoginDialog::on_log_in, this);
}

void LoginDialog::on_log_in(wxCommandEvent&) {
    try {
        actor_ = ops::log_in(db_, to_u8(name_->GetValue().Strip(wxString::both)),
                             to_u8(password_->GetValue()), workstation_);
        EndModal(wxID_OK);
    } catch (const Error& e) {
        error_->SetLabel(u8(e.what()));
        error_->Wrap(FromDIP(340));
        password_->Clear();
        password_->SetFocus();
        Fit();
    }
}

}  // namespace dj::app
