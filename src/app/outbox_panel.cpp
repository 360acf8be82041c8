#include "app/outbox_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <optional>

#include "app/ui_helpers.h"
#include "core/fulfilment/carrier.h"
#include "ops/fulfilment_queries.h"
#include "ops/outbox.h"
#include "store/base/database.h"

namespace dj::app {

// Rows live here, the control asks for the cells it draws: no widget row per entry.
class OutboxList : public wxListCtrl {
  public:
    explicit OutboxList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
        AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(50));
        AppendColumn(_("Store"), wxLIST_FORMAT_LEFT, FromDIP(80));
        AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(110));
        AppendColumn(_("Order / SKU"), wxLIST_FORMAT_LEFT, FromDIP(160));
        AppendColumn(_("Waybill / quantity"), wxLIST_FORMAT_LEFT, FromDIP(150));
        AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(280));
        AppendColumn(_("Attempts"), wxLIST_FORMAT_RIGHT, FromDIP(70));
        AppendColumn(_("Platform's last answer"), wxLIST_FORMAT_LEFT, FromDIP(420));
    }
    void set(std::vector<OutboxEntry> rows) {
        rows_ = std::move(rows);
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }
    std::optional<Id> selected() const {
        long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return std::nullopt;
        return rows_[static_cast<std::size_t>(row)].id;
    }

  private:
    wxString OnGetItemText(long item, long column) const override {
        const OutboxEntry& e = rows_.at(static_cast<std::size_t>(item));
        bool shipment = e.kind == OutboxKind::shipment;
        switch (column) {
            case 0:
                return wxString::Format("%lld", static_cast<long long>(e.id));
            case 1:
                return u8(e.store_code);
            case 2:
                return shipment ? _("Shipment confirmation") : _("Stock offer");
            case 3:
                return u8(e.subject);
            case 4: {
                if (!shipment)
                    return wxString::Format(_("%lld sellable"), static_cast<long long>(e.quantity));
                const Carrier* c = find_carrier(e.carrier);
                return u8((c ? carrier_name(*c) : e.carrier) + " " + e.tracking_no);
            }
            case 5:
                if (e.acknowledged_at)
                    return wxString::Format(_("Accepted %s"), shop_time_text(*e.acknowledged_at));
                if (e.attempts == 0) return _("Waiting to be sent");
                if (e.in_doubt_since)
                    return wxString::Format(_("Answer lost; the platform is asked first, %s"),
                                            shop_time_text(e.next_attempt_at));
                return wxString::Format(_("Failed; next try %s"),
                                        shop_time_text(e.next_attempt_at));
            case 6:
                return wxString::Format("%d", e.attempts);
            case 7:
                return u8(e.last_error);
        }
        return {};
    }
    std::vector<OutboxEntry> rows_;
};

namespace {

struct Loaded {
    std::vector<OutboxEntry> entries;
    ops::OutboxSent backlog;
};

}  // namespace

OutboxPanel::OutboxPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold().Scaled(1.2f));
    bar->Add(summary_, wxSizerFlags(1).Center());
    pending_only_ = new wxCheckBox(this, wxID_ANY, _("Only what is still owed"));
    pending_only_->SetValue(true);
    bar->Add(pending_only_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    auto* send = new wxButton(this, wxID_ANY, _("Send now"));
    auto* retry_one = new wxButton(this, wxID_ANY, _("Retry selected"));
    auto* retry_all = new wxButton(this, wxID_ANY, _("Retry all failed"));
    for (wxButton* b : {send, retry_one, retry_all})
        bar->Add(b, wxSizerFlags().Center().Border(wxLEFT, 4));
    root->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    list_ = new OutboxList(this);
    root->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(root);

    pending_only_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { reload(); });
    send->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        summary_->SetLabel(_("Sending..."));
        if (ctx_.outbox_queued) ctx_.outbox_queued();
    });
    retry_one->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retry(true); });
    retry_all->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { retry(false); });
}

void OutboxPanel::reload() {
    loading_ = true;
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    bool pending_only = pending_only_->IsChecked();
    ctx_.tasks.start<Loaded>(
        alive(),
        [path, &clock, pending_only](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            return Loaded{ops::list_outbox(db, pending_only, 10000), ops::outbox_backlog(db)};
        },
        [this](Loaded& loaded) {
            loading_ = false;
            const ops::OutboxSent& b = loaded.backlog;
            summary_->SetLabel(
                b.pending == 0 ? _("Nothing is owed to the platforms")
                               : wxString::Format(_("%d owed to the platforms, %d of them failing"),
                                                  b.pending, b.failing));
            list_->set(std::move(loaded.entries));
            Layout();
        },
        [this](const std::string& error) {
            loading_ = false;
            summary_->SetLabel(u8(error));
        });
}

void OutboxPanel::retry(bool selected_only) {
    std::optional<Id> id;
    if (selected_only) {
        id = list_->selected();
        if (!id) return;
    }
    try {
        ops::retry_outbox(*ctx_.db, ctx_.actor, id);
        summary_->SetLabel(_("Sending..."));
        if (ctx_.outbox_queued) ctx_.outbox_queued();
    } catch (const std::exception& e) {
        show_error(this, _("Could not retry"), e.what());
    }
}

}  // namespace dj::app
