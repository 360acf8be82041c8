#include "app/reports_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include <filesystem>
#include <optional>

#include "app/file_chooser.h"
#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "core/periods/period.h"
#include "ops/periods.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "reports/stock_report_document.h"

namespace dj::app {
namespace {

// Stopped (Cancelled) when the window closes meanwhile: the task's progress is cancelled then.
reports::ReportDocument month_end(const std::string& db_path, const Clock& clock,
                                  const Actor& actor, const std::string& month,
                                  Progress& progress) {
    Database db(db_path, clock, Database::Mode::existing);
    StockReport report = ops::stock_report(db, actor, month_period(month, "month"), &progress);
    reports::ReportMeta meta;
    meta.shop = ops::shop_name(db);
    meta.generated_at = db.clock().now();
    return reports::month_end_document(report, ops::report_names(db), meta);
}

}  // namespace

ReportsPanel::ReportsPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto heading = [this](const wxString& text) {
        auto* t = new wxStaticText(this, wxID_ANY, text);
        t->SetFont(t->GetFont().Bold().Scaled(1.2f));
        return t;
    };
    root->Add(heading(_("Stock valuation now (moving average cost)")),
              wxSizerFlags().Border(wxALL, FromDIP(10)));
    valuation_ =
        new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(130)), wxLC_REPORT);
    const wxString titles[] = {_("Warehouse"), _("Name"),       _("SKUs in stock"), _("On hand"),
                               _("Reserved"),  _("In transit"), _("Value (yuan)")};
    for (const wxString& t : titles)
        valuation_->AppendColumn(t, wxLIST_FORMAT_RIGHT, FromDIP(120));
    root->Add(valuation_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    root->Add(heading(_("Month-end stock report")), wxSizerFlags().Border(wxALL, FromDIP(10)));
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Month:")),
             wxSizerFlags().Center().Border(wxRIGHT, 4));
    month_ = new wxChoice(this, wxID_ANY);
    std::string month = shop_date(ctx_.clock->now()).substr(0, 7);
    for (int i = 0; i < 12; ++i, month = previous_month(month))
        month_->Append(u8(month));
    month_->SetSelection(1);  // the month just ended is the one accountants close
    bar->Add(month_, wxSizerFlags().Center().Border(wxRIGHT, 8));
    auto* show = new wxButton(this, wxID_ANY, _("Show"));
    bar->Add(show, wxSizerFlags().Center().Border(wxRIGHT, 16));
    auto* pdf = new wxButton(this, wxID_ANY, _("Export PDF..."));
    auto* xlsx = new wxButton(this, wxID_ANY, _("Export Excel..."));
    auto* csv = new wxButton(this, wxID_ANY, _("Export CSV..."));
    for (wxButton* b : {pdf, xlsx, csv})
        bar->Add(b, wxSizerFlags().Center().Border(wxRIGHT, 4));
    month_status_ = new wxStaticText(this, wxID_ANY, {});
    bar->Add(month_status_, wxSizerFlags(1).Center().Border(wxLEFT, 8));
    root->Add(bar, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    auto* period = new wxBoxSizer(wxHORIZONTAL);
    period_state_ = new wxStaticText(this, wxID_ANY, {});
    period->Add(period_state_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    close_ = new wxButton(this, wxID_ANY, _("Close the month..."));
    close_->SetToolTip(
        _("Keep the month's report as it is now: no movement may be dated in it "
          "or before it afterwards"));
    reopen_ = new wxButton(this, wxID_ANY, _("Reopen..."));
    reopen_->SetToolTip(_("Allow changes to the month again (and to every later closed month)"));
    period->Add(close_, wxSizerFlags().Center().Border(wxRIGHT, 4));
    period->Add(reopen_, wxSizerFlags().Center());
    root->Add(period, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    month_end_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    root->Add(month_end_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    SetSizer(root);

    show->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_month_end(); });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close_month(); });
    reopen_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reopen_month(); });
    month_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { show_month_end(); });
    pdf->Bind(wxEVT_BUTTON,
              [this](wxCommandEvent&) { export_month_end("pdf", _("PDF (*.pdf)|*.pdf")); });
    xlsx->Bind(wxEVT_BUTTON,
               [this](wxCommandEvent&) { export_month_end("xlsx", _("Excel (*.xlsx)|*.xlsx")); });
    csv->Bind(wxEVT_BUTTON,
              [this](wxCommandEvent&) { export_month_end("csv", _("CSV (*.csv)|*.csv")); });
}

std::string ReportsPanel::selected_month() const {
    return to_u8(month_->GetString(std::max(0, month_->GetSelection())));
}

void ReportsPanel::reload() {
    valuation_->DeleteAllItems();
    long row = 0;
    Fen total = 0;
    Qty units = 0;
    auto num = [](long long n) { return wxString::Format("%lld", n); };
    for (const WarehouseSummary& w : ops::stock_summary(*ctx_.db, ctx_.actor)) {
        valuation_->InsertItem(row, u8(w.warehouse));
        valuation_->SetItem(row, 1, u8(w.name));
        valuation_->SetItem(row, 2, num(w.skus_in_stock));
        valuation_->SetItem(row, 3, num(w.on_hand));
        valuation_->SetItem(row, 4, num(w.reserved));
        valuation_->SetItem(row, 5, num(w.in_transit));
        valuation_->SetItem(row, 6, cost_text(ctx_.actor, w.value));
        total += w.value;
        units += w.on_hand;
        ++row;
    }
    valuation_->InsertItem(row, _("Total"));
    valuation_->SetItem(row, 3, num(units));
    valuation_->SetItem(row, 6, cost_text(ctx_.actor, total));
    valuation_->SetItemFont(row, valuation_->GetFont().Bold());
    show_month_end();
}

// The month's summary on screen: each warehouse's totals, transit, the shop and the rounding.
void ReportsPanel::show_month_end() {
    show_period_state();
    loading_ = true;
    month_status_->SetLabel(_("Computing..."));
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    std::string month = selected_month();
    ctx_.tasks.start<reports::ReportDocument>(
        alive(),
        [path, &clock, actor = ctx_.actor, month](TaskProgress& p) {
            return month_end(path, clock, actor, month, p);
        },
        [this](reports::ReportDocument& doc) {
            loading_ = false;
            month_end_->ClearAll();
            for (const reports::ReportColumn& c : doc.columns)
                month_end_->AppendColumn(
                    u8(c.header),
                    c.kind == reports::ColumnKind::text ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT,
                    FromDIP(c.kind == reports::ColumnKind::text ? 120 : 90));
            long row = 0;
            for (const auto* rows : {&doc.summary.rows, &doc.summary.totals})
                for (const reports::ReportRow& r : *rows) {
                    month_end_->InsertItem(row, {});
                    for (std::size_t c = 0; c < doc.columns.size(); ++c)
                        month_end_->SetItem(row, static_cast<long>(c),
                                            u8(reports::cell_text(doc.columns[c], r[c])));
                    ++row;
                }
            // Names, the rounding line's explanation and every figure and title read whole.
            for (std::size_t c = 0; c < doc.columns.size(); ++c)
                month_end_->SetColumnWidth(static_cast<int>(c), wxLIST_AUTOSIZE_USEHEADER);
            month_status_->SetLabel(
                wxString::Format(_("%s, generated %s"), u8(doc.period), u8(doc.generated)));
        },
        [this](const std::string& error) {
            loading_ = false;
            month_status_->SetLabel({});
            show_error(this, _("Could not compute the month-end report"), error);
        });
}

void ReportsPanel::show_period_state() {
    std::string month = selected_month();
    std::optional<ClosedPeriod> closed;
    for (const ClosedPeriod& p : ops::closed_periods(*ctx_.db))
        if (p.month == month) closed = p;
    period_state_->SetLabel(closed ? wxString::Format(_("%s is closed (by %s, %s)"), u8(month),
                                                      u8(closed->closed_by),
                                                      shop_time_text(closed->closed_at))
                                   : wxString::Format(_("%s is open"), u8(month)));
    close_->Enable(!closed);
    reopen_->Enable(closed.has_value());
    Layout();
}

void ReportsPanel::close_month() {
    std::string month = selected_month();
    if (!confirm(this,
                 wxString::Format(_("Close %s? Its report is kept as it is now, and no stock "
                                    "movement can be dated in %s or before it until it is "
                                    "reopened."),
                                  u8(month), u8(month)),
                 _("Close the month"), _("Close the month")))
        return;
    try {
        ops::close_period(*ctx_.db, ctx_.actor, month);
    } catch (const std::exception& e) {
        show_error(this, wxString::Format(_("Could not close %s"), u8(month)), e.what());
        return;
    }
    show_period_state();  // no other view shows whether a month is closed
}

void ReportsPanel::reopen_month() {
    std::string month = selected_month();
    wxTextEntryDialog ask(this,
                          wxString::Format(_("Why is %s reopened? The reason is kept in the "
                                             "audit log."),
                                           u8(month)),
                          _("Reopen the month"));
    if (ask.ShowModal() != wxID_OK) return;
    std::vector<std::string> reopened;
    try {
        if (!with_second_check(this, ctx_, [&] {
                reopened = ops::reopen_period(*ctx_.db, ctx_.actor, month, to_u8(ask.GetValue()));
            }))
            return;
    } catch (const std::exception& e) {
        show_error(this, wxString::Format(_("Could not reopen %s"), u8(month)), e.what());
        return;
    }
    wxString months;
    for (const std::string& m : reopened)
        months += (months.empty() ? "" : ", ") + u8(m);
    show_period_state();
    month_status_->SetLabel(wxString::Format(_("Reopened: %s"), months));
}

void ReportsPanel::export_month_end(const wxString& extension, const wxString& filter) {
    std::string month = selected_month();
    wxString file =
        choose_file(this, {_("Save the month-end stock report"),
                           wxString::Format("stock-%s.%s", u8(month), extension), filter, true});
    if (file.empty()) return;
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    std::string out = to_u8(file);
    month_status_->SetLabel(_("Exporting..."));
    ctx_.tasks.start<std::string>(
        alive(),
        [path, &clock, actor = ctx_.actor, month, out](TaskProgress& p) {
            reports::write_report(month_end(path, clock, actor, month, p), out);
            return out;
        },
        [this](std::string& written) {
            month_status_->SetLabel(wxString::Format(_("Saved %s"), u8(written)));
            if (confirm(this, wxString::Format(_("Saved %s. Open it now?"), u8(written)),
                        _("Export"), _("Open")))
                wxLaunchDefaultApplication(u8(written));
        },
        [this](const std::string& error) {
            month_status_->SetLabel({});
            show_error(this, _("Could not export the report"), error);
        });
}

}  // namespace dj::app
