#include "app/audit_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/file_chooser.h"
#include "app/ui_helpers.h"
#include "core/base/audit_action.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/role.h"
#include "ops/shop_queries.h"
#include "reports/audit_document.h"
#include "store/base/database.h"

namespace dj::app {

// Rows live here, the control asks for the cells it draws: no widget row per entry.
class AuditList : public wxListCtrl {
  public:
    explicit AuditList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
        AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(150));
        AppendColumn(_("User"), wxLIST_FORMAT_LEFT, FromDIP(90));
        AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, FromDIP(90));
        AppendColumn(_("Workstation"), wxLIST_FORMAT_LEFT, FromDIP(110));
        AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(140));
        AppendColumn(_("Subject"), wxLIST_FORMAT_LEFT, FromDIP(160));
        AppendColumn(_("Detail"), wxLIST_FORMAT_LEFT, FromDIP(420));
    }
    void set(std::vector<AuditEntry> rows) {
        rows_ = std::move(rows);
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }
    const std::vector<AuditEntry>& rows() const { return rows_; }

  private:
    wxString OnGetItemText(long item, long column) const override {
        const AuditEntry& e = rows_.at(static_cast<std::size_t>(item));
        switch (column) {
            case 0:
                return shop_time_text(e.at);
            case 1:
                return u8(e.actor.user);
            case 2:
                return u8(role_name(e.actor.role));
            case 3:
                return u8(e.actor.workstation);
            case 4:
                return u8(audit_action_name(e.action));
            case 5:
                return u8(e.subject);
            case 6:
                return u8(e.detail);
        }
        return {};
    }
    std::vector<AuditEntry> rows_;
};

namespace {

constexpr int kShown = 5000;

}  // namespace

AuditPanel::AuditPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    auto field = [&](const wxString& label, int width) {
        filters->Add(new wxStaticText(this, wxID_ANY, label),
                     wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(4)));
        auto* text = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition,
                                    wxSize(FromDIP(width), -1), wxTE_PROCESS_ENTER);
        filters->Add(text, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(10)));
        text->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { reload(); });
        return text;
    };
    user_ = field(_("User"), 90);
    // By what was changed: codes group as order.*, sku.*…, shown by their names.
    filters->Add(new wxStaticText(this, wxID_ANY, _("Action")),
                 wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(4)));
    action_ = new wxChoice(this, wxID_ANY);
    action_->Append(_("All"));
    for (const AuditActionGroup& g : audit_action_groups()) {
        action_->Append(u8(g.name));
        action_prefixes_.push_back(g.prefix);
    }
    action_->SetSelection(0);
    filters->Add(action_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(10)));
    action_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reload(); });
    text_ = field(_("Contains"), 120);
    from_ = field(_("From (YYYY-MM-DD)"), 100);
    to_ = field(_("To"), 100);
    auto* show = new wxButton(this, wxID_ANY, _("Show"));
    auto* save = new wxButton(this, wxID_ANY, _("Export..."));
    filters->Add(show, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    filters->Add(save);
    sizer->Add(filters, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    summary_ = new wxStaticText(this, wxID_ANY, {});
    sizer->Add(summary_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    list_ = new AuditList(this);
    sizer->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    SetSizer(sizer);
    show->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_entries(); });
}

void AuditPanel::reload() {
    try {
        AuditFilter filter;
        filter.user = to_u8(user_->GetValue().Strip(wxString::both));
        int group = action_->GetSelection();
        if (group > 0) filter.action = action_prefixes_[static_cast<std::size_t>(group - 1)];
        filter.text = to_u8(text_->GetValue().Strip(wxString::both));
        std::string from = to_u8(from_->GetValue().Strip(wxString::both));
        std::string to = to_u8(to_->GetValue().Strip(wxString::both));
        if (!from.empty())
            filter.from = parse_time(parse_date(from, to_u8(_("From"))), to_u8(_("From")));
        if (!to.empty())
            filter.to = parse_time(parse_date(to, to_u8(_("To"))), to_u8(_("To"))) + 24 * 60 * 60;
        filter.limit = kShown;
        list_->set(ops::audit_entries(*ctx_.db, ctx_.actor, filter));
        summary_->SetForegroundColour(GetForegroundColour());
        summary_->SetLabel(list_->rows().size() >= static_cast<std::size_t>(kShown)
                               ? wxString::Format(_("The newest %d entries: narrow the filter to "
                                                    "see older ones."),
                                                  kShown)
                               : wxString::Format(_("%zu entries"), list_->rows().size()));
    } catch (const Error& e) {
        list_->set({});
        summary_->SetForegroundColour(wxColour(0xC0, 0, 0));
        summary_->SetLabel(u8(e.what()));
    }
    Layout();
}

void AuditPanel::export_entries() {
    wxString file =
        choose_file(this, {_("Export the audit log"), "audit.xlsx",
                           _("Excel (*.xlsx)|*.xlsx|PDF (*.pdf)|*.pdf|CSV (*.csv)|*.csv"), true});
    if (file.empty()) return;
    try {
        reports::write_report(
            reports::audit_document(list_->rows(), ops::shop_name(*ctx_.db), ctx_.clock->now()),
            to_u8(file));
        summary_->SetLabel(wxString::Format(_("Saved %s"), file));
    } catch (const Error& e) {
        summary_->SetForegroundColour(wxColour(0xC0, 0, 0));
        summary_->SetLabel(u8(e.what()));
    }
}

}  // namespace dj::app
