#pragma once

#include <wx/dialog.h>

#include <string>

#include "app/app_context.h"

class wxCheckBox;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// 连接店铺服务器: the shop server's address, database, user and password. Connect tries them
// (and offers to create the shop's tables on a server that holds none); the address is what
// Settings keeps, without the password, which stays in this program's memory only (or in the
// PostgreSQL password file, where libpq finds it without asking).
class ServerDialog : public wxDialog {
  public:
    ServerDialog(wxWindow* parent, AppContext& ctx);
    // The address connected to, once the dialog ended with wxID_OK.
    const std::string& url() const { return url_; }

  private:
    void connect();

    AppContext& ctx_;
    wxTextCtrl* host_ = nullptr;
    wxSpinCtrl* port_ = nullptr;
    wxTextCtrl* database_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxCheckBox* remember_ = nullptr;
    wxStaticText* message_ = nullptr;
    std::string url_;
};

}  // namespace dj::app
