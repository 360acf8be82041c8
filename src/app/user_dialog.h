#pragma once

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxCheckListBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

struct AppContext;

// 添加用户: name, role (built-in or the shop's own), the warehouses they work in (none ticked:
// all) and a first password typed twice. Saves through ops::add_user after the owner's second
// check; a refusal or a bad field is said in the dialog, which stays open.
class UserDialog : public wxDialog {
  public:
    UserDialog(wxWindow* parent, AppContext& ctx);

  private:
    void on_save(wxCommandEvent& event);

    AppContext& ctx_;
    std::vector<std::string> roles_;
    std::vector<std::string> warehouses_;
    wxTextCtrl* name_ = nullptr;
    wxChoice* role_ = nullptr;
    wxCheckListBox* warehouse_list_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* repeat_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace dj::app
