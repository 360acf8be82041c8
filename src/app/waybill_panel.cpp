#include "app/waybill_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <optional>

#include "app/ui_helpers.h"
#include "app/waybill_job.h"
#include "core/fulfilment/carrier.h"
#include "http_client.h"
#include "ops/e_waybills.h"
#include "ops/fulfilment_queries.h"
#include "store/base/database.h"

namespace dj::app {

namespace {

wxString print_state_label(const ops::ParcelWaybill& w) {
    if (w.tracking_no.empty()) return _("No number yet");
    if (!w.from_platform) return _("Typed number: print our own label");
    if (w.print_state.empty()) return _("Not printed");
    wxString state = u8(document_state_name(parse_document_state(w.print_state)));
    if (w.printed && w.print_state != "printed")
        return wxString::Format(_("Printed before; last: %s"), state);
    return state;
}

}  // namespace

// Rows live here, the control asks for the cells it draws: no widget row per parcel.
class ParcelWaybillList : public wxListCtrl {
  public:
    explicit ParcelWaybillList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
        AppendColumn(_("Order"), wxLIST_FORMAT_LEFT, FromDIP(190));
        AppendColumn(_("Store"), wxLIST_FORMAT_LEFT, FromDIP(90));
        AppendColumn(_("Carrier"), wxLIST_FORMAT_LEFT, FromDIP(110));
        AppendColumn(_("Tracking number"), wxLIST_FORMAT_LEFT, FromDIP(170));
        AppendColumn(_("Source"), wxLIST_FORMAT_LEFT, FromDIP(80));
        AppendColumn(_("Print"), wxLIST_FORMAT_LEFT, FromDIP(160));
        AppendColumn(_("Message"), wxLIST_FORMAT_LEFT, FromDIP(360));
    }
    void set(std::vector<ops::ParcelWaybill> rows) {
        rows_ = std::move(rows);
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }
    const std::vector<ops::ParcelWaybill>& rows() const { return rows_; }
    const ops::ParcelWaybill* selected() const {
        long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return nullptr;
        return &rows_[static_cast<std::size_t>(row)];
    }

  private:
    wxString OnGetItemText(long item, long column) const override {
        const ops::ParcelWaybill& w = rows_.at(static_cast<std::size_t>(item));
        switch (column) {
            case 0:
                return u8(w.order_no);
            case 1:
                return u8(w.store);
            case 2: {
                const Carrier* c = find_carrier(w.carrier);
                return c ? u8(carrier_name(*c)) : u8(w.carrier);
            }
            case 3:
                return u8(w.tracking_no);
            case 4:
                return w.tracking_no.empty() ? wxString()
                       : w.from_platform     ? _("Platform")
                                             : _("Typed");
            case 5:
                return print_state_label(w);
            case 6:
                return u8(w.print_message);
        }
        return {};
    }
    std::vector<ops::ParcelWaybill> rows_;
};

WaybillPanel::WaybillPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Wave")), wxSizerFlags().Center());
    waves_ = new wxChoice(this, wxID_ANY);
    waves_->SetMinSize(wxSize(FromDIP(260), -1));
    bar->Add(waves_, wxSizerFlags().Center().Border(wxLEFT | wxRIGHT, 6));
    fetch_ = new wxButton(this, wxID_ANY, _("Get numbers"));
    print_ = new wxButton(this, wxID_ANY, _("Print waybills"));
    reprint_ = new wxButton(this, wxID_ANY, _("Reprint selected"));
    cancel_ = new wxButton(this, wxID_ANY, _("Give number back"));
    stop_ = new wxButton(this, wxID_ANY, _("Stop"));
    stop_->Disable();
    for (wxButton* b : {fetch_, print_, reprint_, cancel_, stop_})
        bar->Add(b, wxSizerFlags().Center().Border(wxLEFT, 4));
    root->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold());
    root->Add(summary_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    result_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(result_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(10)));
    list_ = new ParcelWaybillList(this);
    root->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    SetSizer(root);

    waves_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { load_parcels(); });
    fetch_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { fetch(); });
    print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(false); });
    reprint_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { print(true); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel_selected(); });
    stop_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (running_) running_->cancel = true;
    });
}

void WaybillPanel::reload() {
    std::optional<std::string> chosen;
    int at = waves_->GetSelection();
    if (at != wxNOT_FOUND) chosen = wave_numbers_.at(static_cast<std::size_t>(at));
    waves_->Clear();
    wave_numbers_.clear();
    try {
        for (const WaveInfo& w : ops::list_waves(*ctx_.db))
            if (w.status == WaveStatus::open) {
                wave_numbers_.push_back(w.number);
                waves_->Append(wxString::Format(_("%s (%d orders)"), u8(w.number), w.orders));
            }
    } catch (const std::exception& e) {
        summary_->SetLabelText(u8(e.what()));
        return;
    }
    // Every failed print of any wave or order, to be printed again from one list.
    wave_numbers_.push_back({});
    waves_->Append(_("Failed prints (all)"));
    int select = wave_numbers_.size() == 1 ? wxNOT_FOUND : 0;  // newest wave first
    for (std::size_t i = 0; i < wave_numbers_.size(); ++i)
        if (chosen && wave_numbers_[i] == *chosen) select = static_cast<int>(i);
    waves_->SetSelection(select);
    load_parcels();
}

void WaybillPanel::load_parcels() {
    int at = waves_->GetSelection();
    if (at == wxNOT_FOUND) {
        list_->set({});
        summary_->SetLabelText(_("No open wave: create one under Picking & packing"));
        return;
    }
    loading_ = true;
    std::string wave = wave_numbers_.at(static_cast<std::size_t>(at));
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    ctx_.tasks.start<std::vector<ops::ParcelWaybill>>(
        alive(),
        [path, &clock, wave](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            return ops::parcel_waybills(
                db, wave.empty() ? ops::failed_print_orders(db) : ops::orders_named(db, {wave}));
        },
        [this](std::vector<ops::ParcelWaybill>& rows) {
            loading_ = false;
            int numbered = 0, printed = 0;
            for (const ops::ParcelWaybill& w : rows) {
                numbered += !w.tracking_no.empty();
                printed += w.printed;
            }
            summary_->SetLabelText(wxString::Format(_("%zu parcels: %d with a number, %d printed"),
                                                    rows.size(), numbered, printed));
            list_->set(std::move(rows));
            Layout();
        },
        [this](const std::string& error) {
            loading_ = false;
            summary_->SetLabelText(u8(error));
        });
}

void WaybillPanel::busy(const wxString& doing, std::shared_ptr<Progress> progress) {
    running_ = std::move(progress);
    result_->SetLabelText(doing);
    for (wxButton* b : {fetch_, print_, reprint_, cancel_})
        b->Disable();
    stop_->Enable();
}

void WaybillPanel::idle(const wxString& said) {
    running_.reset();
    for (wxButton* b : {fetch_, print_, reprint_, cancel_})
        b->Enable();
    stop_->Disable();
    load_parcels();
    result_->SetLabelText(said);
    if (ctx_.data_changed) ctx_.data_changed();
}

std::vector<std::string> WaybillPanel::subjects() const {
    int at = waves_->GetSelection();
    if (at == wxNOT_FOUND) return {};
    const std::string& wave = wave_numbers_.at(static_cast<std::size_t>(at));
    if (!wave.empty()) return {wave};
    std::vector<std::string> orders;
    for (const ops::ParcelWaybill& w : list_->rows())
        orders.push_back(w.order_no);
    return orders;
}

void WaybillPanel::fetch() {
    if (running_ || subjects().empty()) return;
    WaybillJob job;
    job.subjects = subjects();
    job.fetch = true;
    run(job, _("Getting numbers from the platforms..."));
}

void WaybillPanel::print(bool reprint_selected) {
    if (running_ || subjects().empty()) return;
    WaybillJob job;
    job.subjects = subjects();
    job.print = true;
    if (reprint_selected) {
        const ops::ParcelWaybill* w = list_->selected();
        if (!w || w->tracking_no.empty()) return;
        if (!confirm(this,
                     wxString::Format(_("Print waybill %s of order %s again? It is recorded as "
                                        "a reprint."),
                                      u8(w->tracking_no), u8(w->order_no)),
                     _("Reprint"), _("Reprint")))
            return;
        job.subjects = {w->order_no};
        job.reprint = true;
    }
    run(job, _("Printing through the platforms' print components..."));
}

void WaybillPanel::run(const WaybillJob& job, const wxString& doing) {
    auto progress = start_waybill_job(
        ctx_, alive(), job, [this](WaybillJobResult& r) { idle(describe_waybill_job(r)); },
        [this](const std::string& error) {
            idle({});
            show_error(this, _("Could not finish"), error);
        });
    busy(doing, progress);
}

void WaybillPanel::cancel_selected() {
    const ops::ParcelWaybill* w = list_->selected();
    if (!w || w->tracking_no.empty() || running_) return;
    if (!confirm(this,
                 wxString::Format(_("Give number %s of order %s back? The parcel then has no "
                                    "waybill until it gets another."),
                                  u8(w->tracking_no), u8(w->order_no)),
                 _("Give number back"), _("Give number back")))
        return;
    try {
        HttpClient http;
        ops::cancel_waybill(*ctx_.db, http, ctx_.actor,
                            ops::orders_named(*ctx_.db, {w->order_no}).at(0));
        idle(wxString::Format(_("Number %s given back"), u8(w->tracking_no)));
    } catch (const std::exception& e) {
        show_error(this, _("Could not give the number back"), e.what());
    }
}

}  // namespace dj::app
