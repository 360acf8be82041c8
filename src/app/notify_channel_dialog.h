#pragma once

#include <wx/dialog.h>

#include "app/app_context.h"

class wxCheckListBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// A new notification channel: a WeCom or DingTalk group robot (webhook, DingTalk's signing
// secret), a mail server with its login and addresses, or the desktop; which alert kinds it
// receives and its quiet hours. Built by make_notify_channel, saved by ops::add_notify_channel,
// as `notify add` does; a refusal is shown inline.
class NotifyChannelDialog : public wxDialog {
  public:
    NotifyChannelDialog(wxWindow* parent, AppContext& ctx);

  private:
    void kind_changed();
    void on_save(wxCommandEvent& event);

    AppContext& ctx_;
    wxChoice* kind_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* url_ = nullptr;
    wxTextCtrl* secret_ = nullptr;
    wxTextCtrl* mail_user_ = nullptr;
    wxTextCtrl* mail_password_ = nullptr;
    wxTextCtrl* mail_from_ = nullptr;
    wxTextCtrl* mail_to_ = nullptr;
    wxTextCtrl* quiet_ = nullptr;
    wxCheckListBox* kinds_ = nullptr;
    wxStaticText* error_ = nullptr;
};

}  // namespace dj::app
