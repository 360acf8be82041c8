#include "app/alerts_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "app/notify_channel_dialog.h"
#include "app/ui_helpers.h"
#include "core/alerts/alert_text.h"
#include "core/base/clock.h"
#include "core/base/translate.h"
#include "ops/alert_queries.h"
#include "ops/alerts.h"

namespace dj::app {
namespace {

wxString kind_label(AlertKind kind) {
    switch (kind) {
        case AlertKind::low_stock:
            return _("Low stock");
        case AlertKind::out_of_stock:
            return _("Out of stock");
        case AlertKind::overstock:
            return _("Overstock");
        case AlertKind::expiring:
            return _("Batch expiring");
        case AlertKind::expired:
            return _("Batch expired");
        case AlertKind::stagnant:
            return _("Stagnant stock");
        case AlertKind::count_loss:
            return _("Large count loss");
        case AlertKind::oversold:
            return _("Oversold");
    }
    return {};
}

wxString alert_status_label(const Alert& a, Timestamp now) {
    if (a.status == AlertStatus::resolved) return _("Resolved");
    if (a.snoozed_until && *a.snoozed_until > now)
        return wxString::Format(_("Snoozed until %s"), shop_time_text(*a.snoozed_until));
    return a.status == AlertStatus::acknowledged ? _("Acknowledged") : _("Open");
}

wxString kinds_text(const std::vector<AlertKind>& kinds) {
    if (kinds.empty()) return _("All");
    wxString out;
    for (AlertKind k : kinds)
        out += (out.empty() ? "" : ", ") + kind_label(k);
    return out;
}

StockLevel kind_level(AlertKind kind) {
    switch (kind) {
        case AlertKind::out_of_stock:
        case AlertKind::expired:
        case AlertKind::oversold:
        case AlertKind::count_loss:
            return StockLevel::out;
        default:
            return StockLevel::low;
    }
}

}  // namespace

AlertsPanel::AlertsPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold().Scaled(1.2f));
    bar->Add(summary_, wxSizerFlags(1).Center());
    resolved_ = new wxCheckBox(this, wxID_ANY, _("Show resolved"));
    bar->Add(resolved_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    auto* check = new wxButton(this, wxID_ANY, _("Check now"));
    auto* ack = new wxButton(this, wxID_ANY, _("Acknowledge"));
    auto* snooze_button = new wxButton(this, wxID_ANY, _("Snooze..."));
    for (wxButton* b : {check, ack, snooze_button})
        bar->Add(b, wxSizerFlags().Center().Border(wxLEFT, 4));
    root->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(140));
    list_->AppendColumn(_("SKU"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Warehouse"), wxLIST_FORMAT_LEFT, FromDIP(80));
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(170));
    list_->AppendColumn(_("Since"), wxLIST_FORMAT_LEFT, FromDIP(130));
    list_->AppendColumn(_("Details"), wxLIST_FORMAT_LEFT, FromDIP(460));
    root->Add(list_, wxSizerFlags(3).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));

    auto* channels_title = new wxStaticText(this, wxID_ANY, _("Notification channels"));
    channels_title->SetFont(channels_title->GetFont().Bold());
    auto* channels_bar = new wxBoxSizer(wxHORIZONTAL);
    channels_bar->Add(channels_title, wxSizerFlags(1).Center());
    auto* add_channel = new wxButton(this, wxID_ANY, _("Add a notification channel..."));
    channels_bar->Add(add_channel, wxSizerFlags().Center());
    root->Add(channels_bar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    channels_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    channels_->AppendColumn(_("Channel"), wxLIST_FORMAT_LEFT, FromDIP(130));
    channels_->AppendColumn(_("Type"), wxLIST_FORMAT_LEFT, FromDIP(80));
    channels_->AppendColumn(_("Alert kinds"), wxLIST_FORMAT_LEFT, FromDIP(160));
    channels_->AppendColumn(_("Quiet hours"), wxLIST_FORMAT_LEFT, FromDIP(100));
    channels_->AppendColumn(_("Waiting"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    channels_->AppendColumn(_("Last sent"), wxLIST_FORMAT_LEFT, FromDIP(130));
    channels_->AppendColumn(_("Last error"), wxLIST_FORMAT_LEFT, FromDIP(420));
    root->Add(channels_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    SetSizer(root);

    resolved_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { reload(); });
    check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { check_now(); });
    ack->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { acknowledge(); });
    snooze_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { snooze(); });
    add_channel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        NotifyChannelDialog dialog(this, ctx_);
        if (dialog.ShowModal() == wxID_OK) reload();
    });
}

void AlertsPanel::reload() {
    loading_ = true;
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    bool with_resolved = resolved_->IsChecked();
    ctx_.tasks.start<Data>(
        alive(),
        [path, &clock, with_resolved](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            Data data;
            for (Alert& a : ops::list_alerts(db, {}))
                if (with_resolved || a.status != AlertStatus::resolved)
                    data.alerts.push_back(std::move(a));
            data.channels = ops::list_notify_channels(db);
            data.pending = ops::pending_notification_counts(db);
            return data;
        },
        [this](Data& data) {
            loading_ = false;
            alerts_ = std::move(data.alerts);
            show(alerts_);
            show_channels(data);
        },
        [this](const std::string& error) {
            loading_ = false;
            show_error(this, _("Could not read the alerts"), error);
        });
}

void AlertsPanel::show(const std::vector<Alert>& alerts) {
    Timestamp now = ctx_.clock->now();
    list_->DeleteAllItems();
    long row = 0;
    std::size_t active = 0;
    for (const Alert& a : alerts) {
        list_->InsertItem(row, kind_label(a.kind));
        list_->SetItem(row, 1, u8(a.sku));
        list_->SetItem(row, 2, u8(a.warehouse));
        list_->SetItem(row, 3, alert_status_label(a, now));
        list_->SetItem(row, 4, shop_time_text(a.opened_at));
        list_->SetItem(row, 5, u8(alert_detail_text(a.kind, a.figures)));
        bool live =
            a.status != AlertStatus::resolved && !(a.snoozed_until && *a.snoozed_until > now);
        if (live) ++active;
        list_->SetItemBackgroundColour(row, live ? level_colour(kind_level(a.kind)) : *wxWHITE);
        ++row;
    }
    summary_->SetLabel(active == 0 ? _("No open alerts.")
                                   : wxString::Format(_("%zu open alerts"), active));
    Layout();
}

void AlertsPanel::show_channels(const Data& data) {
    channels_->DeleteAllItems();
    long row = 0;
    for (const NotifyChannel& c : data.channels) {
        auto pending = data.pending.find(c.id);
        channels_->InsertItem(row, u8(c.name));
        channels_->SetItem(row, 1, u8(notify_channel_kind_name(c.kind)));
        channels_->SetItem(row, 2, kinds_text(c.alert_kinds));
        channels_->SetItem(row, 3, c.quiet ? u8(format_quiet_hours(*c.quiet)) : wxString());
        channels_->SetItem(
            row, 4, wxString::Format("%d", pending == data.pending.end() ? 0 : pending->second));
        channels_->SetItem(row, 5, c.last_sent_at ? shop_time_text(*c.last_sent_at) : wxString());
        channels_->SetItem(row, 6, u8(c.last_error));
        channels_->SetItemBackgroundColour(
            row, c.last_error.empty() ? *wxWHITE : level_colour(StockLevel::out));
        ++row;
    }
    if (data.channels.empty()) {
        channels_->InsertItem(0, _("None yet: Add a notification channel..."));
    }
}

const Alert* AlertsPanel::selected() const {
    long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && row < static_cast<long>(alerts_.size()) ? &alerts_[row] : nullptr;
}

void AlertsPanel::check_now() {
    loading_ = true;
    summary_->SetLabel(_("Checking..."));
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    ctx_.tasks.start<int>(
        alive(),
        [path, &clock](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            ops::check_stock_alerts(db);
            return 0;
        },
        [this](int&) {
            loading_ = false;
            reload();
        },
        [this](const std::string& error) {
            loading_ = false;
            show_error(this, _("Could not check the alerts"), error);
        });
}

void AlertsPanel::acknowledge() {
    const Alert* a = selected();
    if (!a) return;
    try {
        ops::acknowledge_alert(*ctx_.db, ctx_.actor, a->id);
        reload();
    } catch (const std::exception& e) {
        show_error(this, _("Could not acknowledge the alert"), e.what());
    }
}

void AlertsPanel::snooze() {
    const Alert* a = selected();
    if (!a) return;
    wxString date = wxGetTextFromUser(
        _("Snooze until (YYYY-MM-DD):"), _("Snooze alert"),
        u8(date_from_days(days_from_date(shop_date(ctx_.clock->now())) + 1)), this);
    if (date.empty()) return;
    try {
        Timestamp until = parse_time(parse_date(to_u8(date), tr("Snooze until")), "until");
        ops::snooze_alert(*ctx_.db, ctx_.actor, a->id, until);
        reload();
    } catch (const std::exception& e) {
        show_error(this, _("Could not snooze the alert"), e.what());
    }
}

}  // namespace dj::app
