#include "app/mapping_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "app/ui_helpers.h"
#include "core/stock/sku_suggestion.h"
#include "ops/stock_queries.h"
#include "store/base/database.h"

namespace dj::app {

namespace {

// "TEA-001×2"
wxString component_text(const ops::MappedSku& m) {
    return u8(m.sku + "×" + std::to_string(m.qty));
}

}  // namespace

MappingPanel::MappingPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold().Scaled(1.2f));
    root->Add(summary_, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    auto* hint = new wxStaticText(
        this, wxID_ANY,
        _("Orders that sell a platform listing no local SKU answers to cannot be given stock. "
          "Pick a listing, then its SKU from the suggestions, a search or a scan, and press Map."));
    hint->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
    hint->Wrap(FromDIP(980));
    root->Add(hint, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    listing_list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                           wxDV_ROW_LINES | wxDV_SINGLE);
    const wxString titles[] = {_("Store"),  _("Platform SKU"), _("Seller code"), _("Title"),
                               _("Orders"), _("Units"),        _("Likely SKU")};
    const int widths[] = {80, 130, 100, 230, 50, 50, 330};
    for (unsigned c = 0; c < std::size(titles); ++c)
        listing_list_->AppendTextColumn(
            titles[c], wxDATAVIEW_CELL_INERT, remembered_width("/mapping", c, FromDIP(widths[c])),
            c == 4 || c == 5 ? wxALIGN_RIGHT : wxALIGN_NOT, wxDATAVIEW_COL_RESIZABLE);
    root->Add(listing_list_, wxSizerFlags(3).Expand().Border(wxALL, FromDIP(10)));

    auto* below = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* find = new wxBoxSizer(wxHORIZONTAL);
    find->Add(new wxStaticText(this, wxID_ANY, _("Find a SKU (code, name or barcode):")),
              wxSizerFlags().Center().Border(wxRIGHT, FromDIP(6)));
    search_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(260), -1),
                             wxTE_PROCESS_ENTER);
    search_->SetHint(_("type or scan"));
    find->Add(search_, wxSizerFlags(1).Center());
    left->Add(find, wxSizerFlags().Expand());
    candidate_list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                             wxDV_ROW_LINES | wxDV_SINGLE);
    candidate_list_->AppendTextColumn(_("SKU"), wxDATAVIEW_CELL_INERT, FromDIP(110));
    candidate_list_->AppendTextColumn(_("Name"), wxDATAVIEW_CELL_INERT, FromDIP(180));
    candidate_list_->AppendTextColumn(_("Spec"), wxDATAVIEW_CELL_INERT, FromDIP(100));
    candidate_list_->AppendTextColumn(_("Why"), wxDATAVIEW_CELL_INERT, FromDIP(240));
    left->Add(candidate_list_, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(6)));
    below->Add(left, wxSizerFlags(3).Expand());

    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* qty_row = new wxBoxSizer(wxHORIZONTAL);
    qty_row->Add(new wxStaticText(this, wxID_ANY, _("Units of the SKU in one platform unit:")),
                 wxSizerFlags().Center().Border(wxRIGHT, FromDIP(6)));
    qty_ = new wxSpinCtrl(this, wxID_ANY, "1", wxDefaultPosition, wxSize(FromDIP(130), -1),
                          wxSP_ARROW_KEYS, 1, 10000, 1);
    qty_row->Add(qty_, wxSizerFlags().Center());
    right->Add(qty_row, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    auto* map = new wxButton(this, wxID_ANY, _("Map"));
    map->SetToolTip(_("Map the listing to the chosen SKU, or to the bundle when there is one"));
    auto* add = new wxButton(this, wxID_ANY, _("Add to bundle"));
    add->SetToolTip(_("A listing sold as several SKUs: add each with its quantity, then Map"));
    auto* clear = new wxButton(this, wxID_ANY, _("Clear bundle"));
    for (wxButton* b : {map, add, clear})
        right->Add(b, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    bundle_text_ = new wxStaticText(this, wxID_ANY, {});
    right->Add(bundle_text_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(6)));
    result_ = new wxStaticText(this, wxID_ANY, {});
    right->Add(result_, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
    below->Add(right, wxSizerFlags(2).Expand().Border(wxLEFT, FromDIP(12)));
    root->Add(below, wxSizerFlags(2).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    fit_headers(*listing_list_);
    SetSizer(root);

    listing_list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        bundle_.clear();
        show_bundle();
        if (search_->IsEmpty())
            show_candidates();
        else
            search_->Clear();  // shows the new listing's suggestions
    });
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { show_candidates(); });
    // A scanner ends with Enter: a barcode or code that names one SKU chooses it.
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (!candidates_.empty()) candidate_list_->SelectRow(0);
    });
    map->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { map_selected(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_to_bundle(); });
    clear->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        bundle_.clear();
        show_bundle();
    });
}

void MappingPanel::reload() {
    wxBusyCursor busy;
    std::string keep;
    if (const ops::UnmappedSku* u = selected_listing())
        keep = u->listing.store + "/" + u->listing.key();
    listings_ = ops::unmapped_skus(*ctx_.db);
    catalogue_ = ops::list_skus(*ctx_.db, ctx_.actor);
    long long orders = 0;
    for (const ops::UnmappedSku& u : listings_)
        orders += u.listing.orders;
    summary_->SetLabel(
        listings_.empty()
            ? _("Every listing of the waiting orders has its SKU.")
            : wxString::Format(_("%zu listings without a SKU hold up %lld waiting orders"),
                               listings_.size(), orders));
    listing_list_->DeleteAllItems();
    int select = listings_.empty() ? -1 : 0;
    for (std::size_t i = 0; i < listings_.size(); ++i) {
        const UnmappedListing& l = listings_[i].listing;
        wxString likely;
        if (!listings_[i].suggestions.empty()) {
            const SkuSuggestion& s = listings_[i].suggestions.front();
            likely = u8(s.code + "（" + suggestion_reason(s.why) + "）");
        }
        wxVector<wxVariant> row;
        for (const wxString& cell :
             {u8(l.store), u8(l.platform_sku_id), u8(l.seller_code), u8(l.title),
              wxString::Format("%lld", l.orders),
              wxString::Format("%lld", static_cast<long long>(l.units)), likely})
            row.push_back(wxVariant(cell));
        listing_list_->AppendItem(row);
        if (l.store + "/" + l.key() == keep) select = static_cast<int>(i);
    }
    if (select >= 0) listing_list_->SelectRow(static_cast<unsigned>(select));
    bundle_.clear();
    show_bundle();
    show_candidates();
    Layout();
}

const ops::UnmappedSku* MappingPanel::selected_listing() const {
    int row = listing_list_->GetSelectedRow();
    return row >= 0 && static_cast<std::size_t>(row) < listings_.size() ? &listings_[row] : nullptr;
}

const Sku* MappingPanel::selected_candidate() const {
    int row = candidate_list_->GetSelectedRow();
    return row >= 0 && static_cast<std::size_t>(row) < candidates_.size() ? candidates_[row]
                                                                          : nullptr;
}

// The search's hits while something is typed, else the selected listing's suggestions.
void MappingPanel::show_candidates() {
    candidates_.clear();
    std::vector<wxString> why;
    std::string text = to_u8(search_->GetValue());
    if (!text.empty()) {
        candidates_ = find_skus(text, catalogue_);
        why.assign(candidates_.size(), _("matches the search"));
    } else if (const ops::UnmappedSku* u = selected_listing()) {
        for (const SkuSuggestion& s : u->suggestions) {
            auto it = std::find_if(catalogue_.begin(), catalogue_.end(),
                                   [&](const Sku& k) { return k.code == s.code; });
            if (it == catalogue_.end()) continue;
            candidates_.push_back(&*it);
            why.push_back(u8(suggestion_reason(s.why)));
        }
    }
    candidate_list_->DeleteAllItems();
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        wxVector<wxVariant> row;
        for (const wxString& cell :
             {u8(candidates_[i]->code), u8(candidates_[i]->name), u8(candidates_[i]->spec), why[i]})
            row.push_back(wxVariant(cell));
        candidate_list_->AppendItem(row);
    }
    if (!candidates_.empty()) candidate_list_->SelectRow(0);
}

void MappingPanel::add_to_bundle() {
    const Sku* sku = selected_candidate();
    if (!sku) {
        result_->SetLabel(_("Choose a SKU first: a suggestion, or find one above."));
        return;
    }
    Qty qty = qty_->GetValue();
    auto same = std::find_if(bundle_.begin(), bundle_.end(),
                             [&](const ops::MappedSku& m) { return m.sku == sku->code; });
    if (same != bundle_.end())
        same->qty += qty;
    else
        bundle_.push_back({sku->code, qty});
    show_bundle();
}

void MappingPanel::show_bundle() {
    if (bundle_.empty()) {
        bundle_text_->SetLabel({});
        return;
    }
    wxString parts;
    for (const ops::MappedSku& m : bundle_)
        parts += (parts.empty() ? "" : " + ") + component_text(m);
    bundle_text_->SetLabel(wxString::Format(_("Bundle: %s"), parts));
    bundle_text_->Wrap(FromDIP(320));
}

void MappingPanel::map_selected() {
    const ops::UnmappedSku* u = selected_listing();
    if (!u) {
        result_->SetLabel(_("Choose the listing to map first."));
        return;
    }
    std::vector<ops::MappedSku> components = bundle_;
    if (components.empty()) {
        const Sku* sku = selected_candidate();
        if (!sku) {
            result_->SetLabel(_("Choose a SKU first: a suggestion, or find one above."));
            return;
        }
        components.push_back({sku->code, qty_->GetValue()});
    }
    wxString listing = u8(u->listing.key());
    wxString mapped_to;
    for (const ops::MappedSku& m : components)
        mapped_to += (mapped_to.empty() ? "" : " + ") + component_text(m);
    try {
        int allocated = ops::map_platform_sku(*ctx_.db, ctx_.actor, u->listing.store,
                                              u->listing.key(), components);
        result_->SetLabel(wxString::Format(_("%s is now %s; %d waiting orders got their stock."),
                                           listing, mapped_to, allocated));
        result_->Wrap(FromDIP(320));
        search_->ChangeValue({});
        if (ctx_.data_changed)
            ctx_.data_changed();  // reloads this view too: it is the one shown
        else
            reload();
    } catch (const std::exception& e) {
        show_error(this, wxString::Format(_("Could not map %s"), listing), e.what());
    }
}

}  // namespace dj::app
