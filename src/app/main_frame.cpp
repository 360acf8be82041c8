#include "app/main_frame.h"

#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>
#include <wx/toolbar.h>

#include "app/alert_watcher.h"
#include "app/alerts_panel.h"
#include "app/audit_panel.h"
#include "app/catalogue_panel.h"
#include "app/dashboard_panel.h"
#include "app/mapping_panel.h"
#include "app/orders_panel.h"
#include "app/outbox_panel.h"
#include "app/outbox_watcher.h"
#include "app/pack_panel.h"
#include "app/purchasing_panel.h"
#include "app/reports_panel.h"
#include "app/rules_panel.h"
#include "app/settings_panel.h"
#include "app/stock_panel.h"
#include "app/ui_helpers.h"
#include "app/users_panel.h"
#include "app/waybill_panel.h"
#include "core/base/clock.h"
#include "core/base/log.h"
#include "core/stock/catalogue.h"
#include "http_client.h"
#include "ops/change_feed.h"
#include "ops/outbox.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "ops/sync_stores.h"

namespace dj::app {
namespace {
enum { kIdRefresh = wxID_HIGHEST + 1, kIdSearch, kIdSync, kIdStatusTimer, kIdBusyTimer };
}

const std::vector<wxString>& MainFrame::view_names() {
    static const std::vector<wxString> names{
        "dashboard",  "orders",    "rules",  "waybills", "pack",  "outbox", "stock",   "mapping",
        "purchasing", "catalogue", "alerts", "reports",  "audit", "users",  "settings"};
    return names;
}

MainFrame::MainFrame(AppContext& ctx)
    : wxFrame(nullptr, wxID_ANY, _("Dianjia back office"), wxDefaultPosition, wxSize(1200, 760)),
      ctx_(ctx),
      status_timer_(this, kIdStatusTimer),
      busy_timer_(this, kIdBusyTimer) {
    build_menu();
    build_toolbar();
    CreateStatusBar(4);
    int widths[] = {-3, -2, -2, -1};
    GetStatusBar()->SetStatusWidths(4, widths);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    nav_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(170), -1));
    wxFont nav_font = nav_->GetFont();
    nav_font.SetPointSize(nav_font.GetPointSize() + 3);
    nav_->SetFont(nav_font);
    for (const wxString& label :
         {_("Dashboard"), _("Orders"), _("Rules"), _("Shipping labels"), _("Picking & packing"),
          _("Platform outbox"), _("Stock"), _("SKU mapping"), _("Purchasing"), _("Catalogue"),
          _("Alerts"), _("Reports"), _("Audit log"), _("Users"), _("Settings")})
        nav_->Append(label);
    book_ = new wxSimplebook(this);
    views_ = {new DashboardPanel(book_, ctx_),  new OrdersPanel(book_, ctx_),
              new RulesPanel(book_, ctx_),      new WaybillPanel(book_, ctx_),
              new PackPanel(book_, ctx_),       new OutboxPanel(book_, ctx_),
              new StockPanel(book_, ctx_),      new MappingPanel(book_, ctx_),
              new PurchasingPanel(book_, ctx_), new CataloguePanel(book_, ctx_),
              new AlertsPanel(book_, ctx_),     new ReportsPanel(book_, ctx_),
              new AuditPanel(book_, ctx_),      new UsersPanel(book_, ctx_),
              new SettingsPanel(book_, ctx_)};
    // One page, one nav entry, one --view name and one menu item each, in the same order.
    wxASSERT(views_.size() == view_names().size() && nav_->GetCount() == views_.size());
    for (std::size_t i = 0; i < views_.size(); ++i)
        book_->AddPage(views_[i], nav_->GetString(i));
    stale_.assign(views_.size(), true);
    body->Add(nav_, wxSizerFlags().Expand());
    body->Add(book_, wxSizerFlags(1).Expand());
    SetSizer(body);

    ctx_.open_view = [this](const std::string& view, const std::string& subset) {
        show_view(u8(view));
        if (View* v = current_view()) v->show_subset(subset);
    };
    ctx_.data_changed = [this] {
        stale_.assign(views_.size(), true);
        show_page(book_->GetSelection());
        update_status();
    };
    nav_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { show_page(e.GetSelection()); });
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    Bind(
        wxEVT_TIMER,
        [this](wxTimerEvent&) {
            if (changed_elsewhere_.empty()) return update_status();
            std::set<std::string> tables;
            tables.swap(changed_elsewhere_);
            changed_elsewhere(tables);
        },
        kIdStatusTimer);
    Bind(
        wxEVT_TIMER, [this](wxTimerEvent&) { show_busy(); }, kIdBusyTimer);
    status_timer_.Start(1000);
    busy_timer_.Start(200);

    restore_geometry();
    wxString last = wxConfig::Get()->Read("/window/view", "dashboard");
    show_view(last);
    update_status();
    watcher_ = std::make_unique<AlertWatcher>(this, ctx_, [this] { alerts_changed(); });
    watcher_->start();
    outbox_ = std::make_unique<OutboxWatcher>(
        ctx_, [this](const ops::OutboxSent& sent) { outbox_sent(sent); });
    ctx_.outbox_queued = [this] { outbox_->send_now(); };
    outbox_->start();
    start_change_feed();
}

void MainFrame::start_change_feed() {
    if (!ctx_.db->on_server()) return;
    const wxString server = u8(ctx_.db->location());
    connection_text_ = wxString::Format(_("Connecting to the server %s..."), server);
    ops::ChangeFeed::Handlers handlers;
    handlers.changed = [this](const std::vector<std::string>& tables) {
        CallAfter([this, tables] { changed_elsewhere_.insert(tables.begin(), tables.end()); });
    };
    handlers.connection = [this, server](bool connected, const std::string& problem) {
        wxString text = connected ? wxString::Format(_("Connected: %s"), server)
                                  : wxString::Format(_("Connection lost, trying again: %s (%s)"),
                                                     server, u8(problem));
        CallAfter([this, text] {
            connection_text_ = text;
            SetStatusText(connection_text_, 1);
        });
    };
    feed_ = std::make_unique<ops::ChangeFeed>(ctx_.db_path, *ctx_.clock, std::move(handlers));
}

MainFrame::~MainFrame() {
    feed_.reset();  // its thread stops before the window it reports to goes
    ctx_.data_changed = nullptr;
    ctx_.outbox_queued = nullptr;
    ctx_.open_view = nullptr;
}

void MainFrame::build_menu() {
    auto* file = new wxMenu;
    file->Append(kIdRefresh, _("&Refresh\tF5"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("E&xit\tCtrl+Q"));
    auto* view = new wxMenu;
    // In view order (view_names()); the outbox and the shipping labels came later, so they took
    // the next free keys, SKU mapping, purchasing (buying) and the catalogue their letters.
    const wxString labels[] = {_("&Dashboard\tCtrl+1"),
                               _("&Orders\tCtrl+2"),
                               _("R&ules\tCtrl+3"),
                               _("Shipping &labels\tCtrl+0"),
                               _("&Picking && packing\tCtrl+4"),
                               _("Platform &outbox\tCtrl+9"),
                               _("&Stock\tCtrl+5"),
                               _("SKU &mapping\tCtrl+M"),
                               _("Purchasing\tCtrl+B"),
                               _("Catalogue\tCtrl+K"),
                               _("&Alerts\tCtrl+6"),
                               _("&Reports\tCtrl+7"),
                               _("Aud&it log\tCtrl+L"),
                               _("Users\tCtrl+G"),
                               _("S&ettings\tCtrl+8")};
    static_assert(std::size(labels) == 15);
    for (int i = 0; i < 15; ++i) {
        view->Append(wxID_HIGHEST + 100 + i, labels[i]);
        Bind(
            wxEVT_MENU, [this, i](wxCommandEvent&) { show_page(i); }, wxID_HIGHEST + 100 + i);
    }
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Dianjia"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { ctx_.data_changed(); }, kIdRefresh);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            wxMessageBox(_("Dianjia (店家): orders, stock, packing and reports for shops on "
                           "Taobao, JD, Pinduoduo and Douyin."),
                         _("About Dianjia"), wxOK | wxICON_INFORMATION, this);
        },
        wxID_ABOUT);
}

void MainFrame::build_toolbar() {
    wxToolBar* tb = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT | wxTB_FLAT);
    tb->AddTool(kIdRefresh, _("Refresh"), wxArtProvider::GetBitmapBundle(wxART_REDO, wxART_TOOLBAR),
                _("Read everything from the database again (F5)"));
    tb->AddTool(kIdSync, _("Sync orders"),
                wxArtProvider::GetBitmapBundle(wxART_GO_DOWN, wxART_TOOLBAR),
                _("Pull new and changed orders from every connected store"));
    tb->AddSeparator();
    search_ = new wxSearchCtrl(tb, kIdSearch, {}, wxDefaultPosition, wxSize(FromDIP(320), -1),
                               wxTE_PROCESS_ENTER);
    search_->SetDescriptiveText(_("Search orders or SKUs: order no., receiver, SKU"));
    tb->AddControl(search_);
    tb->Realize();
    Bind(
        wxEVT_TOOL, [this](wxCommandEvent&) { sync_now(); }, kIdSync);
    auto run_search = [this](wxCommandEvent&) {
        if (View* v = current_view()) v->search(search_->GetValue());
    };
    search_->Bind(wxEVT_TEXT, run_search);
    search_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, run_search);
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        search_->Clear();
        if (View* v = current_view()) v->search({});
    });
}

void MainFrame::show_view(const wxString& name) {
    const auto& names = view_names();
    auto it = std::find(names.begin(), names.end(), name);
    show_page(it == names.end() ? 0 : static_cast<int>(it - names.begin()));
}

void MainFrame::show_page(int index) {
    if (index < 0 || index >= static_cast<int>(views_.size())) return;
    if (nav_->GetSelection() != index) nav_->SetSelection(index);
    if (book_->GetSelection() != index) book_->ChangeSelection(index);
    if (stale_[index]) reload_view(index);
    if (!search_->IsEmpty()) views_[index]->search(search_->GetValue());
    views_[index]->SetFocus();
}

void MainFrame::changed_elsewhere(const std::set<std::string>& tables) {
    for (std::size_t i = 0; i < views_.size(); ++i)
        if (affected_by(views_[i]->reads(), tables)) stale_[i] = true;
    const int shown = book_->GetSelection();
    if (shown >= 0 && stale_[shown]) reload_view(shown);
    update_status();
}

// A view that cannot read (the server gone, a refusal) says so and is read again when next shown;
// the window stays up.
void MainFrame::reload_view(int index) {
    stale_[index] = false;
    try {
        views_[index]->reload();
    } catch (const std::exception& e) {
        stale_[index] = true;
        log_message(LogLevel::error,
                    "view " + to_u8(view_names()[index]) + " could not read: " + e.what());
        show_error(this, _("Could not show this view"), e.what());
    }
}

View* MainFrame::current_view() const {
    int i = book_->GetSelection();
    return i >= 0 ? views_[i] : nullptr;
}

bool MainFrame::settled() const {
    if (ctx_.tasks.running() > 0) return false;
    for (View* v : views_)
        if (v->loading()) return false;
    return true;
}

void MainFrame::update_status() {
    wxString stores;
    try {
        for (const ops::StoreOverview& s : ops::store_overview(*ctx_.db)) {
            if (!stores.empty()) stores += "  ";
            wxString code = u8(s.store.code);
            const SyncState& state = s.sync;
            if (!s.connection)
                stores += wxString::Format(_("%s: not connected"), code);
            else if (state.failing)
                stores += wxString::Format(_("%s: sync failing"), code);
            else if (state.last_run_at)
                stores += wxString::Format(_("%s: synced %s"), code,
                                           u8(format_shop_time(*state.last_run_at).substr(11, 5)));
            else
                stores += wxString::Format(_("%s: not synced yet"), code);
        }
    } catch (const std::exception& e) {
        stores = u8(e.what());
    }
    SetStatusText(stores.empty() ? _("No stores yet: add them in Settings") : stores, 0);
    SetStatusText(connection_text_.empty() ? u8(ctx_.db_path) : connection_text_, 1);
    SetStatusText(outbox_text_, 2);
    show_busy();
}

void MainFrame::show_busy() {
    if (syncing_) return;
    wxString text = ctx_.tasks.running() > 0 ? _("Working...") : _("Ready");
    if (GetStatusBar()->GetStatusText(3) != text) SetStatusText(text, 3);
}

void MainFrame::sync_now() {
    if (syncing_) return;
    syncing_ = true;
    SetStatusText(_("Syncing orders..."), 3);
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    Actor actor = ctx_.actor;
    ctx_.tasks.start<std::vector<StoreSyncReport>>(
        alive_,
        [path, &clock, actor](TaskProgress& progress) {
            // Its own connection and HTTP client: nothing here is shared with the UI thread.
            Database db(path, clock, Database::Mode::existing);
            HttpClient http;
            return ops::sync_stores(db, http, actor, "", std::nullopt, &progress);
        },
        [this](std::vector<StoreSyncReport>& reports) {
            syncing_ = false;
            wxString summary;
            for (const StoreSyncReport& r : reports)
                summary += !r.ok ? wxString::Format(_("%s: failed: %s\n"), u8(r.store), u8(r.error))
                           : r.synced_elsewhere
                               ? wxString::Format(_("%s: synced by another workstation just now\n"),
                                                  u8(r.store))
                               : wxString::Format(_("%s: %d new, %d changed\n"), u8(r.store),
                                                  r.created, r.updated);
            if (reports.empty()) summary = _("No store is connected yet: connect one in Settings.");
            ctx_.data_changed();
            // What the sync queued (stock offers) goes out now.
            outbox_->send_now();
            wxMessageBox(summary, _("Sync orders"), wxOK | wxICON_INFORMATION, this);
        },
        [this](const std::string& error) {
            syncing_ = false;
            show_error(this, _("Could not sync the orders"), error);
        });
}

// After an outbox round: the status bar says what is still owed, and the outbox view (if shown)
// reads it again.
void MainFrame::outbox_sent(const ops::OutboxSent& sent) {
    outbox_text_ = sent.pending == 0 ? _("Platforms: all sent")
                                     : wxString::Format(_("Platforms: %d owed, %d failing"),
                                                        sent.pending, sent.failing);
    update_status();
    const auto& names = view_names();
    int page = static_cast<int>(std::find(names.begin(), names.end(), "outbox") - names.begin());
    if (page == book_->GetSelection())
        reload_view(page);
    else
        stale_[page] = true;
    if (sent.sent.sent > 0) stale_.assign(views_.size(), true);
}

// After the alert watcher's round: the views showing alerts read them again, at once when
// shown (without taking the focus from what the user is doing), else when next opened.
void MainFrame::alerts_changed() {
    const auto& names = view_names();
    int current = book_->GetSelection();
    for (const char* name : {"dashboard", "alerts"}) {
        int page = static_cast<int>(std::find(names.begin(), names.end(), name) - names.begin());
        if (page == current)
            reload_view(page);
        else
            stale_[page] = true;
    }
}

void MainFrame::restore_geometry() {
    wxConfigBase* c = wxConfig::Get();
    int x = c->ReadLong("/window/x", -1), y = c->ReadLong("/window/y", -1);
    int w = c->ReadLong("/window/w", 1200), h = c->ReadLong("/window/h", 760);
    SetSize(x, y, w, h);
    if (c->ReadBool("/window/maximized", false)) Maximize();
}

void MainFrame::save_geometry() {
    wxConfigBase* c = wxConfig::Get();
    if (!IsMaximized() && !IsIconized()) {
        wxRect r = GetRect();
        c->Write("/window/x", r.x);
        c->Write("/window/y", r.y);
        c->Write("/window/w", r.width);
        c->Write("/window/h", r.height);
    }
    c->Write("/window/maximized", IsMaximized());
    int page = book_->GetSelection();
    if (page >= 0) c->Write("/window/view", view_names()[page]);
    for (View* v : views_)
        v->save_state();
    c->Flush();
}

void MainFrame::on_close(wxCloseEvent& event) {
    save_geometry();
    status_timer_.Stop();
    busy_timer_.Stop();
    watcher_.reset();
    event.Skip();
}

bool MainFrame::save_screenshot(const wxString& path) {
    show_busy();  // the busy timer may not have seen the last task end yet
    Raise();
    Update();
    wxRect r = GetScreenRect();
    wxBitmap shot(r.width, r.height, 24);
    {
        wxScreenDC screen;
        wxMemoryDC mem(shot);
        mem.Blit(0, 0, r.width, r.height, &screen, r.x, r.y);
    }
    return shot.ConvertToImage().SaveFile(path, wxBITMAP_TYPE_PNG);
}

}  // namespace dj::app
