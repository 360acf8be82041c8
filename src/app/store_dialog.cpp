#include "app/store_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/xrc/xmlres.h>

#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "http_client.h"
#include "ops/order_queries.h"
#include "ops/shop_queries.h"
#include "ops/shop_setup.h"
#include "ops/store_check.h"

namespace dj::app {

StoreDialog::StoreDialog(wxWindow* parent, AppContext& ctx, const ops::StoreOverview& overview)
    : ctx_(ctx), store_(overview.store) {
    const ShopStore& store = overview.store;
    wxXmlResource::Get()->LoadDialog(this, parent, "store_dialog");
    app_key_ = XRCCTRL(*this, "app_key", wxTextCtrl);
    app_secret_ = XRCCTRL(*this, "app_secret", wxTextCtrl);
    token_ = XRCCTRL(*this, "token", wxTextCtrl);
    endpoint_ = XRCCTRL(*this, "endpoint", wxTextCtrl);
    share_ = XRCCTRL(*this, "share", wxSpinCtrl);
    buffer_ = XRCCTRL(*this, "buffer", wxSpinCtrl);
    error_ = XRCCTRL(*this, "error", wxStaticText);
    answer_ = XRCCTRL(*this, "answer", wxStaticText);
    split_policy_ = XRCCTRL(*this, "split_policy", wxChoice);
    split_policy_->SetSelection(overview.split == SplitPolicy::split ? 1 : 0);
    XRCCTRL(*this, "store", wxStaticText)
        ->SetLabel(u8(store.name) + " (" +
                   platform_label(std::string(platform_code(store.platform))) + ")");
    if (const auto& c = overview.connection) {
        app_key_->SetValue(u8(c->app_key));
        // Secrets are never shown: left blank, the stored ones stay.
        app_secret_->SetHint(_("Kept: type a new one to replace it"));
        token_->SetHint(_("Kept: type a new one to replace it"));
        connected_ = true;
        endpoint_->SetValue(u8(c->endpoint));
        share_->SetValue(c->stock_share_percent);
        buffer_->SetValue(static_cast<int>(c->stock_buffer));
    }
    Bind(wxEVT_BUTTON, &StoreDialog::on_save, this, wxID_OK);
    XRCCTRL(*this, "test", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        test_connection();
    });
    GetSizer()->SetSizeHints(this);
}

StoreConnection StoreDialog::typed_connection() const {
    StoreConnection c;
    c.store_id = store_.id;
    c.store_code = store_.code;
    c.platform = store_.platform;
    c.app_key = to_u8(app_key_->GetValue());
    c.app_secret = to_u8(app_secret_->GetValue());
    c.token = to_u8(token_->GetValue());
    c.endpoint = to_u8(endpoint_->GetValue());
    c.stock_share_percent = share_->GetValue();
    c.stock_buffer = buffer_->GetValue();
    return c;
}

void StoreDialog::test_connection() {
    StoreConnection c = typed_connection();
    answer_->SetForegroundColour(GetForegroundColour());
    answer_->SetLabel(_("Asking the platform..."));
    error_->SetLabel({});
    // Blank secrets of a connected store: the stored ones are tried.
    bool stored = connected_ && c.app_secret.empty() && c.token.empty();
    ctx_.tasks.start<ops::StoreCheck>(
        alive_,
        [c, stored, path = ctx_.db_path, &clock = *ctx_.clock, actor = ctx_.actor](TaskProgress&) {
            HttpClient http;
            if (!stored) return ops::check_store_connection(http, c);
            Database db(path, clock, Database::Mode::existing);
            return ops::check_store_connection(db, http, actor, c.store_code);
        },
        [this](ops::StoreCheck& check) {
            answer_->SetLabel(wxString::Format(
                _("The platform answered: the credentials work (%zu carriers listed)."),
                check.carriers));
            GetSizer()->SetSizeHints(this);
        },
        [this](const std::string& error) {
            answer_->SetForegroundColour(wxColour(0xC0, 0, 0));
            answer_->SetLabel(wxString::Format(_("The connection failed: %s"), u8(error)));
            answer_->Wrap(FromDIP(420));
            GetSizer()->SetSizeHints(this);
        });
}

void StoreDialog::on_save(wxCommandEvent&) {
    try {
        StoreConnection c = typed_connection();
        SplitPolicy policy =
            split_policy_->GetSelection() == 1 ? SplitPolicy::split : SplitPolicy::hold;
        if (with_second_check(
                this, ctx_, [&] { ops::configure_store(*ctx_.db, ctx_.actor, store_, c, policy); }))
            EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        say_in(this, error_, u8(e.what()), true);
    }
}

}  // namespace dj::app
