#include "app/stock_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "app/movement_dialog.h"
#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

namespace dj::app {

wxString StockCells::text(const StockViewRow& r, unsigned col) {
    wxString value;
    auto num = [](Qty q) { return wxString::Format("%lld", static_cast<long long>(q)); };
    switch (static_cast<StockColumn>(col)) {
        case StockColumn::sku:
            value = u8(r.sku);
            break;
        case StockColumn::name:
            value = u8(r.name);
            break;
        case StockColumn::warehouse:
            value = u8(r.warehouse);
            break;
        case StockColumn::on_hand:
            value = num(r.on_hand);
            break;
        case StockColumn::reserved:
            value = num(r.reserved);
            break;
        case StockColumn::available:
            value = num(r.available);
            break;
        case StockColumn::in_transit:
            value = num(r.in_transit);
            break;
        case StockColumn::avg_cost:
            value = r.costs_hidden ? wxString("***") : money_text(r.avg_cost);
            break;
        case StockColumn::value:
            value = r.costs_hidden ? wxString("***") : money_text(r.value);
            break;
        case StockColumn::level:
            value = level_label(r.level);
            break;
        case StockColumn::count:
            break;
    }
    return value;
}

bool StockCells::style(const StockViewRow& r, unsigned col, wxDataViewItemAttr& attr) {
    auto c = static_cast<StockColumn>(col);
    if (c != StockColumn::available && c != StockColumn::level) return false;
    attr.SetBackgroundColour(level_colour(r.level));
    return true;
}

StockPanel::StockPanel(wxWindow* parent, AppContext& ctx)
    : View(parent, ctx), model_(new StockListModel(table_)) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    // Wraps: the six movement buttons do not fit beside the filters in every language.
    auto* bar = new wxWrapSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Warehouse:")),
             wxSizerFlags().Center().Border(wxRIGHT, 4));
    warehouse_ = new wxChoice(this, wxID_ANY);
    bar->Add(warehouse_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    problems_ = new wxCheckBox(this, wxID_ANY, _("Only low or out of stock"));
    bar->Add(problems_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    count_ = new wxStaticText(this, wxID_ANY, {});
    bar->Add(count_, wxSizerFlags().Center().Border(wxRIGHT, 6));
    // Back from what a dashboard figure opened.
    show_all_ = new wxButton(this, wxID_ANY, _("Show all"));
    show_all_->Hide();
    show_all_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_subset({}); });
    bar->Add(show_all_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    // In MovementForm order.
    const wxString actions[] = {_("Receive..."), _("Transfer..."), _("Count..."),
                                _("Return..."),  _("Scrap..."),    _("Put away...")};
    for (int i = 0; i < 6; ++i) {
        auto* b = new wxButton(this, wxID_ANY, actions[i]);
        b->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { open_dialog(i); });
        bar->Add(b, wxSizerFlags().Center().Border(wxRIGHT | wxBOTTOM, 4));
    }
    root->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));

    auto* split =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    list_ = new wxDataViewCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_ROW_LINES | wxDV_SINGLE);
    list_->AssociateModel(model_.get());
    const wxString titles[] = {_("SKU"),      _("Name"),      _("Warehouse"),  _("On hand"),
                               _("Reserved"), _("Available"), _("In transit"), _("Avg cost"),
                               _("Value"),    _("Level")};
    const int widths[] = {100, 220, 80, 80, 80, 80, 80, 90, 110, 70};
    for (unsigned c = 0; c < static_cast<unsigned>(StockColumn::count); ++c) {
        int width = remembered_width("/stock", c, FromDIP(widths[c]));
        bool right = c >= static_cast<unsigned>(StockColumn::on_hand) &&
                     c <= static_cast<unsigned>(StockColumn::value);
        list_->AppendTextColumn(titles[c], c, wxDATAVIEW_CELL_INERT, width,
                                right ? wxALIGN_RIGHT : wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
    }
    ledger_ = new wxListCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    const wxString ledger_titles[] = {_("Time"),     _("Kind"), _("Warehouse"), _("Location"),
                                      _("Batch"),    _("Qty"),  _("Unit cost"), _("Value"),
                                      _("Document"), _("By")};
    for (const wxString& t : ledger_titles)
        ledger_->AppendColumn(t, wxLIST_FORMAT_LEFT, FromDIP(95));
    split->SplitHorizontally(list_, ledger_, -FromDIP(200));
    split->SetSashGravity(1.0);
    split->SetMinimumPaneSize(FromDIP(80));
    root->Add(split, wxSizerFlags(1).Expand());
    fit_headers(*list_);
    SetSizer(root);

    warehouse_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int i = warehouse_->GetSelection();
        query_.warehouse = i > 0 ? warehouse_codes_[i - 1] : std::string();
        apply();
    });
    problems_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        query_.problems_only = problems_->IsChecked();
        query_.level.reset();
        apply();
    });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_ledger(); });
    list_->Bind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, [this](wxDataViewEvent& e) {
        if (e.GetColumn() < 0) return;
        auto column = static_cast<StockColumn>(e.GetColumn());
        query_.ascending = query_.sort == column ? !query_.ascending : true;
        query_.sort = column;
        apply();
    });
}

void StockPanel::reload() {
    warehouse_codes_.clear();
    warehouse_->Clear();
    warehouse_->Append(_("All warehouses"));
    for (const Warehouse& w : ops::list_warehouses(*ctx_.db)) {
        warehouse_codes_.push_back(w.code);
        warehouse_->Append(u8(w.name) + " (" + u8(w.code) + ")");
    }
    auto found = std::find(warehouse_codes_.begin(), warehouse_codes_.end(), query_.warehouse);
    warehouse_->SetSelection(found == warehouse_codes_.end()
                                 ? 0
                                 : static_cast<int>(found - warehouse_codes_.begin()) + 1);
    loading_ = true;
    count_->SetLabel(_("Loading stock..."));
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    ctx_.tasks.start<std::vector<StockViewRow>>(
        alive(),
        [path, &clock, actor = ctx_.actor](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            return StockTable::read(db, actor);
        },
        [this](std::vector<StockViewRow>& rows) {
            loading_ = false;
            const std::vector<StockViewRow> before = visible_rows(table_);
            table_.load(std::move(rows));
            apply(&before);
        },
        [this](const std::string& error) {
            loading_ = false;
            show_error(this, _("Could not read the stock"), error);
        });
}

namespace {

std::pair<std::string, std::string> place_of(const StockViewRow& r) {
    return {r.sku, r.warehouse};
}

}  // namespace

std::vector<std::string> StockPanel::reads() const {
    return {"stock_balance", "stock_lot",       "sku",          "sku_cost", "warehouse",
            "movement",      "stock_threshold", "shop_setting", "batch",    "location"};
}

void StockPanel::apply(const std::vector<StockViewRow>* before) {
    std::optional<std::pair<std::string, std::string>> kept;
    if (wxDataViewItem item = list_->GetSelection(); item.IsOk()) {
        const unsigned row = model_->GetRow(item);
        if (before && row < before->size())
            kept = place_of((*before)[row]);
        else if (!before && row < table_.size())
            kept = place_of(table_.row(row));
    }
    table_.apply(query_);
    if (!before || !redraw_changed_rows(*model_, table_, *before, place_of)) {
        model_->Reset(static_cast<unsigned>(table_.size()));
        for (std::size_t row = 0; kept && row < table_.size(); ++row)
            if (place_of(table_.row(row)) == *kept) {
                wxDataViewItem item = model_->GetItem(static_cast<unsigned>(row));
                list_->Select(item);
                list_->EnsureVisible(item);
                break;
            }
    }
    wxString count = wxString::Format(_("%zu rows"), table_.size());
    if (query_.level)
        count =
            wxString::Format(_("%zu rows (only: %s)"), table_.size(), level_label(*query_.level));
    count_->SetLabel(count);
    show_all_->Show(query_.level.has_value());
    Layout();
    show_ledger();
}

void StockPanel::show_subset(const std::string& subset) {
    query_.level.reset();
    if (subset == "enough") query_.level = StockLevel::enough;
    if (subset == "low") query_.level = StockLevel::low;
    if (subset == "out") query_.level = StockLevel::out;
    if (query_.level) {
        // The figure counted every warehouse.
        query_.warehouse.clear();
        warehouse_->SetSelection(0);
        query_.problems_only = false;
        problems_->SetValue(false);
    }
    if (!loading_) apply();
}

void StockPanel::search(const wxString& text) {
    query_.text = to_u8(text);
    if (!loading_) apply();
}

void StockPanel::show_ledger() {
    ledger_->DeleteAllItems();
    wxDataViewItem item = list_->GetSelection();
    if (!item.IsOk()) return;
    unsigned row = model_->GetRow(item);
    if (row >= table_.size()) return;
    LedgerFilter f;
    f.sku = table_.row(row).sku;
    std::vector<LedgerRow> rows = ops::list_ledger(*ctx_.db, ctx_.actor, f);
    // Newest first: that is what people look for.
    long n = 0;
    for (auto it = rows.rbegin(); it != rows.rend() && n < 500; ++it, ++n) {
        ledger_->InsertItem(n, shop_time_text(it->at));
        ledger_->SetItem(n, 1, movement_label(it->kind));
        ledger_->SetItem(n, 2, u8(it->warehouse));
        ledger_->SetItem(n, 3, u8(it->location));
        ledger_->SetItem(n, 4, u8(it->batch));
        ledger_->SetItem(n, 5, wxString::Format("%lld", static_cast<long long>(it->qty)));
        ledger_->SetItem(n, 6, cost_text(ctx_.actor, it->unit_cost));
        ledger_->SetItem(n, 7, cost_text(ctx_.actor, it->value));
        ledger_->SetItem(n, 8, u8(it->doc));
        ledger_->SetItem(n, 9, u8(it->actor.user) + "@" + u8(it->actor.workstation));
    }
}

void StockPanel::open_dialog(int form) {
    wxString sku;
    wxString warehouse;
    wxDataViewItem item = list_->GetSelection();
    if (item.IsOk() && model_->GetRow(item) < table_.size()) {
        const StockViewRow& r = table_.row(model_->GetRow(item));
        sku = u8(r.sku);
        warehouse = u8(r.warehouse);
    }
    MovementDialog dialog(this, ctx_, static_cast<MovementForm>(form), sku, warehouse);
    if (dialog.ShowModal() == wxID_OK && ctx_.data_changed) ctx_.data_changed();
}

void StockPanel::save_state() {
    remember_widths("/stock", *list_, table_.size());
}

}  // namespace dj::app
