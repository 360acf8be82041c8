#include "app/users_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <functional>

#include "app/credential_dialog.h"
#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "app/user_dialog.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/role.h"
#include "core/people/login_guard.h"
#include "ops/access.h"
#include "ops/users.h"

namespace dj::app {

// Rows live here, the control asks for the cells it draws.
class UserList : public wxListCtrl {
  public:
    explicit UserList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
        AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(120));
        AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, FromDIP(110));
        AppendColumn(_("Works in"), wxLIST_FORMAT_LEFT, FromDIP(160));
        AppendColumn(_("Badge"), wxLIST_FORMAT_LEFT, FromDIP(140));
        AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(220));
    }
    void set(std::vector<User> rows, Timestamp now) {
        rows_ = std::move(rows);
        now_ = now;
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }
    const std::vector<User>& rows() const { return rows_; }

  private:
    wxString OnGetItemText(long item, long column) const override {
        const User& u = rows_.at(static_cast<std::size_t>(item));
        switch (column) {
            case 0:
                return u8(u.name);
            case 1:
                return u8(role_name(u.role));
            case 2:
                return u.warehouses.empty() ? _("every warehouse") : u8(joined(u.warehouses));
            case 3:
                return u.badge.empty() ? wxString() : u8(u.badge);
            case 4:
                if (u.disabled) return _("disabled");
                if (u.locked_until > now_)
                    return wxString::Format(_("locked until %s"), shop_time_text(u.locked_until));
                return _("active");
        }
        return {};
    }
    std::vector<User> rows_;
    Timestamp now_ = 0;
};

UsersPanel::UsersPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto button = [&](const wxString& label, std::function<void()> act) {
        auto* b = new wxButton(this, wxID_ANY, label);
        bar->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
        b->Bind(wxEVT_BUTTON, [act = std::move(act)](wxCommandEvent&) { act(); });
        buttons_.push_back(b);
    };
    button(_("Add user..."), [this] { add_user(); });
    button(_("New password..."), [this] { change_credential(true); });
    button(_("Badge and PIN..."), [this] { change_credential(false); });
    button(_("Disable"), [this] { disable_user(); });
    // Only where the key to the shop's secrets cannot be had (reload enables it).
    reset_key_ = new wxButton(this, wxID_ANY, _("Reset the shop key..."));
    bar->Add(reset_key_, wxSizerFlags().Border(wxLEFT, FromDIP(18)));
    reset_key_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reset_shop_key(); });
    sizer->Add(bar, wxSizerFlags().Border(wxALL, FromDIP(10)));
    summary_ = new wxStaticText(this, wxID_ANY, {});
    sizer->Add(summary_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    list_ = new UserList(this);
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    auto* check = new wxBoxSizer(wxHORIZONTAL);
    check->Add(new wxStaticText(this, wxID_ANY,
                                _("Ask for the password again when a stock count changes on "
                                  "hand by more than (%)")),
               wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    count_check_ =
        new wxSpinCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0,
                       login_guard::kMaxCountCheckPercent, login_guard::kDefaultCountCheckPercent);
    check->Add(count_check_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    auto* save = new wxButton(this, wxID_ANY, _("Save share"));
    check->Add(save, wxSizerFlags().CenterVertical());
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_count_check(); });
    buttons_.push_back(save);
    sizer->Add(check, wxSizerFlags().Border(wxALL, FromDIP(10)));
    SetSizer(sizer);
}

void UsersPanel::say(const wxString& text, bool problem) {
    summary_->SetForegroundColour(problem ? wxColour(0xC0, 0, 0) : GetForegroundColour());
    summary_->SetLabel(text);
    Layout();
}

void UsersPanel::reload() {
    try {
        list_->set(ops::list_users(*ctx_.db, ctx_.actor), ctx_.clock->now());
        count_check_->SetValue(ops::count_check_percent(*ctx_.db));
        for (wxButton* b : buttons_)
            b->Enable();
        reset_key_->Enable(!ops::shop_key_here(*ctx_.db));
        say(list_->rows().empty()
                ? _("No users yet: whoever opens the shop acts as its owner. Add the owner first.")
                : wxString::Format(_("%zu users"), list_->rows().size()),
            false);
    } catch (const Error& e) {
        list_->set({}, 0);
        for (wxButton* b : buttons_)
            b->Disable();
        reset_key_->Disable();
        say(u8(e.what()), true);
    }
}

std::string UsersPanel::selected_user() const {
    long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(list_->rows().size())) return {};
    return list_->rows()[static_cast<std::size_t>(row)].name;
}

void UsersPanel::add_user() {
    try {
        UserDialog dialog(this, ctx_);
        if (dialog.ShowModal() != wxID_OK) return;
    } catch (const Error& e) {
        return say(u8(e.what()), true);
    }
    if (ctx_.data_changed) ctx_.data_changed();
}

void UsersPanel::change_credential(bool password) {
    std::string user = selected_user();
    if (user.empty()) return say(_("Select a user first."), true);
    CredentialDialog dialog(
        this, ctx_, password ? CredentialDialog::Kind::password : CredentialDialog::Kind::badge,
        user);
    if (dialog.ShowModal() != wxID_OK) return;
    reload();
    say(password ? wxString::Format(_("The password of %s is changed."), u8(user))
                 : wxString::Format(_("%s can now switch to themselves at a pack station with "
                                      "the badge."),
                                    u8(user)),
        false);
}

void UsersPanel::disable_user() {
    std::string user = selected_user();
    if (user.empty()) return say(_("Select a user first."), true);
    if (!confirm(this,
                 wxString::Format(_("Disable %s? They can no longer log in, and their sessions "
                                    "and API tokens end. What they did stays in the audit log."),
                                  u8(user)),
                 _("Disable a user"), _("Disable")))
        return;
    try {
        if (!with_second_check(this, ctx_, [&] { ops::disable_user(*ctx_.db, ctx_.actor, user); }))
            return;
    } catch (const Error& e) {
        return say(u8(e.what()), true);
    }
    reload();
    say(wxString::Format(_("%s is disabled."), u8(user)), false);
}

void UsersPanel::reset_shop_key() {
    if (!confirm(this,
                 _("This workstation cannot get the key to the shop's secrets, and no owner's "
                   "password can bring it. Reset it? The stores' app secrets and tokens and the "
                   "robots' addresses and secrets are cleared and must be entered again."),
                 _("Reset the shop key"), _("Reset and clear the secrets")))
        return;
    int cleared = 0;
    try {
        if (!with_second_check(this, ctx_,
                               [&] { cleared = ops::reset_shop_key(*ctx_.db, ctx_.actor); }))
            return;
    } catch (const Error& e) {
        return say(u8(e.what()), true);
    }
    reload();
    say(wxString::Format(_("The shop key is reset: %d secrets cleared. Enter them again in "
                           "Settings and Alerts."),
                         cleared),
        false);
    if (ctx_.data_changed) ctx_.data_changed();
}

void UsersPanel::save_count_check() {
    int percent = count_check_->GetValue();
    try {
        if (!with_second_check(
                this, ctx_, [&] { ops::set_count_check_percent(*ctx_.db, ctx_.actor, percent); }))
            return;
    } catch (const Error& e) {
        return say(u8(e.what()), true);
    }
    say(wxString::Format(_("A count that changes on hand by more than %d %% now asks for the "
                           "password again."),
                         percent),
        false);
}

}  // namespace dj::app
