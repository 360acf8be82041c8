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

// 切换用户 at a shared pack station: the next packer scans their badge (the scanner's Enter
// moves on to the PIN) and types the PIN; OK logs them in (ops::log_in_with_badge). Wrong ones
// are said in the dialog, which stays open.
class BadgeDialog : public wxDialog {
  public:
    BadgeDialog(wxWindow* parent, Database& db, const std::string& workstation);
    const Actor& actor() const { return actor_; }

  private:
    void on_switch(wxCommandEvent& event);

    Database& db_;
    std::string workstation_;
    wxTextCtrl* badge_ = nullptr;
    wxTextCtrl* pin_ = nullptr;
    wxStaticText* error_ = nullptr;
    Actor actor_;
};

}  // namespace dj::app
