#pragma once

#include <wx/dialog.h>

#include "app/app_context.h"

class wxTextCtrl;
class wxChoice;
class wxSpinCtrl;
class wxStaticText;

namespace dj::app {

enum class MovementForm { receive, transfer, count, customer_return, scrap, put_away };

// The receive / transfer / count / return / scrap dialog (forms/movement_dialog.xrc). It posts
// through the same use case as dianjia-cli (ops::move_stock) and shows a refusal inline,
// staying open.
class MovementDialog : public wxDialog {
  public:
    MovementDialog(wxWindow* parent, AppContext& ctx, MovementForm form, const wxString& sku,
                   const wxString& warehouse);
    // Movements posted when the dialog closed with OK.
    std::size_t posted() const { return posted_; }

  private:
    void show_only(std::initializer_list<const char*> fields);
    void on_post(wxCommandEvent& event);
    // Asks whether to go on although the movement was refused for `why`; true for `yes`.
    bool confirm(const wxString& why, const wxString& question, const wxString& title,
                 const wxString& yes);

    AppContext& ctx_;
    MovementForm form_;
    wxTextCtrl* sku_;
    wxSpinCtrl* qty_;
    wxChoice* warehouse_;
    wxChoice* to_warehouse_;
    wxTextCtrl* location_;
    wxTextCtrl* to_location_;
    wxTextCtrl* cost_;
    wxTextCtrl* batch_;
    wxTextCtrl* expiry_;
    wxTextCtrl* doc_;
    wxTextCtrl* reason_;
    wxStaticText* error_;
    std::vector<std::string> warehouse_codes_;
    std::size_t posted_ = 0;
};

}  // namespace dj::app
