#pragma once

#include <string>
#include <vector>

#include "app/view.h"

class wxButton;
class wxSpinCtrl;
class wxStaticText;

namespace dj::app {

class UserList;

// 用户与权限: the shop's users with their roles, the warehouses they work in, their badges and
// whether they are locked or disabled; adding a user, a new password, a badge and PIN, disabling,
// and the share of a stock count that asks for a second check. Needs users.manage (the use cases
// refuse others, and the view says so); each change asks for the owner's password again.
class UsersPanel : public View {
  public:
    UsersPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    std::vector<std::string> reads() const override { return {"app_user", "shop_setting"}; }

  private:
    std::string selected_user() const;
    void add_user();
    void change_credential(bool password);
    void disable_user();
    void save_count_check();
    void reset_shop_key();
    void say(const wxString& text, bool problem);

    UserList* list_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxSpinCtrl* count_check_ = nullptr;
    std::vector<wxButton*> buttons_;
    wxButton* reset_key_ = nullptr;
};

}  // namespace dj::app
