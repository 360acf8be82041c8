#include "app/badge_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "ops/users.h"

namespace dj::app {

BadgeDialog::BadgeDialog(wxWindow* parent, Database& db, const std::string& workstation)
    : wxDialog(parent, wxID_ANY, _("Switch user")), db_(db), workstation_(workstation) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, _("Scan your badge, then type your PIN.")),
               wxSizerFlags().Border(wxALL, FromDIP(12)));
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1);
    // Each label made before its field: screen readers take the one before as the field's name.
    grid->Add(new wxStaticText(this, wxID_ANY, _("Badge")), wxSizerFlags().CenterVertical());
    badge_ =
        new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    grid->Add(badge_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(this, wxID_ANY, _("PIN")), wxSizerFlags().CenterVertical());
    pin_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize,
                          wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    grid->Add(pin_, wxSizerFlags().Expand());
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    error_ = new wxStaticText(this, wxID_ANY, {});
    error_->SetForegroundColour(wxColour(0xC0, 0, 0));
    sizer->Add(error_, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer();
    buttons->AddButton(new wxButton(this, wxID_OK, _("Switch")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL));
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(sizer);
    SetMinSize(FromDIP(wxSize(360, -1)));
    Fit();
    badge_->SetFocus();
    // A scanner ends the badge with Enter: on to the PIN, not out of the dialog.
    badge_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { pin_->SetFocus(); });
    pin_->Bind(wxEVT_TEXT_ENTER, &BadgeDialog::on_switch, this);
    Bind(wxEVT_BUTTON, &BadgeDialog::on_switch, this, wxID_OK);
}

void BadgeDialog::on_switch(wxCommandEvent&) {
    try {
        actor_ = ops::log_in_with_badge(db_, to_u8(badge_->GetValue().Strip(wxString::both)),
                                        to_u8(pin_->GetValue()), workstation_);
        EndModal(wxID_OK);
    } catch (const Error& e) {
        error_->SetLabel(u8(e.what()));
        error_->Wrap(FromDIP(340));
        pin_->Clear();
        badge_->SelectAll();
        badge_->SetFocus();
        Fit();
    }
}

}  // namespace dj::app
