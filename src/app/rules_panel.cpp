#include "app/rules_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/file_chooser.h"
#include "app/rule_dialog.h"
#include "app/second_check.h"
#include "app/table_list_model.h"
#include "app/ui_helpers.h"
#include "core/base/clock.h"
#include "core/base/translate.h"
#include "core/orders/rule_text.h"
#include "interchange/import_text.h"
#include "interchange/rule_json.h"
#include "ops/order_queries.h"
#include "ops/order_rules.h"
#include "os/utf8_path.h"

namespace dj::app {
namespace {

std::string read_text_file(const wxString& path) {
    std::ifstream in(path.utf8_string(), std::ios::binary);
    if (!in) throw Error(trf("Cannot read {0}", to_u8(path)));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Dry-run rows, read by a virtual list: a month of a busy shop gives tens of thousands.
struct DryRunTable {
    const std::vector<DryRunRow>& rows;
    std::size_t size() const { return rows.size(); }
    const DryRunRow& row(std::size_t i) const { return rows[i]; }
};

struct DryRunCells {
    static constexpr unsigned column_count = 4;
    static wxString text(const DryRunRow& r, unsigned col) {
        switch (col) {
            case 0:
                return u8(r.order_id);
            case 1:
                return u8(r.rule);
            case 2: {
                wxString out;
                for (const std::string& a : r.action_texts)
                    out += (out.empty() ? "" : u8(tr("; "))) + u8(a);
                return out;
            }
            default:
                return u8(r.why);
        }
    }
    static bool style(const DryRunRow&, unsigned, wxDataViewItemAttr&) { return false; }
};

void show_dry_run(wxWindow* parent, const DryRunSummary& summary) {
    wxDialog dialog(parent, wxID_ANY, _("Dry run: what the rules would do"), wxDefaultPosition,
                    parent->FromDIP(wxSize(980, 560)), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    auto* root = new wxBoxSizer(wxVERTICAL);
    root->Add(new wxStaticText(&dialog, wxID_ANY,
                               wxString::Format(_("%d orders of the last 30 days looked at, %zu "
                                                  "rule matches. Nothing was changed."),
                                                summary.orders, summary.rows.size())),
              wxSizerFlags().Border(wxALL, 10));
    auto* view = new wxDataViewCtrl(&dialog, wxID_ANY);
    DryRunTable table{summary.rows};
    auto* model = new TableListModel<DryRunTable, DryRunCells>(table);
    view->AssociateModel(model);
    model->DecRef();
    model->Reset(static_cast<unsigned>(summary.rows.size()));
    view->AppendTextColumn(_("Platform order"), 0, wxDATAVIEW_CELL_INERT, parent->FromDIP(170));
    view->AppendTextColumn(_("Rule"), 1, wxDATAVIEW_CELL_INERT, parent->FromDIP(140));
    view->AppendTextColumn(_("Would do"), 2, wxDATAVIEW_CELL_INERT, parent->FromDIP(200));
    view->AppendTextColumn(_("Because"), 3, wxDATAVIEW_CELL_INERT, parent->FromDIP(420));
    root->Add(view, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 10));
    root->Add(dialog.CreateButtonSizer(wxCLOSE), wxSizerFlags().Expand().Border(wxALL, 10));
    dialog.SetSizer(root);
    dialog.SetEscapeId(wxID_CLOSE);
    dialog.ShowModal();
}

}  // namespace

RulesPanel::RulesPanel(wxWindow* parent, AppContext& ctx) : View(parent, ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    summary_ = new wxStaticText(this, wxID_ANY, {});
    summary_->SetFont(summary_->GetFont().Bold().Scaled(1.2f));
    bar->Add(summary_, wxSizerFlags(1).Center());
    auto* toggle_button = new wxButton(this, wxID_ANY, _("On / off"));
    auto* new_button = new wxButton(this, wxID_ANY, _("New rule..."));
    auto* edit_button = new wxButton(this, wxID_ANY, _("Edit..."));
    auto* delete_button = new wxButton(this, wxID_ANY, _("Delete..."));
    auto* import_button = new wxButton(this, wxID_ANY, _("Import..."));
    auto* export_button = new wxButton(this, wxID_ANY, _("Export..."));
    auto* dry_button = new wxButton(this, wxID_ANY, _("Dry run (30 days)"));
    for (wxButton* b : {new_button, toggle_button, edit_button, delete_button, import_button,
                        export_button, dry_button})
        bar->Add(b, wxSizerFlags().Center().Border(wxLEFT, 4));
    root->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    applied_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(applied_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    rules_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    rules_->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(44));
    rules_->AppendColumn(_("Rule"), wxLIST_FORMAT_LEFT, FromDIP(160));
    rules_->AppendColumn(_("On"), wxLIST_FORMAT_LEFT, FromDIP(50));
    rules_->AppendColumn(_("When => then"), wxLIST_FORMAT_LEFT, FromDIP(640));
    root->Add(rules_, wxSizerFlags(3).Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    auto* ibar = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Intercepts in force"));
    title->SetFont(title->GetFont().Bold());
    ibar->Add(title, wxSizerFlags(1).Center());
    auto* add_button = new wxButton(this, wxID_ANY, _("Intercept a region..."));
    auto* lift_button = new wxButton(this, wxID_ANY, _("Lift"));
    for (wxButton* b : {add_button, lift_button})
        ibar->Add(b, wxSizerFlags().Center().Border(wxLEFT, 4));
    root->Add(ibar, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    intercepts_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxLC_REPORT | wxLC_SINGLE_SEL);
    intercepts_->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(44));
    intercepts_->AppendColumn(_("Scope"), wxLIST_FORMAT_LEFT, FromDIP(80));
    intercepts_->AppendColumn(_("Target"), wxLIST_FORMAT_LEFT, FromDIP(160));
    intercepts_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(220));
    intercepts_->AppendColumn(_("Held now"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    intercepts_->AppendColumn(_("Since"), wxLIST_FORMAT_LEFT, FromDIP(140));
    intercepts_->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(100));
    root->Add(intercepts_,
              wxSizerFlags(2).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    SetSizer(root);

    toggle_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggle(); });
    new_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(nullptr); });
    edit_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const OrderRule* r = selected_rule()) edit(r);
    });
    delete_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
    rules_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (const OrderRule* r = selected_rule()) edit(r);
    });
    import_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { import_file(); });
    export_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_file(); });
    dry_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dry_run(); });
    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_intercept(); });
    lift_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { lift(); });
}

void RulesPanel::reload() {
    loading_ = true;
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    Actor actor = ctx_.actor;
    ctx_.tasks.start<Loaded>(
        alive(),
        [path, &clock, actor](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            return Loaded{ops::list_rules(db), ops::list_intercepts(db, false)};
        },
        [this](Loaded& loaded) {
            loading_ = false;
            loaded_ = std::move(loaded);
            show(loaded_);
        },
        [this](const std::string& error) {
            loading_ = false;
            show_error(this, _("Could not read the rules"), error);
        });
}

void RulesPanel::show(const Loaded& loaded) {
    rules_->DeleteAllItems();
    long row = 0;
    int on = 0;
    for (const OrderRule& r : loaded.rules) {
        rules_->InsertItem(row, wxString::Format("%ld", row + 1));
        rules_->SetItem(row, 1, u8(r.name));
        rules_->SetItem(row, 2, r.enabled ? _("on") : _("off"));
        rules_->SetItem(row, 3, u8(describe_rule(r)));
        if (!r.enabled) rules_->SetItemTextColour(row, *wxLIGHT_GREY);
        on += r.enabled ? 1 : 0;
        ++row;
    }
    intercepts_->DeleteAllItems();
    row = 0;
    for (const OrderIntercept& i : loaded.intercepts) {
        intercepts_->InsertItem(row, wxString::Format("%lld", static_cast<long long>(i.id)));
        intercepts_->SetItem(row, 1, u8(intercept_scope_name(i.scope)));
        intercepts_->SetItem(row, 2, u8(describe_intercept(i)));
        intercepts_->SetItem(row, 3, u8(i.reason));
        intercepts_->SetItem(row, 4, wxString::Format("%d", i.held));
        intercepts_->SetItem(row, 5, shop_time_text(i.created_at));
        intercepts_->SetItem(row, 6, u8(i.created_by));
        intercepts_->SetItemBackgroundColour(row, level_colour(StockLevel::low));
        ++row;
    }
    summary_->SetLabel(wxString::Format(_("%d of %zu rules on, %zu intercepts in force"), on,
                                        loaded.rules.size(), loaded.intercepts.size()));
    Layout();
}

const OrderRule* RulesPanel::selected_rule() const {
    long row = rules_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 && row < static_cast<long>(loaded_.rules.size()) ? &loaded_.rules[row]
                                                                     : nullptr;
}

void RulesPanel::report(const ops::RulesApplied& applied) {
    applied_->SetLabel(u8(ops::rules_applied_text(applied)));
    Layout();
}

void RulesPanel::toggle() {
    const OrderRule* r = selected_rule();
    if (!r) return;
    try {
        ops::RulesApplied applied =
            ops::set_rule_enabled(*ctx_.db, ctx_.actor, r->name, !r->enabled);
        report(applied);
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not change the rule"), e.what());
    }
}

void RulesPanel::remove() {
    const OrderRule* r = selected_rule();
    if (!r) return;
    std::string name = r->name;
    if (!confirm(this,
                 wxString::Format(_("Delete the rule %s?\n\nWhat it held or tagged among the "
                                    "waiting orders is released. Its definition stays in the "
                                    "audit log."),
                                  u8(name)),
                 _("Delete rule"), _("Delete")))
        return;
    try {
        report(ops::delete_rule(*ctx_.db, ctx_.actor, name));
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not delete the rule"), e.what());
    }
}

void RulesPanel::edit(const OrderRule* rule) {
    RuleDialog dialog(this, ctx_, rule);
    if (dialog.ShowModal() != wxID_OK) return;
    report(dialog.applied());
    if (ctx_.data_changed) ctx_.data_changed();
}

void RulesPanel::import_file() {
    wxString file = choose_file(this, {_("Import rules"), {}, _("Rule files (*.json)|*.json")});
    if (file.empty()) return;
    // Reading the shop's own database file here would drop this process's locks on it
    // (file_chooser.h); it is no rule file anyway.
    std::error_code same_error;
    if (std::filesystem::equivalent(os::utf8_path(to_u8(file)), os::utf8_path(ctx_.db_path),
                                    same_error)) {
        show_error(
            this, _("Could not import the rules"),
            trf("{0} is the shop's database, not a rule file: choose a .json file", to_u8(file)));
        return;
    }
    try {
        std::vector<OrderRule> rules = parse_rules_json(
            decode_import_text(read_text_file(file), to_u8(file)).text, to_u8(file));
        report(ops::import_rules(*ctx_.db, ctx_.actor, rules));
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not import the rules"), e.what());
    }
}

void RulesPanel::export_file() {
    wxString file =
        choose_file(this, {_("Export rules"), "rules.json", _("Rule files (*.json)|*.json"), true});
    if (file.empty()) return;
    std::ofstream out(os::utf8_path(to_u8(file)), std::ios::binary);
    out << rules_to_json(loaded_.rules) << "\n";
    if (!out) show_error(this, _("Could not export the rules"), to_u8(file));
}

void RulesPanel::dry_run() {
    loading_ = true;
    summary_->SetLabel(_("Trying the rules on the last 30 days..."));
    std::string path = ctx_.db_path;
    const Clock& clock = *ctx_.clock;
    ctx_.tasks.start<DryRunSummary>(
        alive(),
        [path, &clock](TaskProgress&) {
            Database db(path, clock, Database::Mode::existing);
            return ops::dry_run_rules(db, ops::list_rules(db), 30);
        },
        [this](DryRunSummary& summary) {
            loading_ = false;
            show(loaded_);
            show_dry_run(this, summary);
        },
        [this](const std::string& error) {
            loading_ = false;
            show_error(this, _("The dry run failed"), error);
        });
}

void RulesPanel::new_intercept() {
    wxString where = wxGetTextFromUser(
        _("Province, optionally a city after a slash (for example: Jiangsu / Nanjing as written "
          "on orders):"),
        _("Intercept a region"), {}, this);
    if (where.empty()) return;
    wxString reason =
        wxGetTextFromUser(_("Why (packers see it):"), _("Intercept a region"), {}, this);
    if (reason.empty()) return;
    OrderIntercept i;
    i.scope = InterceptScope::region;
    i.target = to_u8(where.BeforeFirst('/').Strip(wxString::both));
    i.city = to_u8(where.AfterFirst('/').Strip(wxString::both));
    i.reason = to_u8(reason);
    try {
        auto created = ops::create_intercept(*ctx_.db, ctx_.actor, i);
        wxMessageBox(wxString::Format(_("%d orders are held now; new ones there are held until "
                                        "the intercept is lifted."),
                                      created.caught),
                     _("Intercept a region"), wxOK | wxICON_INFORMATION, this);
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not intercept"), e.what());
    }
}

void RulesPanel::lift() {
    long row = intercepts_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(loaded_.intercepts.size())) return;
    try {
        int released = 0;
        if (!with_second_check(this, ctx_, [&] {
                released = ops::lift_intercept(*ctx_.db, ctx_.actor, loaded_.intercepts[row].id);
            }))
            return;
        wxMessageBox(wxString::Format(_("%d orders released."), released), _("Lift"),
                     wxOK | wxICON_INFORMATION, this);
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (const std::exception& e) {
        show_error(this, _("Could not lift the intercept"), e.what());
    }
}

}  // namespace dj::app
