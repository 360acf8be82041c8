#pragma once

#include <string>
#include <vector>

#include "app/view.h"
#include "core/stock/catalogue.h"
#include "ops/shop_queries.h"
#include "os/printer.h"

class wxListCtrl;
class wxStaticText;
class wxChoice;
class wxTextCtrl;

namespace dj::app {

// 设置: the database file or shop server, this workstation's name, the language, the printer per
// document type, stores, warehouses and locations.
class SettingsPanel : public View {
  public:
    SettingsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;

  private:
    void add_warehouse();
    void add_location();
    void connect_store();
    // Name, platform and warehouse asked in turn, then the store's connection dialog.
    void add_store();
    void switch_database(bool create);
    // 连接店铺服务器: the address is kept for the next start, the password is not.
    void connect_server();
    // The name this workstation's movements and changes are recorded under.
    void save_workstation();
    void save_shop_name();
    void load_printers();
    void show_printers(const std::vector<os::Printer>& printers);
    void choose(PrintDocument document);
    void printer_note(const wxString& text);

    wxStaticText* db_path_ = nullptr;
    wxTextCtrl* shop_name_ = nullptr;
    wxTextCtrl* workstation_ = nullptr;
    wxChoice* language_ = nullptr;
    wxChoice* printer_label_ = nullptr;
    wxChoice* printer_a4_ = nullptr;
    wxStaticText* printer_note_ = nullptr;
    // The printer of each entry after the first ("none") of both choices.
    std::vector<std::string> printer_names_;
    wxListCtrl* stores_ = nullptr;
    wxListCtrl* warehouses_ = nullptr;
    std::vector<ops::StoreOverview> stores_list_;
};

}  // namespace dj::app
