#include "app/dashboard_panel.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "ops/alert_queries.h"

namespace dj::app {

DashboardPanel::DashboardPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto heading = [this](const wxString& text) {
        auto* label = new wxStaticText(this, wxID_ANY, text);
        label->SetFont(label->GetFont().Bold().Scaled(1.3f));
        return label;
    };
    root->Add(heading(_("Orders waiting to ship")), wxSizerFlags().Border(wxALL, FromDIP(10)));
    auto* orders = new wxGridSizer(4, FromDIP(8), FromDIP(8));
    wxColour neutral(0xe8, 0xee, 0xf7);
    orders->Add(tile(_("Waiting to ship"), open_, neutral, "orders", "waiting"),
                wxSizerFlags().Expand());
    orders->Add(
        tile(_("Due within 24 hours"), due_, level_colour(StockLevel::low), "orders", "due"),
        wxSizerFlags().Expand());
    orders->Add(tile(_("Overdue"), overdue_, level_colour(StockLevel::out), "orders", "overdue"),
                wxSizerFlags().Expand());
    orders->Add(
        tile(_("Orders short of stock"), short_, level_colour(StockLevel::out), "orders", "short"),
        wxSizerFlags().Expand());
    orders->Add(tile(_("Refunds to intercept"), intercepts_, level_colour(StockLevel::low),
                     "orders", "intercept"),
                wxSizerFlags().Expand());
    orders->Add(tile(_("On hold"), held_, level_colour(StockLevel::low), "orders", "held"),
                wxSizerFlags().Expand());
    orders->Add(
        tile(_("Items without a SKU"), unmapped_, level_colour(StockLevel::out), "mapping", ""),
        wxSizerFlags().Expand());
    root->Add(orders, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    root->Add(heading(_("Stock levels (SKU x warehouse)")),
              wxSizerFlags().Border(wxALL, FromDIP(10)));
    auto* stock = new wxGridSizer(4, FromDIP(8), FromDIP(8));
    stock->Add(tile(_("Enough"), enough_, level_colour(StockLevel::enough), "stock", "enough"),
               wxSizerFlags().Expand());
    stock->Add(
        tile(_("Low (under 7 days of sales)"), low_, level_colour(StockLevel::low), "stock", "low"),
        wxSizerFlags().Expand());
    stock->Add(tile(_("Out of stock"), out_, level_colour(StockLevel::out), "stock", "out"),
               wxSizerFlags().Expand());
    stock->Add(tile(_("Open alerts"), alerts_, neutral, "alerts", ""), wxSizerFlags().Expand());
    root->Add(stock, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    root->Add(heading(_("Today's orders by platform and status")),
              wxSizerFlags().Border(wxALL, FromDIP(10)));
    today_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    today_->AppendColumn(_("Platform"), wxLIST_FORMAT_LEFT, FromDIP(180));
    today_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(180));
    today_->AppendColumn(_("Orders"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    root->Add(today_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(root);
}

wxPanel* DashboardPanel::tile(const wxString& caption, wxStaticText*& number,
                              const wxColour& colour, const std::string& view,
                              const std::string& subset) {
    auto* panel = new wxPanel(this);
    panel->SetBackgroundColour(colour);
    auto* s = new wxBoxSizer(wxVERTICAL);
    number = new wxStaticText(panel, wxID_ANY, "–");
    number->SetFont(number->GetFont().Bold().Scaled(2.2f));
    s->Add(number, wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, FromDIP(10)));
    auto* label = new wxStaticText(panel, wxID_ANY, caption);
    s->Add(label, wxSizerFlags().Border(wxALL, FromDIP(10)));
    panel->SetSizer(s);
    for (wxWindow* w : {static_cast<wxWindow*>(panel), static_cast<wxWindow*>(number),
                        static_cast<wxWindow*>(label)}) {
        w->SetCursor(wxCursor(wxCURSOR_HAND));
        w->SetToolTip(_("Click to see them"));
        w->Bind(wxEVT_LEFT_UP, [this, view, subset](wxMouseEvent&) {
            if (ctx_.open_view) ctx_.open_view(view, subset);
        });
    }
    return panel;
}

void DashboardPanel::reload() {
    loading_ = true;
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    ctx_.tasks.start<Figures>(
        alive(),
        [path, &clock](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            Timestamp now = clock.now();
            std::size_t open = 0;
            for (const Alert& a :
                 ops::list_alerts(db, AlertFilter{std::nullopt, std::nullopt, {}, {}, now, 1000}))
                if (a.status != AlertStatus::resolved) ++open;
            return Figures{ops::dashboard(db), open};
        },
        [this](Figures& f) {
            loading_ = false;
            show(f);
        },
        [this](const std::string& error) {
            loading_ = false;
            show_error(this, _("Could not read the dashboard"), error);
        });
}

void DashboardPanel::show(const Figures& f) {
    const DashboardFigures& d = f.dashboard;
    auto set = [](wxStaticText* label, long long n) {
        label->SetLabel(wxString::Format("%lld", n));
    };
    set(open_, d.open_orders);
    set(due_, d.due_soon);
    set(overdue_, d.overdue);
    set(short_, d.short_orders);
    set(intercepts_, d.intercepts);
    set(held_, d.on_hold);
    set(unmapped_, d.unmapped_orders);
    set(enough_, d.skus_enough);
    set(low_, d.skus_low);
    set(out_, d.skus_out);
    set(alerts_, static_cast<long long>(f.attention));
    today_->DeleteAllItems();
    long row = 0;
    for (const auto& c : d.today) {
        today_->InsertItem(row, platform_label(c.platform));
        today_->SetItem(row, 1, status_label(c.status));
        today_->SetItem(row, 2, wxString::Format("%lld", c.orders));
        ++row;
    }
    if (row == 0) today_->InsertItem(0, _("No orders today yet"));
    Layout();
}

}  // namespace dj::app
