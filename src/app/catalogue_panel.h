#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/view.h"
#include "core/stock/catalogue.h"

class wxDataViewCtrl;
class wxDataViewListCtrl;
class wxStaticText;

namespace dj::app {

// 商品资料: the SKU catalogue in a virtual list, filtered by the toolbar's search (code, name or
// barcode). 新增商品… and 编辑… open the SKU form; 导入… reads a CSV file, shows every row and
// every bad row, and imports only a file without problems. Below, the platform listings that
// sell the selected SKU, alone or in bundles (made in 商品对应).
class CataloguePanel : public View {
  public:
    CataloguePanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    void search(const wxString& text) override;
    void save_state() override;

    // The rows shown: indexes into the catalogue, in code order.
    struct Table {
        const std::vector<Sku>* skus = nullptr;
        const std::map<Id, std::string>* suppliers = nullptr;
        std::vector<std::size_t> index;
        std::size_t size() const { return index.size(); }
        const Sku& row(std::size_t i) const { return (*skus)[index[i]]; }
    };

  private:
    void filter();
    const Sku* selected() const;
    void edit(const Sku* sku);
    void import_file();
    void changed();
    void show_listings();

    std::vector<Sku> skus_;
    std::map<Id, std::string> suppliers_;  // id → name
    Table table_;
    std::string search_;
    wxDataViewCtrl* list_ = nullptr;
    wxDataViewListCtrl* listings_ = nullptr;  // the selected SKU's platform listings
    wxStaticText* summary_ = nullptr;
};

}  // namespace dj::app
