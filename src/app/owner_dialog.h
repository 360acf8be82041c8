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

// 设置店主: the first start of a new shop makes its owner, who then logs in with the password
// (ops::add_user, then ops::log_in); from then on the window asks everyone to log in.
class OwnerDialog : public wxDialog {
  public:
    OwnerDialog(wxWindow* parent, Database& db, const std::string& workstation,
                const wxString& name);
    const Actor& actor() const { return actor_; }

  private:
    void on_create(wxCommandEvent& event);

    Database& db_;
    std::string workstation_;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* again_ = nullptr;
    wxStaticText* error_ = nullptr;
    Actor actor_;
};

}  // namespace dj::app
