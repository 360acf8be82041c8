#pragma once

#include <vector>

#include "app/view.h"
#include "core/stock/catalogue.h"
#include "ops/catalogue.h"

class wxDataViewListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// 商品对应: the platform listings that waiting orders sell and no local SKU answers to. A person
// picks a listing, then its SKU from the suggestions, a search or a scan (several with their
// quantities make a bundle), and maps it: the orders that waited for it are allocated at once.
class MappingPanel : public View {
  public:
    MappingPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;

  private:
    const ops::UnmappedSku* selected_listing() const;
    const Sku* selected_candidate() const;
    void show_candidates();
    void add_to_bundle();
    void map_selected();
    void show_bundle();

    std::vector<ops::UnmappedSku> listings_;
    std::vector<Sku> catalogue_;
    std::vector<const Sku*> candidates_;
    std::vector<ops::MappedSku> bundle_;
    wxDataViewListCtrl* listing_list_ = nullptr;
    wxDataViewListCtrl* candidate_list_ = nullptr;
    wxTextCtrl* search_ = nullptr;
    wxSpinCtrl* qty_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* bundle_text_ = nullptr;
    wxStaticText* result_ = nullptr;
};

}  // namespace dj::app
