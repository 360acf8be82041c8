#pragma once

#include <vector>

#include "app/view.h"
#include "core/catalogue.h"

class wxListCtrl;
class wxStaticText;
class wxChoice;

namespace dj::app {

// 设置: the database file, the language, stores, warehouses and locations.
class SettingsPanel : public View {
  public:
    SettingsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;

  private:
    void add_warehouse();
    void add_location();
    void connect_store();
    void switch_database(bool create);

    wxStaticText* db_path_ = nullptr;
    wxChoice* language_ = nullptr;
    wxListCtrl* stores_ = nullptr;
    wxListCtrl* warehouses_ = nullptr;
    std::vector<ShopStore> stores_list_;
};

}  // namespace dj::app
