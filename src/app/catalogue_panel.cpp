#include "app/catalogue_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/file_chooser.h"
#include "app/sku_dialog.h"
#include "app/sku_import_dialog.h"
#include "app/table_list_model.h"
#include "app/ui_helpers.h"
#include "core/base/text.h"
#include "ops/cost_visibility.h"
#include "ops/stock_queries.h"

namespace dj::app {

namespace {

struct SkuCells {
    static constexpr unsigned column_count = 9;
    static const std::map<Id, std::string>* suppliers;
    static bool costs_hidden;  // the user may not see costs: *** for the standard cost
    static wxString text(const Sku& s, unsigned col) {
        switch (col) {
            case 0:
                return u8(s.code);
            case 1:
                return u8(s.name);
            case 2:
                return u8(s.spec);
            case 3:
                return u8(s.unit);
            case 4: {
                wxString out;
                for (const std::string& b : s.barcodes)
                    out += (out.empty() ? "" : ", ") + u8(b);
                return out;
            }
            case 5:
                return wxString::Format("%d", s.weight_g);
            case 6:
                return costs_hidden ? wxString("***") : money_text(s.standard_cost);
            case 7:
                return s.shelf_life_days > 0 ? wxString::Format("%d", s.shelf_life_days)
                                             : wxString();
            default: {
                if (!s.supplier_id || !suppliers) return {};
                auto it = suppliers->find(*s.supplier_id);
                return it == suppliers->end() ? wxString() : u8(it->second);
            }
        }
    }
    static bool style(const Sku&, unsigned, wxDataViewItemAttr&) { return false; }
};
const std::map<Id, std::string>* SkuCells::suppliers = nullptr;
bool SkuCells::costs_hidden = false;

using SkuModel = TableListModel<CataloguePanel::Table, SkuCells>;

}  // namespace

CataloguePanel::CataloguePanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    table_.skus = &skus_;
    table_.suppliers = &suppliers_;
    SkuCells::suppliers = &suppliers_;
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold().Scaled(1.2f));
    bar->Add(summary_, wxSizerFlags(1).Center());
    auto* add = new wxButton(this, wxID_ANY, _("New SKU..."));
    auto* edit_button = new wxButton(this, wxID_ANY, _("Edit..."));
    auto* import_button = new wxButton(this, wxID_ANY, _("Import CSV..."));
    import_button->SetToolTip(
        _("A CSV with the columns code,name,barcode,spec,unit,weight_g,cost,shelf_life_days: "
          "every row is shown and checked before anything is saved"));
    for (wxButton* b : {add, edit_button, import_button})
        bar->Add(b, wxSizerFlags().Center().Border(wxLEFT, FromDIP(6)));
    root->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));

    list_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_ROW_LINES | wxDV_SINGLE);
    auto* model = new SkuModel(table_);
    list_->AssociateModel(model);
    model->DecRef();
    const wxString titles[] = {_("SKU"),     _("Name"),       _("Spec"), _("Unit"),
                               _("Barcode"), _("Weight (g)"), _("Cost"), _("Shelf life (days)"),
                               _("Supplier")};
    const int widths[] = {100, 180, 80, 50, 140, 60, 70, 60, 170};
    for (unsigned c = 0; c < std::size(titles); ++c)
        list_->AppendTextColumn(titles[c], c, wxDATAVIEW_CELL_INERT,
                                remembered_width("/catalogue", c, FromDIP(widths[c])),
                                c >= 5 && c <= 7 ? wxALIGN_RIGHT : wxALIGN_NOT,
                                wxDATAVIEW_COL_RESIZABLE);
    root->Add(list_, wxSizerFlags(3).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    root->Add(new wxStaticText(this, wxID_ANY,
                               _("Platform listings that sell the selected SKU (bundles included; "
                                 "mapped in SKU mapping)")),
              wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    listings_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                       wxDV_ROW_LINES | wxDV_SINGLE);
    listings_->AppendTextColumn(_("Store"), wxDATAVIEW_CELL_INERT, FromDIP(120));
    listings_->AppendTextColumn(_("Platform SKU"), wxDATAVIEW_CELL_INERT, FromDIP(200));
    listings_->AppendTextColumn(_("Sold as"), wxDATAVIEW_CELL_INERT, FromDIP(400));
    fit_headers(*listings_);
    root->Add(listings_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    fit_headers(*list_);
    SetSizer(root);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(nullptr); });
    edit_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const Sku* s = selected()) edit(s);
    });
    list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (const Sku* s = selected()) edit(s);
    });
    import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_file(); });
    list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_listings(); });
}

void CataloguePanel::reload() {
    wxBusyCursor busy;
    skus_ = ops::list_skus(*ctx_.db, ctx_.actor);
    SkuCells::costs_hidden = !ops::sees_costs(ctx_.actor);
    suppliers_.clear();
    for (const Supplier& s : ops::list_suppliers(*ctx_.db))
        suppliers_[s.id] = s.name;
    filter();
}

void CataloguePanel::search(const wxString& text) {
    search_ = to_u8(text.Strip(wxString::both));
    filter();
}

void CataloguePanel::filter() {
    table_.index.clear();
    std::string needle = lower_ascii(search_);
    for (std::size_t i = 0; i < skus_.size(); ++i) {
        const Sku& s = skus_[i];
        bool hit = needle.empty() || lower_ascii(s.code).find(needle) != std::string::npos ||
                   lower_ascii(s.name).find(needle) != std::string::npos;
        for (const std::string& b : s.barcodes)
            hit = hit || b.find(search_) != std::string::npos;
        if (hit) table_.index.push_back(i);
    }
    static_cast<SkuModel*>(list_->GetModel())->Reset(static_cast<unsigned>(table_.size()));
    listings_->DeleteAllItems();  // nothing is selected after a reset
    summary_->SetLabel(search_.empty()
                           ? wxString::Format(_("%zu SKUs"), skus_.size())
                           : wxString::Format(_("%zu of %zu SKUs match \"%s\""), table_.size(),
                                              skus_.size(), u8(search_)));
    Layout();
}

void CataloguePanel::show_listings() {
    listings_->DeleteAllItems();
    const Sku* sku = selected();
    if (!sku) return;
    try {
        for (const MappedListing& l : ops::listings_of_sku(*ctx_.db, sku->code)) {
            wxVector<wxVariant> row;
            for (const wxString& cell : {u8(l.store), u8(l.platform_sku), u8(l.components)})
                row.push_back(wxVariant(cell));
            listings_->AppendItem(row);
        }
    } catch (const std::exception& e) {
        show_error(this, _("Could not read the SKU's listings"), e.what());
    }
}

const Sku* CataloguePanel::selected() const {
    wxDataViewItem item = list_->GetSelection();
    if (!item.IsOk()) return nullptr;
    unsigned row = static_cast<SkuModel*>(list_->GetModel())->GetRow(item);
    return row < table_.size() ? &table_.row(row) : nullptr;
}

void CataloguePanel::changed() {
    if (ctx_.data_changed)
        ctx_.data_changed();
    else
        reload();
}

void CataloguePanel::edit(const Sku* sku) {
    SkuDialog dialog(this, ctx_, sku);
    if (dialog.ShowModal() == wxID_OK) changed();
}

void CataloguePanel::import_file() {
    wxString file =
        choose_file(this, {_("Import SKUs"), {}, _("CSV files (*.csv)|*.csv|All files|*")});
    if (file.empty()) return;
    SkuImportDialog dialog(this, ctx_, file);
    if (dialog.ShowModal() == wxID_OK) changed();
}

void CataloguePanel::save_state() {
    remember_widths("/catalogue", *list_, table_.size());
}

}  // namespace dj::app
