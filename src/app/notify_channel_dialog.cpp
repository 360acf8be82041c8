#include "app/notify_channel_dialog.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/ui_helpers.h"
#include "core/alerts/alert.h"
#include "core/alerts/alert_text.h"
#include "core/alerts/notify_channel_form.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/alerts.h"

namespace dj::app {

namespace {

constexpr NotifyChannelKind kKinds[] = {NotifyChannelKind::wecom, NotifyChannelKind::dingtalk,
                                        NotifyChannelKind::smtp, NotifyChannelKind::desktop};

}  // namespace

NotifyChannelDialog::NotifyChannelDialog(wxWindow* parent, AppContext& ctx)
    : wxDialog(parent, wxID_ANY, _("Add a notification channel"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    form->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        form->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical());
    };
    auto text = [&](const wxString& caption, long style = 0) {
        label(caption);
        auto* t =
            new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(380), -1), style);
        form->Add(t, wxSizerFlags().Expand());
        return t;
    };
    label(_("Kind:"));
    kind_ = new wxChoice(this, wxID_ANY);
    for (NotifyChannelKind k : kKinds)
        kind_->Append(u8(notify_channel_kind_name(k)));
    kind_->SetSelection(0);
    form->Add(kind_);
    name_ = text(_("Channel name:"));
    url_ = text(_("Webhook URL, or mail server (smtps://HOST:465):"));
    secret_ = text(_("DingTalk signing secret (SEC...):"), wxTE_PASSWORD);
    mail_user_ = text(_("Mail login:"));
    mail_password_ = text(_("Mail password or authorisation code:"), wxTE_PASSWORD);
    mail_from_ = text(_("Sender address:"));
    mail_to_ = text(_("Receivers (separate with commas):"));
    quiet_ = text(_("Quiet hours (e.g. 22:00-08:00, may be empty):"));
    root->Add(form, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    root->Add(
        new wxStaticText(this, wxID_ANY, _("Alert kinds it receives (none ticked: every kind):")),
        wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    kinds_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(150)));
    for (int k = 0; k < kAlertKindCount; ++k)
        kinds_->Append(u8(alert_kind_label(static_cast<AlertKind>(k))));
    root->Add(kinds_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    error_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(error_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    actions->AddButton(new wxButton(this, wxID_OK, _("Add channel")));
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(root);
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { kind_changed(); });
    Bind(wxEVT_BUTTON, &NotifyChannelDialog::on_save, this, wxID_OK);
    kind_changed();
}

void NotifyChannelDialog::kind_changed() {
    NotifyChannelKind k = kKinds[std::max(0, kind_->GetSelection())];
    bool mail = k == NotifyChannelKind::smtp;
    url_->Enable(k != NotifyChannelKind::desktop);
    secret_->Enable(k == NotifyChannelKind::dingtalk);
    for (wxTextCtrl* t : {mail_user_, mail_password_, mail_from_, mail_to_})
        t->Enable(mail);
}

void NotifyChannelDialog::on_save(wxCommandEvent&) {
    error_->SetLabel({});
    try {
        auto value = [](wxTextCtrl* t) {
            return t->IsEnabled() ? to_u8(t->GetValue().Trim().Trim(false)) : std::string();
        };
        NotifyChannelForm f;
        f.kind = kKinds[std::max(0, kind_->GetSelection())];
        f.name = value(name_);
        f.url = value(url_);
        f.secret = value(secret_);
        f.mail_user = value(mail_user_);
        f.mail_password = value(mail_password_);
        f.mail_from = value(mail_from_);
        f.mail_to = value(mail_to_);
        for (unsigned i = 0; i < kinds_->GetCount(); ++i)
            if (kinds_->IsChecked(i)) f.alert_kinds.push_back(static_cast<AlertKind>(i));
        std::string quiet = value(quiet_);
        if (!quiet.empty()) f.quiet = parse_quiet_hours(quiet, tr("Quiet hours"));
        ops::add_notify_channel(*ctx_.db, ctx_.actor, make_notify_channel(f));
        EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        say_in(this, error_, u8(e.what()), true);
    }
}

}  // namespace dj::app
