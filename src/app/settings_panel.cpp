#include "app/settings_panel.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/xrc/xmlres.h>

#include <algorithm>

#include "app/file_chooser.h"
#include "app/server_dialog.h"
#include "app/store_dialog.h"
#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/shop_queries.h"
#include "ops/shop_setup.h"
#include "ops/stock_queries.h"

namespace dj::app {
namespace {
const char* kLanguages[] = {"", "zh_CN", "en"};
constexpr std::size_t kMaxWorkstationName = 40;
}  // namespace

SettingsPanel::SettingsPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    // Scrolls when the window is too short for every section: no list is squeezed to nothing.
    auto* scroller = new wxScrolledWindow(this, wxID_ANY);
    scroller->SetScrollRate(0, FromDIP(12));
    auto* inner = new wxBoxSizer(wxVERTICAL);
    wxPanel* form = wxXmlResource::Get()->LoadPanel(scroller, "settings_panel");
    inner->Add(form, wxSizerFlags(1).Expand());
    scroller->SetSizer(inner);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(scroller, wxSizerFlags(1).Expand());
    SetSizer(sizer);
    db_path_ = XRCCTRL(*form, "db_path", wxStaticText);
    shop_name_ = XRCCTRL(*form, "shop_name", wxTextCtrl);
    shop_name_->SetHint(_("e.g. 山间茶铺"));
    shop_name_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { save_shop_name(); });
    XRCCTRL(*form, "shop_name_save", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        save_shop_name();
    });
    language_ = XRCCTRL(*form, "language", wxChoice);
    printer_label_ = XRCCTRL(*form, "printer_label", wxChoice);
    printer_a4_ = XRCCTRL(*form, "printer_a4", wxChoice);
    printer_note_ = XRCCTRL(*form, "printer_note", wxStaticText);
    printer_label_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { choose(PrintDocument::label); });
    printer_a4_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { choose(PrintDocument::a4); });
    stores_ = XRCCTRL(*form, "stores", wxListCtrl);
    warehouses_ = XRCCTRL(*form, "warehouses", wxListCtrl);
    stores_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(110));
    stores_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(220));
    stores_->AppendColumn(_("Platform"), wxLIST_FORMAT_LEFT, FromDIP(130));
    stores_->AppendColumn(_("Ships from"), wxLIST_FORMAT_LEFT, FromDIP(120));
    stores_->AppendColumn(_("Connection"), wxLIST_FORMAT_LEFT, FromDIP(320));
    warehouses_->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(110));
    warehouses_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(220));
    warehouses_->AppendColumn(_("Locations"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    warehouses_->AppendColumn(_("Negative stock"), wxLIST_FORMAT_LEFT, FromDIP(130));

    wxString saved = wxConfig::Get()->Read("/ui/language", "");
    for (int i = 0; i < 3; ++i)
        if (saved == kLanguages[i]) language_->SetSelection(i);
    language_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        wxConfig::Get()->Write("/ui/language", kLanguages[std::max(0, language_->GetSelection())]);
        wxConfig::Get()->Flush();
    });
    XRCCTRL(*form, "store_connect", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        connect_store();
    });
    XRCCTRL(*form, "store_add", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        add_store();
    });
    stores_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { connect_store(); });
    XRCCTRL(*form, "location_add", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        add_location();
    });
    XRCCTRL(*form, "warehouse_add", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        add_warehouse();
    });
    XRCCTRL(*form, "db_open", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        switch_database(false);
    });
    XRCCTRL(*form, "db_server", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        connect_server();
    });
    workstation_ = XRCCTRL(*form, "workstation", wxTextCtrl);
    workstation_->SetValue(u8(ctx_.actor.workstation));
    workstation_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { save_workstation(); });
    XRCCTRL(*form, "workstation_save", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        save_workstation();
    });
    XRCCTRL(*form, "db_new", wxButton)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        switch_database(true);
    });
}

void SettingsPanel::save_shop_name() {
    try {
        ops::set_shop_name(*ctx_.db, ctx_.actor, to_u8(shop_name_->GetValue()));
        shop_name_->ChangeValue(u8(ops::shop_name(*ctx_.db)));
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not name the shop"), e.what());
    }
}

void SettingsPanel::reload() {
    db_path_->SetLabel(wxControl::EscapeMnemonics(u8(ctx_.db_path)));
    shop_name_->ChangeValue(u8(ops::shop_name(*ctx_.db)));
    load_printers();
    stores_->DeleteAllItems();
    long row = 0;
    stores_list_ = ops::store_overview(*ctx_.db);
    for (const ops::StoreOverview& o : stores_list_) {
        const ShopStore& s = o.store;
        stores_->InsertItem(row, u8(s.code));
        stores_->SetItem(row, 1, u8(s.name));
        stores_->SetItem(row, 2, platform_label(std::string(platform_code(s.platform))));
        if (o.warehouse) stores_->SetItem(row, 3, u8(o.warehouse->name));
        const auto& c = o.connection;
        stores_->SetItem(row, 4,
                         !c                    ? _("Not connected: double-click to connect")
                         : c->endpoint.empty() ? _("Platform gateway")
                                               : u8(c->endpoint));
        ++row;
    }
    warehouses_->DeleteAllItems();
    row = 0;
    for (const ops::WarehouseOverview& o : ops::warehouse_overview(*ctx_.db)) {
        const Warehouse& w = o.warehouse;
        warehouses_->InsertItem(row, u8(w.code));
        warehouses_->SetItem(row, 1, u8(w.name));
        warehouses_->SetItem(row, 2, wxString::Format("%zu", o.locations.size()));
        warehouses_->SetItem(row, 3, w.allow_negative ? _("Allowed") : _("Not allowed"));
        ++row;
    }
    Layout();
}

// Asking the print service can take a while (network printers): off the UI thread.
void SettingsPanel::load_printers() {
    printer_note(_("Looking for printers..."));
    ctx_.tasks.start<std::vector<os::Printer>>(
        alive(), [](TaskProgress&) { return os::list_printers(); },
        [this](std::vector<os::Printer>& printers) { show_printers(printers); },
        [this](const std::string& error) {
            show_printers({});
            printer_note(wxString::Format(_("The printers could not be listed: %s"), u8(error)));
        });
}

void SettingsPanel::show_printers(const std::vector<os::Printer>& printers) {
    printer_names_.clear();
    std::vector<wxString> labels;
    for (const os::Printer& p : printers) {
        printer_names_.push_back(p.name);
        labels.push_back(p.is_default ? wxString::Format(_("%s (system default)"), u8(p.name))
                                      : u8(p.name));
    }
    for (PrintDocument d : {PrintDocument::label, PrintDocument::a4}) {
        std::optional<std::string> chosen = ops::chosen_printer(*ctx_.db, d);
        // A remembered printer that is gone stays visible, so the choice is not lost silently.
        if (chosen && std::find(printer_names_.begin(), printer_names_.end(), *chosen) ==
                          printer_names_.end()) {
            printer_names_.push_back(*chosen);
            labels.push_back(wxString::Format(_("%s (not found)"), u8(*chosen)));
        }
    }
    for (PrintDocument d : {PrintDocument::label, PrintDocument::a4}) {
        wxChoice* choice = d == PrintDocument::label ? printer_label_ : printer_a4_;
        choice->Clear();
        choice->Append(_("None: save as PDF"));
        for (const wxString& l : labels)
            choice->Append(l);
        std::optional<std::string> chosen = ops::chosen_printer(*ctx_.db, d);
        auto at = chosen ? std::find(printer_names_.begin(), printer_names_.end(), *chosen)
                         : printer_names_.end();
        choice->SetSelection(
            at == printer_names_.end() ? 0 : static_cast<int>(at - printer_names_.begin()) + 1);
    }
    printer_note(printers.empty() ? _("No printer is set up on this computer: add one in the "
                                      "system's printer settings.")
                                  : _("Wave and pack station print straight to these printers."));
}

void SettingsPanel::printer_note(const wxString& text) {
    printer_note_->SetLabel(text);
    printer_note_->Wrap(
        std::max(FromDIP(300), printer_label_->GetParent()->GetClientSize().x - FromDIP(40)));
    Layout();
}

void SettingsPanel::choose(PrintDocument document) {
    wxChoice* choice = document == PrintDocument::label ? printer_label_ : printer_a4_;
    int at = choice->GetSelection();
    std::string printer =
        at > 0 && at <= static_cast<int>(printer_names_.size()) ? printer_names_[at - 1] : "";
    try {
        ops::choose_document_printer(*ctx_.db, ctx_.actor, document, printer);
    } catch (const std::exception& e) {
        show_error(this, _("Could not save the printer"), e.what());
    }
}

void SettingsPanel::add_store() {
    wxString name =
        wxGetTextFromUser(_("The store's name as people call it (e.g. Hill Tea on Tmall):"),
                          _("Add a store"), {}, this);
    if (name.Trim().Trim(false).empty()) return;
    const Platform platforms[] = {Platform::taobao, Platform::jd, Platform::pinduoduo,
                                  Platform::douyin};
    wxArrayString platform_names;
    for (Platform p : platforms)
        platform_names.Add(platform_label(std::string(platform_code(p))));
    int platform = wxGetSingleChoiceIndex(_("Which platform is it on?"), _("Add a store"),
                                          platform_names, 0, this);
    if (platform < 0) return;
    std::vector<Warehouse> warehouses = ops::list_warehouses(*ctx_.db);
    wxArrayString warehouse_names;
    for (const Warehouse& w : warehouses)
        warehouse_names.Add(u8(w.name) + " (" + u8(w.code) + ")");
    int warehouse = warehouses.empty()
                        ? -1
                        : wxGetSingleChoiceIndex(_("Which warehouse ships its orders?"),
                                                 _("Add a store"), warehouse_names, 0, this);
    if (!warehouses.empty() && warehouse < 0) return;
    ShopStore added;
    try {
        ops::StoreRequest request;
        request.name = to_u8(name);
        request.platform = platforms[platform];
        if (warehouse >= 0) request.warehouse = warehouses[warehouse].code;
        added = ops::save_store(*ctx_.db, ctx_.actor, request);
    } catch (const std::exception& e) {
        show_error(this, _("Could not add the store"), e.what());
        return;
    }
    reload();
    // Its credentials next, with a test before they are kept.
    for (const ops::StoreOverview& o : stores_list_)
        if (o.store.code == added.code) {
            StoreDialog dialog(this, ctx_, o);
            dialog.ShowModal();
        }
    if (ctx_.data_changed) ctx_.data_changed();
}

void SettingsPanel::connect_store() {
    long row = stores_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(stores_list_.size())) {
        wxMessageBox(_("Select a store first."), _("Connect store"), wxOK | wxICON_INFORMATION,
                     this);
        return;
    }
    StoreDialog dialog(this, ctx_, stores_list_[row]);
    if (dialog.ShowModal() == wxID_OK && ctx_.data_changed) ctx_.data_changed();
}

void SettingsPanel::add_location() {
    long row = warehouses_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0) {
        wxMessageBox(_("Select a warehouse first."), _("Add location"), wxOK | wxICON_INFORMATION,
                     this);
        return;
    }
    std::string warehouse = to_u8(warehouses_->GetItemText(row, 0));
    wxString code = wxGetTextFromUser(_("Bin code (e.g. A-01-02):"), _("Add location"), {}, this);
    if (code.empty()) return;
    wxString walk =
        wxGetTextFromUser(_("Position in the picking walk (a number; smaller is picked first):"),
                          _("Add location"), "0", this);
    long walk_order = 0;
    try {
        if (!walk.ToLong(&walk_order))
            throw InvalidInput(trf("\"{0}\" is not a number", to_u8(walk)));
        if (walk_order < 0 || walk_order > 1000000)
            throw InvalidInput(
                trf("The walk position must be 0 to 1000000, got {0}", std::to_string(walk_order)));
        Location l;
        l.code = to_u8(code);
        l.walk_order = static_cast<int>(walk_order);
        ops::add_location(*ctx_.db, ctx_.actor, warehouse, l);
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not add the location"), e.what());
    }
}

void SettingsPanel::add_warehouse() {
    wxString code = wxGetTextFromUser(_("Short code of the new warehouse (e.g. SH):"),
                                      _("Add warehouse"), {}, this);
    if (code.empty()) return;
    wxString name =
        wxGetTextFromUser(_("Name (e.g. Shanghai warehouse):"), _("Add warehouse"), {}, this);
    try {
        ops::add_warehouse(*ctx_.db, ctx_.actor, Warehouse{0, to_u8(code), to_u8(name), false});
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not add the warehouse"), e.what());
    }
}

void SettingsPanel::switch_database(bool create) {
    wxString file =
        choose_file(this, {create ? _("Create a new shop database") : _("Open a Dianjia database"),
                           create ? wxString("shop.db") : wxString(),
                           _("Dianjia database (*.db)|*.db|All files|*"), create});
    if (file.empty()) return;
    try {
        std::string path = to_u8(file);
        Database probe(path, *ctx_.clock,
                       create ? Database::Mode::create : Database::Mode::existing);
        wxConfig::Get()->Write("/db/path", file);
        wxConfig::Get()->Flush();
        wxMessageBox(_("Dianjia opens this database the next time it starts."), _("Database"),
                     wxOK | wxICON_INFORMATION, this);
    } catch (const std::exception& e) {
        show_error(this, _("Could not use this database"), e.what());
    }
}

void SettingsPanel::connect_server() {
    ServerDialog dialog(this, ctx_);
    if (dialog.ShowModal() != wxID_OK) return;
    wxConfig::Get()->Write("/db/path", u8(dialog.url()));
    wxConfig::Get()->Flush();
    wxMessageBox(_("Dianjia opens this shop server the next time it starts."), _("Database"),
                 wxOK | wxICON_INFORMATION, this);
}

void SettingsPanel::save_workstation() {
    const wxString name = workstation_->GetValue().Strip(wxString::both);
    if (name.empty() || name.length() > kMaxWorkstationName) {
        show_error(this, _("Could not name this workstation"),
                   to_u8(wxString::Format(_("Give it a name of 1 to %d characters, e.g. 打包台2."),
                                          static_cast<int>(kMaxWorkstationName))));
        return;
    }
    wxConfig::Get()->Write("/workstation/name", name);
    wxConfig::Get()->Flush();
    ctx_.actor.workstation = to_u8(name);
    wxMessageBox(wxString::Format(_("From now on, what this workstation records names %s."), name),
                 _("Workstation"), wxOK | wxICON_INFORMATION, this);
}

}  // namespace dj::app
