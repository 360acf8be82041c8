#include "app/second_check.h"

#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/app_context.h"
#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "ops/users.h"

namespace dj::app {
namespace {

// The password again; a wrong one is said in the dialog, which stays open.
class SecondCheckDialog : public wxDialog {
  public:
    SecondCheckDialog(wxWindow* parent, AppContext& ctx, const wxString& why)
        : wxDialog(parent, wxID_ANY, _("Confirm with your password")), ctx_(ctx) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* message = new wxStaticText(this, wxID_ANY, why);
        message->Wrap(FromDIP(360));
        sizer->Add(message, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        // The label before its field: screen readers take it as the field's name.
        row->Add(new wxStaticText(this, wxID_ANY, _("Your password")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(8)));
        password_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize,
                                   wxTE_PASSWORD | wxTE_PROCESS_ENTER);
        row->Add(password_, wxSizerFlags(1).CenterVertical());
        sizer->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
        error_ = add_dialog_foot(this, sizer, _("Confirm"));
        SetSizerAndFit(sizer);
        password_->SetFocus();
        Bind(wxEVT_BUTTON, &SecondCheckDialog::on_confirm, this, wxID_OK);
        password_->Bind(wxEVT_TEXT_ENTER, &SecondCheckDialog::on_confirm, this);
    }

  private:
    void on_confirm(wxCommandEvent&) {
        try {
            ops::confirm_password(*ctx_.db, ctx_.actor, to_u8(password_->GetValue()));
            EndModal(wxID_OK);
        } catch (const Error& e) {
            password_->Clear();
            password_->SetFocus();
            say_in(this, error_, u8(e.what()), true);
        }
    }

    AppContext& ctx_;
    wxTextCtrl* password_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace

bool with_second_check(wxWindow* parent, AppContext& ctx, const std::function<void()>& act) {
    try {
        act();
        return true;
    } catch (const SecondCheckNeeded& e) {
        SecondCheckDialog ask(parent, ctx, u8(e.what()));
        if (ask.ShowModal() != wxID_OK) return false;
    }
    act();
    return true;
}

}  // namespace dj::app
