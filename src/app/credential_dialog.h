#pragma once

#include <wx/dialog.h>

#include <string>

class wxStaticText;
class wxTextCtrl;

namespace dj::app {

struct AppContext;

// A user's new password (typed twice), or their pack-station badge and PIN (the PIN twice).
// Saves through ops::set_password or ops::set_badge after the second check; a refusal or a bad
// field is said in the dialog, which stays open.
class CredentialDialog : public wxDialog {
  public:
    enum class Kind { password, badge };
    CredentialDialog(wxWindow* parent, AppContext& ctx, Kind kind, const std::string& user);

  private:
    void on_save(wxCommandEvent& event);

    AppContext& ctx_;
    Kind kind_;
    std::string user_;
    wxTextCtrl* badge_ = nullptr;
    wxTextCtrl* secret_ = nullptr;
    wxTextCtrl* repeat_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace dj::app
