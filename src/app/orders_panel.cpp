#include "app/orders_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/timer.h>
#include <wx/wrapsizer.h>

#include <algorithm>
#include <unordered_set>

#include "app/file_chooser.h"
#include "app/second_check.h"
#include "app/ui_helpers.h"
#include "app/waybill_job.h"
#include "core/base/clock.h"
#include "core/fulfilment/carrier.h"
#include "core/orders/rule_text.h"
#include "ops/allocate_orders.h"
#include "ops/order_decisions.h"
#include "ops/order_export.h"
#include "ops/order_parcels.h"
#include "ops/order_queries.h"
#include "ops/ship_order.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"
#include "reports/order_export_document.h"

namespace dj::app {
namespace {

const char* kStatusCodes[] = {"",          "pending_payment", "to_ship",          "shipped",
                              "completed", "cancelled",       "refund_requested", "refunded"};

}  // namespace

wxString OrderCells::text(const OrderRow& r, unsigned col) {
    wxString value;
    switch (static_cast<OrderColumn>(col)) {
        case OrderColumn::order_id:
            value = u8(r.order_id);
            break;
        case OrderColumn::store:
            value = u8(r.store);
            break;
        case OrderColumn::status: {
            wxString text = status_label(r.status);
            if (r.priority > 0) text = _("URGENT") + " " + text;
            if (!r.hold.empty()) text += " (" + _("on hold") + ")";
            for (const std::string& tag : r.tags)
                text += " [" + u8(tag) + "]";
            value = text;
            break;
        }
        case OrderColumn::allocation:
            value = allocation_label(r.allocation);
            break;
        case OrderColumn::receiver:
            value = u8(r.receiver);
            break;
        case OrderColumn::region:
            value = u8(r.region);
            break;
        case OrderColumn::items:
            value = u8(r.items);
            break;
        case OrderColumn::units:
            value = wxString::Format("%lld", static_cast<long long>(r.units));
            break;
        case OrderColumn::amount:
            value = money_text(r.amount);
            break;
        case OrderColumn::created:
            value = shop_time_text(r.created);
            break;
        case OrderColumn::promised:
            value = shop_time_text(r.promised);
            break;
        case OrderColumn::count:
            value = wxString();
            break;
    }
    return value;
}

bool OrderCells::style(const OrderRow& r, unsigned col, wxDataViewItemAttr& attr) {
    auto c = static_cast<OrderColumn>(col);
    if (c != OrderColumn::allocation && c != OrderColumn::status) return false;
    if (c == OrderColumn::status && !r.hold.empty()) {
        attr.SetBackgroundColour(level_colour(StockLevel::low));
        return true;
    }
    if (r.status == "refund_requested" || r.allocation == "short" || r.allocation == "unmapped") {
        attr.SetBackgroundColour(level_colour(StockLevel::out));
        return true;
    }
    if (r.allocation == "allocated") {
        attr.SetBackgroundColour(level_colour(StockLevel::enough));
        return true;
    }
    return false;
}

OrdersPanel::OrdersPanel(wxWindow* parent, AppContext& ctx)
    : View(parent, ctx), model_(new OrderListModel(table_)), progress_timer_(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (progress_ && progress_->total > 0)
            gauge_->SetValue(static_cast<int>(1000 * progress_->done / progress_->total));
    });
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Store:")),
             wxSizerFlags().Center().Border(wxRIGHT, 4));
    store_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(150), -1));
    bar->Add(store_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    bar->Add(new wxStaticText(this, wxID_ANY, _("Status:")),
             wxSizerFlags().Center().Border(wxRIGHT, 4));
    status_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(120), -1));
    status_->Append(_("All"));
    for (std::size_t i = 1; i < std::size(kStatusCodes); ++i)
        status_->Append(status_label(kStatusCodes[i]));
    status_->SetSelection(0);
    bar->Add(status_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    bar->Add(new wxStaticText(this, wxID_ANY, _("Created:")),
             wxSizerFlags().Center().Border(wxRIGHT, 4));
    period_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(110), -1));
    for (const wxString& p :
         {_("Any time"), _("Today"), _("Last 3 days"), _("Last 7 days"), _("Last 30 days")})
        period_->Append(p);
    period_->SetSelection(0);
    bar->Add(period_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    bar->Add(new wxStaticText(this, wxID_ANY, _("Tag:")),
             wxSizerFlags().Center().Border(wxRIGHT, 4));
    tag_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(110), -1));
    bar->Add(tag_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    held_only_ = new wxCheckBox(this, wxID_ANY, _("On hold only"));
    bar->Add(held_only_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    // The buyers' full data leaves the program here only: buyers.export and a second check.
    auto* exporter = new wxButton(this, wxID_ANY, _("Export orders..."));
    exporter->SetToolTip(
        _("Write the orders of this store, status and tag, with their buyers' "
          "names, phones and addresses, to an Excel or CSV file"));
    bar->Add(exporter, wxSizerFlags().Center().Border(wxRIGHT, 12));
    exporter->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_orders(); });
    count_ = new wxStaticText(this, wxID_ANY, {});
    bar->Add(count_, wxSizerFlags(1).Center());
    gauge_ = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, wxSize(FromDIP(160), -1));
    gauge_->Hide();
    bar->Add(gauge_, wxSizerFlags().Center().Border(wxRIGHT, 4));
    cancel_ = new wxButton(this, wxID_ANY, _("Cancel"));
    cancel_->Hide();
    bar->Add(cancel_, wxSizerFlags().Center().Border(wxRIGHT, 8));
    root->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    // What a dashboard figure opened, until the person asks for every order again.
    focus_bar_ = new wxBoxSizer(wxHORIZONTAL);
    focus_ = new wxStaticText(this, wxID_ANY, {});
    focus_->SetFont(focus_->GetFont().Bold());
    focus_bar_->Add(focus_, wxSizerFlags().Center().Border(wxRIGHT, 12));
    auto* unfocus = new wxButton(this, wxID_ANY, _("Show every order"));
    focus_bar_->Add(unfocus, wxSizerFlags().Center());
    root->Add(focus_bar_, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
    root->Hide(focus_bar_);
    unfocus->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_subset({}); });

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                       wxSP_LIVE_UPDATE | wxSP_3D);
    list_ = new wxDataViewCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_ROW_LINES | wxDV_MULTIPLE);
    list_->AssociateModel(model_.get());
    const wxString titles[] = {_("Order no."), _("Store"),   _("Status"), _("Stock"),
                               _("Receiver"),  _("Region"),  _("Items"),  _("Units"),
                               _("Paid"),      _("Created"), _("Ship by")};
    const int widths[] = {180, 80, 180, 90, 80, 150, 180, 50, 80, 130, 130};
    for (unsigned c = 0; c < static_cast<unsigned>(OrderColumn::count); ++c) {
        int width = remembered_width("/orders", c, FromDIP(widths[c]));
        bool right = c == static_cast<unsigned>(OrderColumn::units) ||
                     c == static_cast<unsigned>(OrderColumn::amount);
        list_->AppendTextColumn(titles[c], c, wxDATAVIEW_CELL_INERT, width,
                                right ? wxALIGN_RIGHT : wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
    }
    fit_headers(*list_);
    auto* detail = new wxPanel(split);
    auto* ds = new wxBoxSizer(wxVERTICAL);
    // Wraps: the order's buttons do not fit in one row in every language.
    auto* head = new wxWrapSizer(wxHORIZONTAL);
    detail_ = new wxStaticText(detail, wxID_ANY, _("Select an order to see its lines and stock."));
    // Not about the selected order: reserves for every waiting one, earliest paid first.
    auto* allocate = new wxButton(detail, wxID_ANY, _("Reserve stock for waiting orders"));
    head->Add(allocate, wxSizerFlags().Top().Border(wxALL, FromDIP(4)));
    head->AddSpacer(FromDIP(16));
    hold_ = new wxButton(detail, wxID_ANY, _("Hold..."));
    release_ = new wxButton(detail, wxID_ANY, _("Release"));
    urgent_ = new wxButton(detail, wxID_ANY, _("Urgent"));
    note_ = new wxButton(detail, wxID_ANY, _("Note..."));
    parcel_ = new wxButton(detail, wxID_ANY, _("Merge / split..."));
    parcel_->SetToolTip(
        _("Ship with the receiver's other waiting orders in one parcel, or split the order "
          "over warehouses"));
    waybill_ = new wxButton(detail, wxID_ANY, _("Get number && print"));
    waybill_->SetToolTip(
        _("An e-waybill number from the order's platform, printed through its print component"));
    ship_ = new wxButton(detail, wxID_ANY, _("Ship from stock"));
    for (wxButton* b : {hold_, release_, urgent_, note_, parcel_, waybill_, ship_}) {
        b->Disable();
        head->Add(b, wxSizerFlags().Top().Border(wxALL, FromDIP(4)));
    }
    ds->Add(head, wxSizerFlags().Expand());
    ds->Add(detail_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(6)));
    history_ = new wxStaticText(detail, wxID_ANY, {});
    history_->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
    ds->Add(history_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
    lines_ = new wxListCtrl(detail, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    lines_->AppendColumn(_("Platform SKU"), wxLIST_FORMAT_LEFT, FromDIP(150));
    lines_->AppendColumn(_("Seller code"), wxLIST_FORMAT_LEFT, FromDIP(110));
    lines_->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, FromDIP(260));
    lines_->AppendColumn(_("Qty"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    lines_->AppendColumn(_("Price"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    ds->Add(lines_, wxSizerFlags(1).Expand());
    detail->SetSizer(ds);
    split->SplitHorizontally(list_, detail, -FromDIP(190));
    split->SetSashGravity(1.0);
    split->SetMinimumPaneSize(FromDIP(80));
    root->Add(split, wxSizerFlags(1).Expand());
    SetSizer(root);

    store_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int i = store_->GetSelection();
        query_.store = i > 0 ? store_codes_[i - 1] : std::string();
        apply();
    });
    tag_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        int i = tag_->GetSelection();
        query_.tag = i > 0 ? tags_[i - 1] : std::string();
        apply();
    });
    status_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        query_.status = kStatusCodes[std::max(0, status_->GetSelection())];
        apply();
    });
    period_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int days[] = {0, 1, 3, 7, 30};
        int d = days[std::max(0, period_->GetSelection())];
        // Days are counted in shop time from today's midnight.
        query_.created_from =
            d == 0 ? 0 : parse_time(shop_date(ctx_.clock->now()), "today") - (d - 1) * 86400LL;
        apply();
    });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (progress_) progress_->cancel = true;
        loading_ = false;
        progress_timer_.Stop();
        gauge_->Hide();
        cancel_->Hide();
        count_->SetLabel(_("Loading cancelled: press F5 to load the orders again"));
        Layout();
    });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_detail(); });
    list_->Bind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, &OrdersPanel::on_header_click, this);
    allocate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { allocate_waiting(); });
    held_only_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        query_.held_only = held_only_->IsChecked();
        apply();
    });
    hold_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act(Action::hold); });
    release_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act(Action::release); });
    urgent_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act(Action::urgent); });
    note_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act(Action::note); });
    parcel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_parcel_menu(); });
    ship_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ship_selected(); });
    waybill_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { waybill_selected(); });
}

void OrdersPanel::export_orders() {
    wxString file = choose_file(this, {_("Export orders with their buyers"), "orders.xlsx",
                                       _("Excel (*.xlsx)|*.xlsx|CSV (*.csv)|*.csv"), true});
    if (file.empty()) return;
    OrderFilter filter;
    filter.store = query_.store;
    filter.tag = query_.tag;
    if (!query_.status.empty()) filter.status = parse_order_status(query_.status);
    try {
        std::vector<OrderSummary> orders;
        if (!with_second_check(this, ctx_, [&] {
                orders = ops::export_orders(*ctx_.db, ctx_.actor, filter, to_u8(file));
            }))
            return;
        reports::write_report(
            reports::order_export_document(orders, ops::shop_name(*ctx_.db), ctx_.clock->now()),
            to_u8(file));
        count_->SetLabel(wxString::Format(_("%zu orders saved to %s"), orders.size(), file));
    } catch (const std::exception& e) {
        show_error(this, _("Could not export the orders"), e.what());
    }
}

void OrdersPanel::reload() {
    tags_ = ops::order_tags_in_use(*ctx_.db);
    tag_->Clear();
    tag_->Append(_("All tags"));
    for (const std::string& t : tags_)
        tag_->Append(u8(t));
    auto tag_at = std::find(tags_.begin(), tags_.end(), query_.tag);
    if (tag_at == tags_.end()) query_.tag.clear();
    tag_->SetSelection(tag_at == tags_.end() ? 0 : static_cast<int>(tag_at - tags_.begin()) + 1);
    store_codes_.clear();
    store_->Clear();
    store_->Append(_("All stores"));
    for (const ShopStore& s : ops::list_stores(*ctx_.db)) {
        store_codes_.push_back(s.code);
        store_->Append(u8(s.name) + " (" + platform_label(std::string(platform_code(s.platform))) +
                       ")");
    }
    auto found = std::find(store_codes_.begin(), store_codes_.end(), query_.store);
    store_->SetSelection(
        found == store_codes_.end() ? 0 : static_cast<int>(found - store_codes_.begin()) + 1);

    loading_ = true;
    gauge_->SetValue(0);
    gauge_->Show();
    cancel_->Show();
    count_->SetLabel(_("Loading orders..."));
    Layout();
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    std::shared_ptr<TaskProgress> progress = ctx_.tasks.start<std::vector<OrderRow>>(
        alive(),
        [path, &clock, actor = ctx_.actor](TaskProgress& p) {
            Database db(path, clock, Database::Mode::existing);
            return OrderTable::read(db, actor, p);
        },
        [this](std::vector<OrderRow>& rows) {
            loading_ = false;
            progress_timer_.Stop();
            gauge_->Hide();
            cancel_->Hide();
            const std::vector<OrderRow> before = visible_rows(table_);
            table_.load(std::move(rows));
            apply(&before);
        },
        [this](const std::string& error) {
            loading_ = false;
            progress_timer_.Stop();
            gauge_->Hide();
            cancel_->Hide();
            show_error(this, _("Could not read the orders"), error);
        });
    // The worker only counts; the gauge is moved here, on the UI thread.
    progress_ = progress;
    progress_timer_.Start(100);
}

std::vector<std::string> OrdersPanel::reads() const {
    return {"shop_order",    "order_line",    "order_line_item", "order_hold", "order_tag",
            "order_waybill", "order_packed",  "order_merge",     "shop_store", "sku",
            "warehouse",     "stock_balance", "stock_lot",       "wave",       "wave_order"};
}

void OrdersPanel::apply(const std::vector<OrderRow>* before) {
    std::vector<Id> kept;
    if (before) {
        wxDataViewItemArray items;
        list_->GetSelections(items);
        for (const wxDataViewItem& item : items)
            if (unsigned row = model_->GetRow(item); row < before->size())
                kept.push_back((*before)[row].id);
    } else {
        kept = selected_orders();
    }
    table_.apply(query_);
    count_->SetLabel(wxString::Format(_("%zu of %zu orders"), table_.size(), table_.total()));
    if (before &&
        redraw_changed_rows(*model_, table_, *before, [](const OrderRow& r) { return r.id; })) {
        show_detail();
        return;
    }
    model_->Reset(static_cast<unsigned>(table_.size()));
    std::unordered_set<Id> keep(kept.begin(), kept.end());
    wxDataViewItemArray items;
    for (std::size_t row = 0; row < table_.size() && !keep.empty(); ++row)
        if (keep.count(table_.row(row).id))
            items.push_back(model_->GetItem(static_cast<unsigned>(row)));
    // Something is always selected, so the detail pane is never empty when there are orders.
    if (items.empty() && table_.size() > 0) items.push_back(model_->GetItem(0));
    if (!items.empty()) {
        list_->SetSelections(items);
        list_->SetCurrentItem(items.front());
        list_->EnsureVisible(items.front());
    }
    show_detail();
}

void OrdersPanel::show_subset(const std::string& subset) {
    query_.focus = parse_order_focus(subset);
    query_.now = ctx_.clock->now();
    // The figure counted every store and time: so does the list it opens.
    if (query_.focus != OrderFocus::all) {
        query_.store.clear();
        query_.status.clear();
        query_.created_from = 0;
        query_.held_only = false;
        query_.tag.clear();
        for (wxChoice* c : {store_, status_, period_, tag_})
            c->SetSelection(0);
        held_only_->SetValue(false);
    }
    static const std::pair<OrderFocus, const char*> captions[] = {
        {OrderFocus::waiting, wxTRANSLATE("Showing: orders waiting to ship")},
        {OrderFocus::due_soon, wxTRANSLATE("Showing: orders due within 24 hours")},
        {OrderFocus::overdue, wxTRANSLATE("Showing: overdue orders")},
        {OrderFocus::short_stock, wxTRANSLATE("Showing: orders short of stock")},
        {OrderFocus::to_intercept, wxTRANSLATE("Showing: refunds to intercept")},
        {OrderFocus::held, wxTRANSLATE("Showing: orders on hold")}};
    wxString caption;
    for (const auto& [f, text] : captions)
        if (f == query_.focus) caption = wxGetTranslation(text);
    focus_->SetLabel(caption);
    GetSizer()->Show(focus_bar_, query_.focus != OrderFocus::all);
    Layout();
    if (!loading_) apply();
}

void OrdersPanel::search(const wxString& text) {
    query_.text = to_u8(text);
    if (!loading_) apply();
}

Id OrdersPanel::selected_order() const {
    if (list_->GetSelectedItemsCount() != 1) return 0;
    unsigned row = model_->GetRow(list_->GetSelection());
    return row < table_.size() ? table_.row(row).id : 0;
}

std::vector<Id> OrdersPanel::selected_orders() const {
    wxDataViewItemArray items;
    list_->GetSelections(items);
    std::vector<unsigned> rows;
    for (const wxDataViewItem& item : items)
        rows.push_back(model_->GetRow(item));
    std::sort(rows.begin(), rows.end());
    std::vector<Id> ids;
    for (unsigned row : rows)
        if (row < table_.size()) ids.push_back(table_.row(row).id);
    return ids;
}

void OrdersPanel::show_detail() {
    lines_->DeleteAllItems();
    Id id = selected_order();
    for (wxButton* b : {hold_, release_, urgent_, note_, parcel_, waybill_, ship_})
        b->Disable();
    if (std::size_t several = list_->GetSelectedItemsCount(); several > 1) {
        detail_->SetLabel(wxString::Format(
            _("%zu orders selected: \"Get number & print\" takes them all; select one order to "
              "see its lines and act on it."),
            several));
        history_->SetLabel({});
        waybill_->Enable();
        detail_->GetParent()->Layout();
        return;
    }
    if (!id) {
        detail_->SetLabel(_("Select an order to see its lines and stock."));
        history_->SetLabel({});
        detail_->GetParent()->Layout();
        return;
    }
    std::optional<ops::OrderDetails> details = ops::order_details(*ctx_.db, ctx_.actor, id);
    if (!details) return;
    const Order* o = &details->order;
    detail_->SetLabel(wxString::Format(
        _("Order %s | %s | %s | receiver %s %s, %s %s %s %s | paid %s | buyer note: %s | seller "
          "memo: %s"),
        u8(o->platform_order_id), status_label(std::string(order_status_code(o->status))),
        allocation_label(std::string(allocation_code(o->allocation))), u8(o->receiver.name),
        u8(o->receiver.phone), u8(o->receiver.province), u8(o->receiver.city),
        u8(o->receiver.district), u8(o->receiver.address), money_text(o->paid_amount),
        o->buyer_note.empty() ? wxString::FromUTF8("—") : u8(o->buyer_note),
        o->seller_memo.empty() ? wxString::FromUTF8("—") : u8(o->seller_memo)));
    detail_->Wrap(GetClientSize().x - FromDIP(30));
    long row = 0;
    for (const OrderLine& l : o->lines) {
        lines_->InsertItem(row, u8(l.platform_sku_id));
        lines_->SetItem(row, 1, u8(l.seller_code));
        lines_->SetItem(row, 2, u8(l.title));
        lines_->SetItem(row, 3, wxString::Format("%lld", static_cast<long long>(l.quantity)));
        lines_->SetItem(row, 4, money_text(l.unit_price));
        ++row;
    }
    // History: the order's own times, then every stock movement posted under its number.
    wxString history = wxString::Format(_("Created %s"), shop_time_text(o->created_at));
    if (o->paid_at) history += wxString::Format(_("; paid %s"), shop_time_text(*o->paid_at));
    if (o->promised_ship_at)
        history += wxString::Format(_("; ship by %s"), shop_time_text(*o->promised_ship_at));
    history +=
        wxString::Format(_("; last changed on the platform %s"), shop_time_text(o->modified_at));
    for (const LedgerRow& m : details->movements)
        history += wxString::Format(_("; %s %s %lld from %s by %s@%s"), shop_time_text(m.at),
                                    movement_label(m.kind), static_cast<long long>(-m.qty),
                                    u8(m.warehouse), u8(m.actor.user), u8(m.actor.workstation));
    for (const RuleLogEntry& e : details->rule_log)
        history += wxString::Format(
            e.applied ? _("; %s rule %s: %s (%s)") : _("; %s rule %s: %s not applied (%s)"),
            shop_time_text(e.at), u8(e.rule), u8(logged_action_text(e.action)), u8(e.detail));
    history_->SetLabel(history);
    history_->Wrap(GetClientSize().x - FromDIP(30));
    const std::vector<OrderHold>& holds = details->holds;
    const OrderRepository::LocalFields& local = details->local;
    urgent_now_ = local.priority > 0;
    wxString note = u8(local.note);
    wxString extra;
    for (const OrderHold& h : holds)
        extra +=
            wxString::Format(h.intercept ? _("INTERCEPTED: %s") : _("On hold: %s"), u8(h.reason)) +
            "\n";
    if (!note.empty()) extra += wxString::Format(_("Note: %s"), note) + "\n";
    if (!details->parcel.empty()) {
        wxString numbers;
        for (const std::string& no : details->parcel)
            numbers += (numbers.empty() ? "" : ", ") + u8(no);
        extra += wxString::Format(_("One parcel, one waybill: %s"), numbers) + "\n";
    }
    if (!details->split_parts.empty()) {
        wxString split_parts;
        for (const std::string& no : details->split_parts)
            split_parts += (split_parts.empty() ? "" : ", ") + u8(no);
        extra += wxString::Format(_("Split over warehouses: %s"), split_parts) + "\n";
    }
    if (!extra.empty()) history_->SetLabel(extra + history_->GetLabel());
    bool open = o->allocation != Allocation::shipped && o->status != OrderStatus::shipped &&
                o->status != OrderStatus::completed;
    hold_->Enable(open);
    release_->Enable(!holds.empty());
    urgent_->SetLabel(urgent_now_ ? _("Normal priority") : _("Urgent"));
    urgent_->Enable(open);
    note_->Enable(true);
    parcel_->Enable(open && o->status == OrderStatus::to_ship);
    ship_->Enable(holds.empty() && o->allocation == Allocation::allocated &&
                  o->status == OrderStatus::to_ship);
    waybill_->Enable(holds.empty() && o->status == OrderStatus::to_ship);
    detail_->GetParent()->Layout();
}

void OrdersPanel::on_header_click(wxDataViewEvent& event) {
    int col = event.GetColumn();
    if (col < 0) return;
    auto column = static_cast<OrderColumn>(col);
    query_.ascending = query_.sort == column ? !query_.ascending : true;
    query_.sort = column;
    apply();
}

void OrdersPanel::allocate_waiting() {
    try {
        int n = ops::allocate_waiting_orders(*ctx_.db, ctx_.actor);
        wxMessageBox(wxString::Format(_("%d waiting order(s) now have their stock reserved."), n),
                     _("Reserve stock"), wxOK | wxICON_INFORMATION, this);
        ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not reserve stock"), e.what());
    }
}

void OrdersPanel::waybill_selected() {
    std::vector<Id> ids = selected_orders();
    if (ids.empty()) return;
    WaybillJob job;
    for (Id id : ids)
        job.subjects.push_back("#" + std::to_string(id));
    job.fetch = true;
    job.print = true;
    waybill_->Disable();
    wxString title = wxString::Format(_("E-waybills of %zu orders"), ids.size());
    if (ids.size() == 1)
        if (std::optional<ops::OrderDetails> d =
                ops::order_details(*ctx_.db, ctx_.actor, ids.front()))
            title = wxString::Format(_("E-waybill of order %s"), u8(d->order.platform_order_id));
    start_waybill_job(
        ctx_, alive(), job,
        [this, title](WaybillJobResult& r) {
            if (ctx_.data_changed) ctx_.data_changed();
            wxMessageBox(describe_waybill_job(r), title, wxOK | wxICON_INFORMATION, this);
        },
        [this](const std::string& error) {
            show_detail();
            show_error(this, _("Could not get or print the e-waybills"), error);
        });
}

void OrdersPanel::ship_selected() {
    Id id = selected_order();
    if (!id) return;
    try {
        std::optional<ops::OrderDetails> details = ops::order_details(*ctx_.db, ctx_.actor, id);
        if (!details) return;
        const Order* o = &details->order;
        ops::ShipOrder request{id, {}, {}, false};
        const std::optional<Waybill>& label = details->waybill;
        wxString waybill;
        if (label) {
            const Carrier* carrier = find_carrier(label->carrier);
            waybill =
                u8((carrier ? carrier_name(*carrier) : label->carrier) + " " + label->tracking_no);
        } else {
            // No label yet: the person gives the carrier and the number on the parcel.
            wxArrayString carriers;
            for (const Carrier& c : known_carriers())
                carriers.Add(u8(carrier_name(c) + " (" + c.code + ")"));
            wxSingleChoiceDialog choose(
                this,
                wxString::Format(_("Order %s has no waybill yet. Which carrier takes the parcel?"),
                                 u8(o->platform_order_id)),
                _("Ship from stock"), carriers);
            if (choose.ShowModal() != wxID_OK) return;
            const Carrier& carrier = known_carriers()[choose.GetSelection()];
            wxTextEntryDialog number(
                this,
                wxString::Format(_("Tracking number (%s, for example %s):"),
                                 u8(carrier_name(carrier)), u8(carrier.example)),
                _("Ship from stock"));
            if (number.ShowModal() != wxID_OK) return;
            request.carrier = carrier.code;
            request.tracking = to_u8(number.GetValue());
            waybill = u8(carrier_name(carrier)) + " " + number.GetValue();
        }
        if (!confirm(this,
                     wxString::Format(_("Ship order %s with %s?\n\nIts stock leaves the "
                                        "warehouse now and the platform is told it shipped."),
                                      u8(o->platform_order_id), waybill),
                     _("Ship from stock"), _("Ship")))
            return;
        ops::ship_order(*ctx_.db, ctx_.actor, request);
        ctx_.data_changed();
        if (ctx_.outbox_queued) ctx_.outbox_queued();
    } catch (const std::exception& e) {
        show_error(this, _("Could not ship the order"), e.what());
    }
}

void OrdersPanel::act(Action action) {
    Id id = selected_order();
    if (!id) return;
    try {
        switch (action) {
            case Action::hold: {
                wxString reason = wxGetTextFromUser(
                    _("Why is this order held? Packers will see it."), _("Hold order"), {}, this);
                if (reason.empty()) return;
                ops::hold_order(*ctx_.db, ctx_.actor, id, to_u8(reason));
                break;
            }
            case Action::release:
                ops::release_order(*ctx_.db, ctx_.actor, id);
                break;
            case Action::urgent:
                ops::set_order_priority(*ctx_.db, ctx_.actor, id, urgent_now_ ? 0 : 1);
                break;
            case Action::note: {
                wxString note = wxGetTextFromUser(_("Internal note for this order:"),
                                                  _("Order note"), {}, this);
                ops::set_order_note(*ctx_.db, ctx_.actor, id, to_u8(note));
                break;
            }
            case Action::merge: {
                std::string why;
                auto parcel = ops::merge_with_partners(*ctx_.db, ctx_.actor, id, &why);
                if (!parcel) {
                    wxMessageBox(wxString::Format(_("Nothing to merge: %s"), u8(why)),
                                 _("Merge parcels"), wxOK | wxICON_INFORMATION, this);
                    return;
                }
                if (!parcel->released_waybills.empty()) {
                    wxString waybills;
                    for (const std::string& w : parcel->released_waybills)
                        waybills += (waybills.empty() ? "" : ", ") + u8(w);
                    wxMessageBox(wxString::Format(_("The parcel ships under order %s's waybill. "
                                                    "Cancel these with the carrier: %s"),
                                                  u8(parcel->head_no), waybills),
                                 _("Merge parcels"), wxOK | wxICON_INFORMATION, this);
                }
                break;
            }
            case Action::unmerge:
                ops::unmerge_order(*ctx_.db, ctx_.actor, id);
                break;
            case Action::split:
                ops::split_order(*ctx_.db, ctx_.actor, id);
                break;
            case Action::unsplit:
                ops::unsplit_order(*ctx_.db, ctx_.actor, id);
                break;
        }
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not change the order"), e.what());
    }
}

void OrdersPanel::show_parcel_menu() {
    Id id = selected_order();
    if (!id) return;
    std::optional<ops::OrderDetails> details = ops::order_details(*ctx_.db, ctx_.actor, id);
    if (!details) return;
    bool merged = !details->parcel.empty();
    bool is_split = !details->split_parts.empty();
    // Menu ids above wx's own; each maps back to its action.
    auto item = [](Action a) { return wxID_HIGHEST + 1 + static_cast<int>(a); };
    wxMenu menu;
    menu.Append(item(Action::merge), _("Merge with the receiver's other orders"));
    menu.Append(item(Action::unmerge), _("Take out of the merged parcel"))->Enable(merged);
    menu.Append(item(Action::split), _("Split over warehouses by stock"))->Enable(!is_split);
    menu.Append(item(Action::unsplit), _("Put the split parts back together"))->Enable(is_split);
    int chosen = parcel_->GetPopupMenuSelectionFromUser(menu, 0, parcel_->GetSize().y);
    if (chosen != wxID_NONE) act(static_cast<Action>(chosen - item(Action::hold)));
}

void OrdersPanel::save_state() {
    remember_widths("/orders", *list_, table_.size());
}

}  // namespace dj::app
