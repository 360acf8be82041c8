#pragma once

#include <wx/dialog.h>

#include <string>

#include "core/base/actor.h"

class wxStaticText;
class wxTextCtrl;

namespace dj {
class Database;
}

namespace dj::app {

// 登录: asked at start on a shop that has users. The name of the last user of this workstation
// is filled in; a wrong password (or a locked or disabled user) is said in the dialog, which
// stays open. OK logs in (ops::log_in); actor() is then who works in the window.
class LoginDialog : public wxDialog {
  public:
    LoginDialog(wxWindow* parent, Database& db, const std::string& workstation,
                const wxString& last_user);
    const Actor& actor() const { return actor_; }

  private:
    void on_log_in(wxCommandEvent& event);

    Database& db_;
    std::string workstation_;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxStaticText* error_ = nullptr;
    Actor actor_;
};

}  // namespace dj::app
