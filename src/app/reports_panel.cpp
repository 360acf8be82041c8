#include "app/reports_panel.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/ui_helpers.h"
#include "store/stock_queries.h"

namespace dj::app {

ReportsPanel::ReportsPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Stock valuation now (moving average cost)"));
    title->SetFont(title->GetFont().Bold().Scaled(1.2f));
    root->Add(title, wxSizerFlags().Border(wxALL, FromDIP(10)));
    valuation_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    const wxString titles[] = {_("Warehouse"), _("Name"),       _("SKUs in stock"), _("On hand"),
                               _("Reserved"),  _("In transit"), _("Value (yuan)")};
    for (const wxString& t : titles) valuation_->AppendColumn(t, wxLIST_FORMAT_RIGHT, FromDIP(120));
    root->Add(valuation_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(root);
}

void ReportsPanel::reload() {
    valuation_->DeleteAllItems();
    long row = 0;
    Fen total = 0;
    Qty units = 0;
    auto num = [](long long n) { return wxString::Format("%lld", n); };
    for (const WarehouseSummary& w : stock_summary(*ctx_.db)) {
        valuation_->InsertItem(row, u8(w.warehouse));
        valuation_->SetItem(row, 1, u8(w.name));
        valuation_->SetItem(row, 2, num(w.skus_in_stock));
        valuation_->SetItem(row, 3, num(w.on_hand));
        valuation_->SetItem(row, 4, num(w.reserved));
        valuation_->SetItem(row, 5, num(w.in_transit));
        valuation_->SetItem(row, 6, money_text(w.value));
        total += w.value;
        units += w.on_hand;
        ++row;
    }
    valuation_->InsertItem(row, _("Total"));
    valuation_->SetItem(row, 3, num(units));
    valuation_->SetItem(row, 6, money_text(total));
    valuation_->SetItemFont(row, valuation_->GetFont().Bold());
}

}  // namespace dj::app
