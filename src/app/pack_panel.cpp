#include "app/pack_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>
#include <wx/xrc/xmlres.h>

#include "app/badge_dialog.h"
#include "app/file_chooser.h"
#include "app/print_task.h"
#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/role.h"
#include "core/fulfilment/carrier.h"
#include "ops/fulfilment_queries.h"
#include "ops/order_queries.h"
#include "ops/pack_station.h"
#include "ops/ship_order.h"
#include "ops/waves.h"
#include "reports/label_template.h"
#include "reports/packing_list.h"
#include "reports/pick_sheet.h"
#include "reports/waybill_label.h"

namespace dj::app {

PackPanel::PackPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // Who packs: a shared station switches user with a badge and a PIN.
    auto* who = new wxBoxSizer(wxHORIZONTAL);
    packer_text_ = new wxStaticText(this, wxID_ANY, {});
    auto* switch_button = new wxButton(this, wxID_ANY, _("Switch user..."));
    who->Add(packer_text_, wxSizerFlags(1).CenterVertical());
    who->Add(switch_button);
    sizer->Add(who, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    on_button(switch_button, [this] { switch_user(); });
    // Waves on top: create the next one, print its pick sheet and labels.
    auto* waves_row = new wxBoxSizer(wxHORIZONTAL);
    waves_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(130)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    const wxString wave_titles[] = {_("Wave"),           _("Status"),          _("Warehouse"),
                                    _("Carrier"),        _("Packed / orders"), _("Units"),
                                    _("Wave created at")};
    for (const wxString& t : wave_titles)
        waves_->AppendColumn(t, wxLIST_FORMAT_LEFT, FromDIP(110));
    waves_row->Add(waves_, wxSizerFlags(1).Expand());
    auto* wave_buttons = new wxBoxSizer(wxVERTICAL);
    auto* create = new wxButton(this, wxID_ANY, _("Create wave"));
    auto* sheet = new wxButton(this, wxID_ANY, _("Print pick sheet"));
    auto* labels = new wxButton(this, wxID_ANY, _("Print labels"));
    auto* sheet_pdf = new wxButton(this, wxID_ANY, _("Pick sheet PDF..."));
    auto* labels_pdf = new wxButton(this, wxID_ANY, _("Labels PDF..."));
    for (wxButton* b : {create, sheet, labels, sheet_pdf, labels_pdf})
        wave_buttons->Add(b, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    waves_row->Add(wave_buttons, wxSizerFlags().Border(wxLEFT, FromDIP(6)));
    sizer->Add(waves_row, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    on_button(create, [this] { create_wave(); });
    on_button(sheet, [this] { print_wave(false); });
    on_button(labels, [this] { print_wave(true); });
    on_button(sheet_pdf, [this] { save_wave_pdf(false); });
    on_button(labels_pdf, [this] { save_wave_pdf(true); });

    wxPanel* form = wxXmlResource::Get()->LoadPanel(this, "pack_panel");
    sizer->Add(form, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    scan_ = XRCCTRL(*form, "scan", wxTextCtrl);
    banner_ = XRCCTRL(*form, "banner", wxPanel);
    banner_text_ = XRCCTRL(*form, "banner_text", wxStaticText);
    order_text_ = XRCCTRL(*form, "order_text", wxStaticText);
    items_ = XRCCTRL(*form, "items", wxListCtrl);
    print_status_ = XRCCTRL(*form, "print_status", wxStaticText);
    auto_label_ = XRCCTRL(*form, "auto_label", wxCheckBox);
    auto_label_->SetValue(wxConfig::Get()->ReadBool("/pack/auto_label", false));
    auto_label_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        wxConfig::Get()->Write("/pack/auto_label", auto_label_->GetValue());
        wxConfig::Get()->Flush();
        scan_->SetFocus();
    });
    on_button(XRCCTRL(*form, "print_label", wxButton),
              [this] { print_current(PrintDocument::label); });
    on_button(XRCCTRL(*form, "print_packing_list", wxButton),
              [this] { print_current(PrintDocument::a4); });
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

void PackPanel::on_button(wxButton* button, std::function<void()> action) {
    button->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) {
        action();
        scan_->SetFocus();
    });
}

void PackPanel::reload() {
    show_packer();
    reload_waves();
    scan_->SetFocus();
}

void PackPanel::reload_waves() {
    waves_->DeleteAllItems();
    long row = 0;
    for (const WaveInfo& w : ops::list_waves(*ctx_.db)) {
        if (row >= 200) break;
        waves_->InsertItem(row, u8(w.number));
        waves_->SetItem(row, 1, w.status == WaveStatus::open ? _("Open") : _("Closed"));
        waves_->SetItem(row, 2, u8(w.warehouse_name));
        waves_->SetItem(row, 3, u8(w.carrier));
        waves_->SetItem(row, 4, wxString::Format("%d / %d", w.packed, w.orders));
        waves_->SetItem(row, 5, wxString::Format("%lld", static_cast<long long>(w.units)));
        waves_->SetItem(row, 6, shop_time_text(w.created_at));
        ++row;
    }
}

std::string PackPanel::selected_wave() const {
    long row = waves_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 && waves_->GetItemCount() > 0) row = 0;
    return row < 0 ? std::string() : to_u8(waves_->GetItemText(row, 0));
}

void PackPanel::create_wave() {
    try {
        WaveRequest request;
        request.max_waves = 1;
        std::vector<WaveInfo> created = ops::create_waves(*ctx_.db, ctx_.actor, request);
        reload_waves();
        if (created.empty())
            wxMessageBox(_("No allocated order is waiting for a wave."), _("Create wave"),
                         wxOK | wxICON_INFORMATION, this);
        else
            banner(wxString::Format(_("Wave %s: %d orders. Print its pick sheet."),
                                    u8(created[0].number), created[0].orders),
                   Tone::neutral);
    } catch (const std::exception& e) {
        show_error(this, _("Could not create the wave"), e.what());
    }
    scan_->SetFocus();
}

// Straight to the printer chosen for the document type, rendered and sent off the UI thread.
void PackPanel::print_wave(bool labels) {
    std::string wave = selected_wave();
    if (wave.empty()) return;
    Actor actor = ctx_.actor;
    PrintDocument document = labels ? PrintDocument::label : PrintDocument::a4;
    wxString what = labels ? wxString::Format(_("The labels of wave %s"), u8(wave))
                           : wxString::Format(_("The pick sheet of wave %s"), u8(wave));
    print_status(wxString::Format(_("%s: printing..."), what), false);
    wxString refused = print_on_chosen_printer(
        ctx_, alive(), document, wave + (labels ? "-labels" : "-picksheet"),
        [wave, labels, actor](Database& db, const std::string& pdf) {
            if (labels)
                reports::render_labels(ops::wave_label_data(db, wave),
                                       reports::load_label_template("100x150"), pdf);
            else
                reports::render_pick_sheet(ops::pick_list(db, wave), pdf, db.clock().now());
        },
        [this, what](PrintSent& sent) {
            print_status(wxString::Format(_("%s went to %s."), what, u8(sent.printer)), false);
        },
        [this, what](const std::string& error) {
            print_status(wxString::Format(_("%s did not print: %s"), what, u8(error)), true);
        });
    if (!refused.empty()) {
        print_status(refused, true);
        wxMessageBox(refused, _("Print"), wxOK | wxICON_INFORMATION, this);
    }
    scan_->SetFocus();
}

void PackPanel::print_order_document(PrintDocument document, Id order_id,
                                     const std::string& order_no) {
    bool label = document == PrintDocument::label;
    wxString what = label ? wxString::Format(_("The label of order %s"), u8(order_no))
                          : wxString::Format(_("The packing list of order %s"), u8(order_no));
    print_status(wxString::Format(_("%s: printing..."), what), false);
    wxString refused = print_on_chosen_printer(
        ctx_, alive(), document, order_no + (label ? "-label" : "-packing-list"),
        [order_id, label](Database& db, const std::string& pdf) {
            if (label)
                reports::render_labels({ops::order_label_data(db, order_id)},
                                       reports::load_label_template("100x150"), pdf);
            else
                reports::render_packing_list(ops::packing_list_data(db, order_id), pdf,
                                             reports::PaperSize::a4);
        },
        [this, what](PrintSent& sent) {
            print_status(wxString::Format(_("%s went to %s."), what, u8(sent.printer)), false);
        },
        [this, what](const std::string& error) {
            print_status(wxString::Format(_("%s did not print: %s"), what, u8(error)), true);
        });
    if (!refused.empty()) print_status(refused, true);
}

void PackPanel::print_current(PrintDocument document) {
    if (last_order_ == 0)
        print_status(_("Scan an order first: its label and packing list print from here."), true);
    else
        print_order_document(document, last_order_, last_order_no_);
    scan_->SetFocus();
}

void PackPanel::print_status(const wxString& text, bool failed) {
    print_status_->SetForegroundColour(failed ? wxColour(0xb0, 0x00, 0x20) : GetForegroundColour());
    print_status_->SetLabel(text);
    Layout();
    if (failed) wxBell();
}

// The PDF is written off the UI thread and opened in the system's PDF viewer.
void PackPanel::save_wave_pdf(bool labels) {
    std::string wave = selected_wave();
    if (wave.empty()) return;
    wxString file =
        choose_file(this, {labels ? _("Save the waybill labels") : _("Save the pick sheet"),
                           u8(wave) + (labels ? "-labels.pdf" : "-picksheet.pdf"),
                           _("PDF (*.pdf)|*.pdf"), true});
    if (file.empty()) return;
    std::string out = to_u8(file);
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    Actor actor = ctx_.actor;
    ctx_.tasks.start<std::string>(
        alive(),
        [path, &clock, actor, wave, out, labels](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            if (labels)
                reports::render_labels(ops::wave_label_data(db, wave),
                                       reports::load_label_template("100x150"), out);
            else
                reports::render_pick_sheet(ops::pick_list(db, wave), out, clock.now());
            return out;
        },
        [](std::string& written) { wxLaunchDefaultApplication(u8(written)); },
        [this](const std::string& error) { show_error(this, _("Could not print"), error); });
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
    if (session_ && awaiting_waybill_) {
        // The packed parcel's label: a number of a known carrier's shape ships it under it.
        std::string tracking = normalise_tracking(code);
        std::vector<const Carrier*> carriers = carriers_for_tracking(tracking);
        if (!carriers.empty()) {
            assign_waybill(tracking, carriers);
            return;
        }
    }
    if (!session_ || !session_->blocked_reason().empty() || session_->check().complete()) {
        open_order(code);
        return;
    }
    if (session_->check().find(code)) {
        scan_item(code);
        return;
    }
    // Not an item of this parcel: another order's number (or tracking number, or wave slot)
    // switches to that parcel; what this one still lacks is said first.
    std::unique_ptr<ops::PackStation> next;
    try {
        next = std::make_unique<ops::PackStation>(*ctx_.db, packer(), code);
    } catch (const NotFound&) {
        scan_item(code);  // a wrong item
        return;
    }
    const PackCheck& left = session_->check();
    wxString unfinished = wxString::Format(
        _("Order %s left unfinished at %lld of %lld items: scan it again to pack it from the "
          "start."),
        u8(session_->order_no()), static_cast<long long>(left.scanned_units()),
        static_cast<long long>(left.expected_units()));
    open_order(code, std::move(next));
    if (session_ && session_->blocked_reason().empty())
        banner(unfinished + "\n" + banner_text_->GetLabel(), Tone::neutral);
}

Actor PackPanel::packer() const {
    return ctx_.actor;
}

void PackPanel::switch_user() {
    BadgeDialog badge(this, *ctx_.db, ctx_.actor.workstation);
    if (badge.ShowModal() == wxID_OK) {
        // What is open was the last packer's: the next one starts it again.
        reset();
        ctx_.actor = badge.actor();
        show_packer();
    }
    scan_->SetFocus();
}

void PackPanel::show_packer() {
    packer_text_->SetLabel(wxString::Format(_("Packing as %s (%s)"), u8(ctx_.actor.user),
                                            u8(role_name(ctx_.actor.role))));
    Layout();
}

void PackPanel::assign_waybill(const std::string& tracking,
                               const std::vector<const Carrier*>& carriers) {
    const Carrier* carrier = carriers.front();
    if (carriers.size() > 1) {
        wxArrayString names;
        for (const Carrier* c : carriers)
            names.Add(u8(carrier_name(*c) + " (" + c->code + ")"));
        wxSingleChoiceDialog choose(
            this, wxString::Format(_("Which carrier's label is %s?"), u8(tracking)), _("Waybill"),
            names);
        bool chosen = choose.ShowModal() == wxID_OK;
        scan_->SetFocus();
        if (!chosen) return;
        carrier = carriers[static_cast<std::size_t>(choose.GetSelection())];
    }
    try {
        ops::Shipped shipped = ops::ship_order(
            *ctx_.db, packer(), {session_->order_id(), carrier->code, tracking, false});
        awaiting_waybill_ = false;
        finished(shipped);
    } catch (const std::exception& e) {
        banner(wxString::Format(_("Could not ship with %s %s: %s"), u8(carrier_name(*carrier)),
                                u8(tracking), u8(e.what())),
               Tone::bad);
    }
}

void PackPanel::open_order(const std::string& scanned, std::unique_ptr<ops::PackStation> opened) {
    awaiting_waybill_ = false;
    session_.reset();
    items_->DeleteAllItems();
    order_text_->SetLabel({});
    try {
        session_ = opened ? std::move(opened)
                          : std::make_unique<ops::PackStation>(*ctx_.db, packer(), scanned);
    } catch (const NotFound&) {
        banner(
            wxString::Format(_("No order %s: scan the order number, tracking number or wave slot"),
                             u8(scanned)),
            Tone::bad);
        return;
    }
    std::optional<Order> o = ops::find_order_by_id(*ctx_.db, ctx_.actor, session_->order_id());
    last_order_ = session_->order_id();
    last_order_no_ = session_->order_no();
    wxString number = u8(o->platform_order_id);
    // A merged parcel: the packer puts every order's items in one box.
    if (session_->parcel().size() > 1)
        number += wxString::Format(_(" + %d merged orders"),
                                   static_cast<int>(session_->parcel().size() - 1));
    order_text_->SetLabel(wxString::Format(_("Order %s | %s | %s %s"), number, u8(o->receiver.name),
                                           u8(o->receiver.province), u8(o->receiver.city)));
    show_items();
    if (!session_->blocked_reason().empty()) {
        banner(wxString::Format(_("STOP: %s"), u8(session_->blocked_reason())), Tone::bad);
        return;
    }
    if (o->allocation != Allocation::allocated) {
        std::string reason = std::string(allocation_code(o->allocation));
        session_.reset();
        banner(wxString::Format(_("Not ready to pack: %s."), allocation_label(reason)), Tone::bad);
        return;
    }
    banner(wxString::Format(_("Scan the items: %lld to go"),
                            static_cast<long long>(session_->check().expected_units())),
           Tone::neutral);
}

void PackPanel::scan_item(const std::string& code) {
    ops::PackStation::Scanned scanned;
    try {
        scanned = session_->scan(code);
    } catch (const std::exception& e) {
        // The completing scan's shipment was refused: the scan is undone, the parcel stays open.
        show_items();
        banner(wxString::Format(_("Could not ship: %s. Fix it and scan the item again."),
                                u8(e.what())),
               Tone::bad);
        return;
    }
    show_items();
    const PackCheck& check = session_->check();
    switch (scanned.outcome) {
        case ScanOutcome::counted:
            banner(wxString::Format(
                       _("OK. %lld to go"),
                       static_cast<long long>(check.expected_units() - check.scanned_units())),
                   Tone::neutral);
            break;
        case ScanOutcome::completed:
            finished(scanned.shipped);
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

void PackPanel::finished(const std::optional<ops::Shipped>& shipped) {
    if (ctx_.data_changed) CallAfter([this] { ctx_.data_changed(); });
    if (!shipped) {
        awaiting_waybill_ = true;
        banner(_("Packed. It has no waybill yet: scan the tracking number on its label (or type "
                 "it and press Enter) to ship it."),
               Tone::good);
        return;
    }
    const Carrier* carrier = find_carrier(shipped->carrier);
    banner(wxString::Format(_("Complete: packed and shipped with %s %s. Scan the next order."),
                            u8(carrier ? carrier_name(*carrier) : shipped->carrier),
                            u8(shipped->tracking)),
           Tone::good);
    if (auto_label_->GetValue())
        print_order_document(PrintDocument::label, session_->order_id(), session_->order_no());
    if (ctx_.outbox_queued) ctx_.outbox_queued();
}

void PackPanel::reset() {
    awaiting_waybill_ = false;
    session_.reset();
    items_->DeleteAllItems();
    order_text_->SetLabel({});
    scan_->Clear();
    banner(_("Waiting for an order"), Tone::neutral);
    scan_->SetFocus();
}

void PackPanel::show_items() {
    items_->DeleteAllItems();
    if (!session_) return;
    long row = 0;
    for (const PackItem& item : session_->check().items()) {
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
