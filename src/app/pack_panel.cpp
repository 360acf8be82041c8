#include "app/pack_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/xrc/xmlres.h>

#include "app/ui_helpers.h"
#include "core/clock.h"
#include "store/order_allocation.h"
#include "store/order_hold_repository.h"
#include "store/order_repository.h"
#include "store/pack_queries.h"
#include "store/stock_posting.h"

namespace dj::app {

PackPanel::PackPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    wxPanel* form = wxXmlResource::Get()->LoadPanel(this, "pack_panel");
    sizer->Add(form, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    scan_ = XRCCTRL(*form, "scan", wxTextCtrl);
    banner_ = XRCCTRL(*form, "banner", wxPanel);
    banner_text_ = XRCCTRL(*form, "banner_text", wxStaticText);
    order_text_ = XRCCTRL(*form, "order_text", wxStaticText);
    items_ = XRCCTRL(*form, "items", wxListCtrl);
    items_->AppendColumn(_("SKU"), wxLIST_FORMAT_LEFT, FromDIP(160));
    items_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(360));
    items_->AppendColumn(_("Expected"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    items_->AppendColumn(_("Scanned"), wxLIST_FORMAT_RIGHT, FromDIP(110));

    scan_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { on_scan(); });
    scan_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            reset();
        else
            e.Skip();
    });
    XRCCTRL(*form, "reset", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reset(); });
    // Whatever was clicked, the next scan must land in the scan field.
    items_->Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        CallAfter([this] { scan_->SetFocus(); });
    });
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (e.IsShown()) CallAfter([this] { scan_->SetFocus(); });
    });
}

void PackPanel::reload() {
    scan_->SetFocus();
}

void PackPanel::banner(const wxString& text, Tone tone) {
    wxColour colour = tone == Tone::good  ? level_colour(StockLevel::enough)
                      : tone == Tone::bad ? level_colour(StockLevel::out)
                                          : wxColour(0xe8, 0xee, 0xf7);
    banner_->SetBackgroundColour(colour);
    banner_text_->SetLabel(text);
    banner_->Refresh();
    Layout();
    if (tone == Tone::bad) wxBell();
}

void PackPanel::on_scan() {
    std::string code = to_u8(scan_->GetValue().Trim().Trim(false));
    scan_->Clear();
    scan_->SetFocus();
    if (code.empty()) return;
    if (!check_ || check_->complete())
        open_order(code);
    else
        scan_item(code);
}

void PackPanel::open_order(const std::string& scanned) {
    check_.reset();
    items_->DeleteAllItems();
    order_text_->SetLabel({});
    std::optional<Id> id = find_order_for_packing(*ctx_.db, scanned);
    if (!id) {
        banner(wxString::Format(_("No order %s: scan the order number on the pick sheet"),
                                u8(scanned)),
               Tone::bad);
        return;
    }
    std::optional<Order> o = OrderRepository(*ctx_.db).find(*id);
    order_id_ = *id;
    order_no_ = o->platform_order_id;
    order_text_->SetLabel(wxString::Format(_("Order %s | %s | %s %s"), u8(o->platform_order_id),
                                           u8(o->receiver.name), u8(o->receiver.province),
                                           u8(o->receiver.city)));
    std::optional<OrderHold> hold = OrderHoldRepository(*ctx_.db).find(*id);
    bool intercepted = o->status == OrderStatus::refund_requested ||
                       o->status == OrderStatus::cancelled || o->status == OrderStatus::refunded ||
                       (hold && hold->intercept);
    check_ = std::make_unique<PackCheck>(order_pack_items(*ctx_.db, *id), intercepted);
    show_items();
    if (intercepted) {
        banner(_("STOP: this order is intercepted (refund or cancel). Do not ship; put it aside."),
               Tone::bad);
    } else if (hold) {
        check_.reset();
        banner(wxString::Format(_("STOP: this order is on hold: %s"), u8(hold->reason)), Tone::bad);
    } else if (o->allocation == Allocation::shipped || o->status == OrderStatus::shipped) {
        check_.reset();
        banner(_("This order has shipped already."), Tone::bad);
    } else if (o->allocation != Allocation::allocated) {
        check_.reset();
        banner(wxString::Format(_("Not ready to pack: %s."),
                                allocation_label(std::string(allocation_code(o->allocation)))),
               Tone::bad);
    } else {
        banner(wxString::Format(_("Scan the items: %lld to go"),
                                static_cast<long long>(check_->expected_units())),
               Tone::neutral);
    }
}

void PackPanel::scan_item(const std::string& code) {
    ScanOutcome outcome = check_->scan(code);
    show_items();
    switch (outcome) {
        case ScanOutcome::counted:
            banner(wxString::Format(
                       _("OK. %lld to go"),
                       static_cast<long long>(check_->expected_units() - check_->scanned_units())),
                   Tone::neutral);
            break;
        case ScanOutcome::completed:
            finish();
            break;
        case ScanOutcome::wrong_item:
            banner(wxString::Format(_("WRONG ITEM %s: it is not in this order. Take it out."),
                                    u8(code)),
                   Tone::bad);
            break;
        case ScanOutcome::too_many:
            banner(wxString::Format(_("TOO MANY: every %s of this order is scanned already."),
                                    u8(code)),
                   Tone::bad);
            break;
        case ScanOutcome::blocked:
            banner(_("STOP: this order is intercepted. Do not ship it."), Tone::bad);
            break;
    }
}

void PackPanel::finish() {
    try {
        StockPosting posting(*ctx_.db);
        MovementContext mc;
        mc.at = now_utc();
        mc.doc = order_no_;
        mc.reason = "packed";
        mc.actor = ctx_.actor;
        mc.actor.role = "packer";
        OrderAllocator(posting).ship(order_id_, mc);
        posting.commit();
        banner(_("Complete: packed and shipped from stock. Scan the next order."), Tone::good);
        if (ctx_.data_changed) CallAfter([this] { ctx_.data_changed(); });
    } catch (const std::exception& e) {
        banner(wxString::Format(_("Could not ship: %s"), u8(e.what())), Tone::bad);
    }
}

void PackPanel::reset() {
    check_.reset();
    order_id_ = 0;
    items_->DeleteAllItems();
    order_text_->SetLabel({});
    scan_->Clear();
    banner(_("Waiting for an order"), Tone::neutral);
    scan_->SetFocus();
}

void PackPanel::show_items() {
    items_->DeleteAllItems();
    if (!check_) return;
    long row = 0;
    for (const PackItem& item : check_->items()) {
        items_->InsertItem(row, u8(item.sku_code));
        items_->SetItem(row, 1, u8(item.name));
        items_->SetItem(row, 2, wxString::Format("%lld", static_cast<long long>(item.expected)));
        items_->SetItem(row, 3, wxString::Format("%lld", static_cast<long long>(item.scanned)));
        StockLevel look = item.scanned == item.expected ? StockLevel::enough : StockLevel::low;
        items_->SetItemBackgroundColour(row, level_colour(look));
        ++row;
    }
}

}  // namespace dj::app
