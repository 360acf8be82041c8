#include "app/owner_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "ops/users.h"

namespace dj::app {

OwnerDialog::OwnerDialog(wxWindow* parent, Database& db, const std::string& workstation,
                         const wxString& name)
    : wxDialog(parent, wxID_ANY, _("The shop's owner")), db_(db), workstation_(workstation) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("The owner may do everything and adds the others (Settings or dianjia-cli user add). "
          "Everyone logs in from now on."));
    intro->Wrap(FromDIP(380));
    sizer->Add(intro, wxSizerFlags().Border(wxALL, FromDIP(12)));
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1);
    // Each label made before its field: screen readers take the one before as the field's name.
    auto row = [&](const wxString& label, const wxString& value, long style) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        auto* field =
            new wxTextCtrl(this, wxID_ANY, value, wxDefaultPosition, wxDefaultSize, style);
        grid->Add(field, wxSizerFlags().Expand());
        return field;
    };
    name_ = row(_("Owner"), name, 0);
    password_ = row(_("Password"), {}, wxTE_PASSWORD);
    again_ = row(_("Password again"), {}, wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    error_ = new wxStaticText(this, wxID_ANY, {});
    error_->SetForegroundColour(wxColour(0xC0, 0, 0));
    sizer->Add(error_, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer();
    buttons->AddButton(new wxButton(this, wxID_OK, _("Create the owner")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Quit")));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);
    password_->SetFocus();
    Bind(wxEVT_BUTTON, &OwnerDialog::on_create, this, wxID_OK);
    again_->Bind(wxEVT_TEXT_ENTER, &OwnerDialog::on_create, this);
}

void OwnerDialog::on_create(wxCommandEvent&) {
    try {
        if (password_->GetValue() != again_->GetValue())
            throw InvalidInput(to_u8(_("The two passwords differ: type them again.")));
        std::string name = to_u8(name_->GetValue().Strip(wxString::both));
        std::string password = to_u8(password_->GetValue());
        ops::add_user(db_, ops::actor_without_users(name, workstation_),
                      {name, "owner", {}, password});
        actor_ = ops::log_in(db_, name, password, workstation_);
        EndModal(wxID_OK);
    } catch (const Error& e) {
        error_->SetLabel(u8(e.what()));
        error_->Wrap(FromDIP(380));
        Fit();
    }
}

}  // namespace dj::app
