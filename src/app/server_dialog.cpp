#include "app/server_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "app/ui_helpers.h"
#include "ops/server_password.h"
#include "ops/shop_setup.h"

namespace dj::app {
ServerDialog::ServerDialog(wxWindow* parent, AppContext& ctx)
    : wxDialog(parent, wxID_ANY, _("Connect to a shop server"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    root->Add(new wxStaticText(this, wxID_ANY,
                               _("Several workstations share one shop on a PostgreSQL server. "
                                 "The password is never saved in the settings; if you wish, "
                                 "this computer's keyring keeps it.")),
              wxSizerFlags().Border(wxALL, FromDIP(10)));
    auto* form = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    form->AddGrowableCol(1);
    // Each label before its field: a screen reader (and AT-SPI) reads them in that order.
    auto label = [&](const wxString& text) {
        form->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    label(_("Server address:"));
    host_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(320), -1));
    host_->SetHint(_("e.g. 192.168.1.20 or db.example.com"));
    form->Add(host_, wxSizerFlags().Expand());
    label(_("Port:"));
    port_ = new wxSpinCtrl(this, wxID_ANY, "5432", wxDefaultPosition, wxDefaultSize,
                           wxSP_ARROW_KEYS, 1, 65535, 5432);
    form->Add(port_, wxSizerFlags().Expand());
    label(_("Database:"));
    database_ = new wxTextCtrl(this, wxID_ANY, "dianjia");
    form->Add(database_, wxSizerFlags().Expand());
    label(_("User:"));
    user_ = new wxTextCtrl(this, wxID_ANY, wxGetUserId());
    form->Add(user_, wxSizerFlags().Expand());
    label(_("Password:"));
    password_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    form->Add(password_, wxSizerFlags().Expand());
    form->AddSpacer(0);
    remember_ =
        new wxCheckBox(this, wxID_ANY, _("Remember the password in this computer's keyring"));
    form->Add(remember_);
    root->Add(form, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    message_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(message_, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    auto* connect_button = new wxButton(this, wxID_OK, _("Connect"));
    actions->AddButton(connect_button);
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(root);
    connect_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { connect(); });
}

void ServerDialog::connect() {
    const std::string host = to_u8(host_->GetValue().Strip(wxString::both));
    const std::string database = to_u8(database_->GetValue().Strip(wxString::both));
    const std::string user = to_u8(user_->GetValue().Strip(wxString::both));
    if (host.empty() || database.empty() || user.empty()) {
        say_in(this, message_, _("Fill in the server address, the database and the user."), true);
        return;
    }
    const std::string url = Database::server_address(host, port_->GetValue(), database, user);
    const std::string password = to_u8(password_->GetValue());
    if (!password.empty()) Database::use_server_password(url, password);
    wxBusyCursor busy;
    try {
        try {
            Database probe(url, *ctx_.clock, Database::Mode::existing);
        } catch (const NoShopOnServer&) {
            wxMessageDialog ask(this,
                                _("This database holds no shop yet. Create the shop's tables "
                                  "there? Then move a shop into it with \"dianjia-cli migrate\", "
                                  "or start filling it here."),
                                _("Connect to a shop server"), wxYES_NO | wxICON_QUESTION);
            ask.SetYesNoLabels(_("Create the shop there"), _("Cancel"));
            if (ask.ShowModal() != wxID_YES) return;
            Database made(url, *ctx_.clock, Database::Mode::create);
            ops::init_shop(made, ctx_.actor);
        }
    } catch (const std::exception& e) {
        say_in(this, message_, u8(e.what()), true);
        return;
    }
    if (remember_->GetValue() && !password.empty()) {
        try {
            ops::keep_server_password(url, password);
        } catch (const std::exception& e) {
            wxMessageBox(u8(e.what()), _("Connect to a shop server"), wxOK | wxICON_WARNING, this);
        }
    }
    url_ = url;
    EndModal(wxID_OK);
}

}  // namespace dj::app
