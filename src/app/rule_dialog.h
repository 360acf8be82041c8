#pragma once

#include <wx/dialog.h>

#include <string>
#include <vector>

#include "app/app_context.h"
#include "core/orders/order_rule.h"
#include "ops/order_rules.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListBox;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace dj::app {

// A rule as a form: its conditions and actions picked from lists, values chosen from what the
// shop has (platforms, stores, statuses, provinces, SKUs, warehouses, carriers) or typed, money
// in yuan; a preview lists the waiting orders it would catch. Saving goes through
// ops::import_rules (the rule of the same name is replaced and the waiting orders reviewed).
class RuleDialog : public wxDialog {
  public:
    // `rule`: the rule to edit, or none for a new one.
    RuleDialog(wxWindow* parent, AppContext& ctx, const OrderRule* rule);
    const ops::RulesApplied& applied() const { return applied_; }  // after OK

  private:
    void fill_ops();
    void field_changed();
    void action_changed();
    void add_condition();
    void add_action();
    void choose_values(bool for_action);
    void show_lists();
    OrderRule rule_from_form() const;
    void preview();
    void on_save(wxCommandEvent& event);
    void say(const std::string& text, bool problem);
    RuleField field() const;
    RuleActionKind action_kind() const;
    // The values the shop has for a field or an action (code, name), for 选择….
    std::vector<std::pair<std::string, std::string>> known_values(bool for_action) const;

    AppContext& ctx_;
    std::vector<RuleCondition> conditions_;
    std::vector<RuleAction> actions_;
    std::vector<RuleOp> ops_shown_;
    wxTextCtrl* name_ = nullptr;
    wxCheckBox* enabled_ = nullptr;
    wxCheckBox* stop_ = nullptr;
    wxListBox* condition_list_ = nullptr;
    wxChoice* field_ = nullptr;
    wxChoice* op_ = nullptr;
    wxTextCtrl* value_ = nullptr;
    wxButton* choose_ = nullptr;
    wxSpinCtrl* hours_ = nullptr;
    wxListBox* action_list_ = nullptr;
    wxChoice* action_ = nullptr;
    wxTextCtrl* action_value_ = nullptr;
    wxButton* action_choose_ = nullptr;
    wxSpinCtrl* gift_qty_ = nullptr;
    wxChoice* if_short_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxListBox* preview_list_ = nullptr;
    ops::RulesApplied applied_;
};

}  // namespace dj::app
