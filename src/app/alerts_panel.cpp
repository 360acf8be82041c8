#include "app/alerts_panel.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/ui_helpers.h"
#include "core/clock.h"

namespace dj::app {
namespace {

wxString kind_label(const std::string& kind) {
    if (kind == "out_of_stock") return _("Out of stock");
    if (kind == "low_stock") return _("Low stock");
    if (kind == "expiring") return _("Batch expiring");
    if (kind == "expired") return _("Batch expired");
    if (kind == "short_order") return _("Order short of stock");
    if (kind == "unmapped_order") return _("Order with unknown SKU");
    return u8(kind);
}

StockLevel kind_level(const std::string& kind) {
    return kind == "low_stock" || kind == "expiring" ? StockLevel::low : StockLevel::out;
}

}  // namespace

AlertsPanel::AlertsPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold().Scaled(1.2f));
    root->Add(summary_, wxSizerFlags().Border(wxALL, FromDIP(10)));
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(170));
    list_->AppendColumn(_("SKU / order"), wxLIST_FORMAT_LEFT, FromDIP(190));
    list_->AppendColumn(_("Warehouse"), wxLIST_FORMAT_LEFT, FromDIP(90));
    list_->AppendColumn(_("Details"), wxLIST_FORMAT_LEFT, FromDIP(520));
    root->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(root);
}

void AlertsPanel::reload() {
    loading_ = true;
    std::string path = ctx_.db_path;
    ctx_.tasks.start<std::vector<Attention>>(
        alive(),
        [path](TaskProgress&) {
            Database db(path, Database::Mode::existing);
            return attention_items(db, now_utc());
        },
        [this](std::vector<Attention>& items) {
            loading_ = false;
            show(items);
        },
        [this](const std::string& error) {
            loading_ = false;
            show_error(this, _("Could not read the alerts"), error);
        });
}

void AlertsPanel::show(const std::vector<Attention>& items) {
    list_->DeleteAllItems();
    long row = 0;
    for (const Attention& a : items) {
        list_->InsertItem(row, kind_label(a.kind));
        list_->SetItem(row, 1, u8(a.subject));
        list_->SetItem(row, 2, u8(a.warehouse));
        list_->SetItem(row, 3, u8(a.detail));
        list_->SetItemBackgroundColour(row, level_colour(kind_level(a.kind)));
        ++row;
    }
    summary_->SetLabel(items.empty()
                           ? _("Nothing needs attention.")
                           : wxString::Format(_("%zu things need attention"), items.size()));
    Layout();
}

}  // namespace dj::app
