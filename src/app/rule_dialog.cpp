#include "app/rule_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "app/ui_helpers.h"
#include "core/base/error.h"
#include "core/base/money.h"
#include "core/base/platform.h"
#include "core/base/text.h"
#include "core/base/translate.h"
#include "core/fulfilment/carrier.h"
#include "core/orders/china_regions.h"
#include "core/orders/order.h"
#include "core/orders/rule_text.h"
#include "ops/order_queries.h"
#include "ops/order_rules.h"
#include "ops/shop_queries.h"
#include "ops/stock_queries.h"

namespace dj::app {

namespace {

// A whole number typed by a person, or InvalidInput naming the field.
long long whole_number(wxString text, const std::string& what, long long lo, long long hi) {
    long long n = 0;
    if (!text.Trim().Trim(false).ToLongLong(&n) || n < lo || n > hi)
        throw InvalidInput(trf("{0}: give a whole number from {1} to {2}", what, std::to_string(lo),
                               std::to_string(hi)));
    return n;
}

bool needs_value(RuleActionKind k) {
    return k == RuleActionKind::tag || k == RuleActionKind::priority ||
           k == RuleActionKind::warehouse || k == RuleActionKind::carrier ||
           k == RuleActionKind::gift || k == RuleActionKind::hold || k == RuleActionKind::intercept;
}

}  // namespace

RuleDialog::RuleDialog(wxWindow* parent, AppContext& ctx, const OrderRule* rule)
    : wxDialog(parent, wxID_ANY, rule ? _("Edit rule") : _("New rule"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(new wxStaticText(this, wxID_ANY, _("Rule name:")),
              wxSizerFlags().Center().Border(wxRIGHT, FromDIP(6)));
    name_ = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(240), -1));
    head->Add(name_, wxSizerFlags().Center());
    enabled_ = new wxCheckBox(this, wxID_ANY, _("On"));
    enabled_->SetValue(true);
    head->Add(enabled_, wxSizerFlags().Center().Border(wxLEFT, FromDIP(16)));
    stop_ = new wxCheckBox(this, wxID_ANY, _("Later rules skip the orders it matches"));
    head->Add(stop_, wxSizerFlags().Center().Border(wxLEFT, FromDIP(16)));
    root->Add(head, wxSizerFlags().Border(wxALL, FromDIP(10)));

    // Conditions: the list, then a row that builds one. Labels come just before their fields.
    auto* when_box = new wxStaticBoxSizer(wxVERTICAL, this, _("When (all of these hold)"));
    wxWindow* when = when_box->GetStaticBox();
    condition_list_ =
        new wxListBox(when, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(820), FromDIP(90)));
    when_box->Add(condition_list_, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    auto* when_row = new wxBoxSizer(wxHORIZONTAL);
    when_row->Add(new wxStaticText(when, wxID_ANY, _("Field:")), wxSizerFlags().Center());
    field_ = new wxChoice(when, wxID_ANY);
    for (RuleField f : rule_fields())
        field_->Append(u8(rule_field_name(f)));
    field_->SetSelection(0);
    when_row->Add(field_, wxSizerFlags().Center().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    when_row->Add(new wxStaticText(when, wxID_ANY, _("Test:")), wxSizerFlags().Center());
    op_ = new wxChoice(when, wxID_ANY);
    when_row->Add(op_, wxSizerFlags().Center().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    when_row->Add(new wxStaticText(when, wxID_ANY, _("Value:")), wxSizerFlags().Center());
    value_ = new wxTextCtrl(when, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(200), -1));
    when_row->Add(value_, wxSizerFlags(1).Center().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    choose_ = new wxButton(when, wxID_ANY, _("Choose..."));
    when_row->Add(choose_, wxSizerFlags().Center());
    when_row->Add(new wxStaticText(when, wxID_ANY, _("Within hours:")),
                  wxSizerFlags().Center().Border(wxLEFT, FromDIP(8)));
    hours_ = new wxSpinCtrl(when, wxID_ANY, "24", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS,
                            1, 24 * 90, 24);
    when_row->Add(hours_, wxSizerFlags().Center().Border(wxLEFT, FromDIP(4)));
    when_box->Add(when_row, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    auto* when_buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add_condition = new wxButton(when, wxID_ANY, _("Add condition"));
    auto* remove_condition = new wxButton(when, wxID_ANY, _("Remove condition"));
    when_buttons->Add(add_condition, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    when_buttons->Add(remove_condition);
    when_box->Add(when_buttons, wxSizerFlags().Border(wxALL, FromDIP(4)));
    root->Add(when_box, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));

    auto* then_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Then (in this order)"));
    wxWindow* then = then_box->GetStaticBox();
    action_list_ =
        new wxListBox(then, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(820), FromDIP(70)));
    then_box->Add(action_list_, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    auto* then_row = new wxBoxSizer(wxHORIZONTAL);
    then_row->Add(new wxStaticText(then, wxID_ANY, _("Action:")), wxSizerFlags().Center());
    action_ = new wxChoice(then, wxID_ANY);
    for (RuleActionKind k : rule_actions())
        action_->Append(u8(rule_action_name(k)));
    action_->SetSelection(0);
    then_row->Add(action_, wxSizerFlags().Center().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    then_row->Add(new wxStaticText(then, wxID_ANY, _("Action value:")), wxSizerFlags().Center());
    action_value_ = new wxTextCtrl(then, wxID_ANY, {}, wxDefaultPosition, wxSize(FromDIP(180), -1));
    then_row->Add(action_value_, wxSizerFlags(1).Center().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    action_choose_ = new wxButton(then, wxID_ANY, _("Choose..."));
    then_row->Add(action_choose_, wxSizerFlags().Center());
    then_row->Add(new wxStaticText(then, wxID_ANY, _("Gift quantity:")),
                  wxSizerFlags().Center().Border(wxLEFT, FromDIP(8)));
    gift_qty_ = new wxSpinCtrl(then, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize,
                               wxSP_ARROW_KEYS, 1, 10000, 1);
    then_row->Add(gift_qty_, wxSizerFlags().Center().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    if_short_ = new wxChoice(then, wxID_ANY);
    if_short_->Append(_("when short: hold the order"));
    if_short_->Append(_("when short: ship without it"));
    if_short_->SetSelection(0);
    then_row->Add(if_short_, wxSizerFlags().Center());
    then_box->Add(then_row, wxSizerFlags().Expand().Border(wxALL, FromDIP(4)));
    auto* then_buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add_action = new wxButton(then, wxID_ANY, _("Add action"));
    auto* remove_action = new wxButton(then, wxID_ANY, _("Remove action"));
    then_buttons->Add(add_action, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    then_buttons->Add(remove_action);
    then_box->Add(then_buttons, wxSizerFlags().Border(wxALL, FromDIP(4)));
    root->Add(then_box, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));

    auto* preview_row = new wxBoxSizer(wxHORIZONTAL);
    auto* preview_button = new wxButton(this, wxID_ANY, _("Preview on waiting orders"));
    preview_row->Add(preview_button, wxSizerFlags().Top().Border(wxRIGHT, FromDIP(8)));
    preview_list_ =
        new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(600), FromDIP(90)));
    preview_row->Add(preview_list_, wxSizerFlags(1).Expand());
    root->Add(preview_row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    message_ = new wxStaticText(this, wxID_ANY, {});
    root->Add(message_, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    auto* actions = new wxStdDialogButtonSizer;
    actions->AddButton(new wxButton(this, wxID_OK, _("Save rule")));
    actions->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    actions->Realize();
    root->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));

    if (rule) {
        // The name is how the rule is known (CLI, files, holds): it stays.
        name_->ChangeValue(u8(rule->name));
        name_->Disable();
        enabled_->SetValue(rule->enabled);
        stop_->SetValue(rule->stop);
        conditions_ = rule->conditions;
        actions_ = rule->actions;
    }
    fill_ops();
    field_changed();
    action_changed();
    show_lists();
    SetSizerAndFit(root);

    field_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        fill_ops();
        field_changed();
    });
    action_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { action_changed(); });
    choose_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_values(false); });
    action_choose_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_values(true); });
    add_condition->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->add_condition(); });
    add_action->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->add_action(); });
    remove_condition->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int at = condition_list_->GetSelection();
        if (at == wxNOT_FOUND) return;
        conditions_.erase(conditions_.begin() + at);
        show_lists();
    });
    remove_action->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int at = action_list_->GetSelection();
        if (at == wxNOT_FOUND) return;
        actions_.erase(actions_.begin() + at);
        show_lists();
    });
    preview_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { preview(); });
    Bind(wxEVT_BUTTON, &RuleDialog::on_save, this, wxID_OK);
    if (!rule) name_->SetFocus();
}

RuleField RuleDialog::field() const {
    return rule_fields()[static_cast<std::size_t>(std::max(0, field_->GetSelection()))];
}

RuleActionKind RuleDialog::action_kind() const {
    return rule_actions()[static_cast<std::size_t>(std::max(0, action_->GetSelection()))];
}

void RuleDialog::fill_ops() {
    op_->Clear();
    ops_shown_.clear();
    for (RuleOp op : rule_ops())
        if (rule_op_fits(field(), op)) {
            ops_shown_.push_back(op);
            op_->Append(u8(rule_op_name(field(), op)));
        }
    op_->SetSelection(0);
}

void RuleDialog::field_changed() {
    RuleShape shape = rule_field_shape(field());
    value_->Enable(shape != RuleShape::flag);
    value_->SetHint(shape == RuleShape::number
                        ? (field() == RuleField::paid_amount ? _("yuan, e.g. 500") : _("a number"))
                    : shape == RuleShape::flag ? wxString()
                                               : _("several: separate them with commas"));
    choose_->Enable(!known_values(false).empty());
    hours_->Enable(field() == RuleField::buyer_orders);
}

void RuleDialog::action_changed() {
    RuleActionKind k = action_kind();
    action_value_->Enable(needs_value(k));
    action_value_->SetHint(k == RuleActionKind::priority ? _("0 to 9, higher goes first")
                           : k == RuleActionKind::hold || k == RuleActionKind::intercept
                               ? _("the reason packers see (may be empty)")
                               : wxString());
    action_choose_->Enable(!known_values(true).empty());
    gift_qty_->Enable(k == RuleActionKind::gift);
    if_short_->Enable(k == RuleActionKind::gift);
}

std::vector<std::pair<std::string, std::string>> RuleDialog::known_values(bool for_action) const {
    std::vector<std::pair<std::string, std::string>> out;
    auto skus = [&] {
        for (const Sku& s : ops::list_skus(*ctx_.db, ctx_.actor))
            out.emplace_back(s.code, s.code + "  " + s.name);
    };
    if (for_action) {
        switch (action_kind()) {
            case RuleActionKind::warehouse:
                for (const Warehouse& w : ops::list_warehouses(*ctx_.db))
                    out.emplace_back(w.code, w.name + " (" + w.code + ")");
                break;
            case RuleActionKind::carrier:
                for (const Carrier& c : known_carriers())
                    out.emplace_back(c.code, carrier_name(c) + " (" + c.code + ")");
                break;
            case RuleActionKind::gift:
                skus();
                break;
            default:
                break;
        }
        return out;
    }
    switch (field()) {
        case RuleField::platform:
            for (Platform p :
                 {Platform::taobao, Platform::jd, Platform::pinduoduo, Platform::douyin})
                out.emplace_back(platform_name(p), platform_name(p));
            break;
        case RuleField::store:
            for (const ShopStore& s : ops::list_stores(*ctx_.db))
                out.emplace_back(s.code, s.name + " (" + s.code + ")");
            break;
        case RuleField::status:
            for (OrderStatus s :
                 {OrderStatus::pending_payment, OrderStatus::to_ship, OrderStatus::shipped,
                  OrderStatus::completed, OrderStatus::cancelled, OrderStatus::refund_requested,
                  OrderStatus::refunded})
                out.emplace_back(order_status_name(s), order_status_name(s));
            break;
        case RuleField::province:
            for (const ChinaRegion& r : china_provinces())
                out.emplace_back(r.name, r.name);
            break;
        case RuleField::city:
            for (const ChinaRegion& r : china_cities())
                out.emplace_back(r.name, r.name);
            break;
        case RuleField::sku:
            skus();
            break;
        case RuleField::seller_flag:
            for (int flag = 1; flag <= 5; ++flag)
                out.emplace_back(std::to_string(flag), std::to_string(flag));
            break;
        default:
            break;
    }
    return out;
}

void RuleDialog::choose_values(bool for_action) {
    std::vector<std::pair<std::string, std::string>> known = known_values(for_action);
    wxArrayString names;
    for (const auto& [code, name] : known)
        names.Add(u8(name));
    if (for_action) {
        wxSingleChoiceDialog pick(this, _("Choose one:"), _("Choose"), names);
        if (pick.ShowModal() == wxID_OK)
            action_value_->SetValue(u8(known[static_cast<std::size_t>(pick.GetSelection())].first));
        return;
    }
    wxMultiChoiceDialog pick(this, _("Choose one or several:"), _("Choose"), names);
    std::vector<std::string> typed = parse_rule_values(field(), to_u8(value_->GetValue()));
    wxArrayInt chosen;
    for (std::size_t i = 0; i < known.size(); ++i)
        if (std::find(typed.begin(), typed.end(),
                      std::string(parse_rule_values(field(), known[i].first).front())) !=
            typed.end())
            chosen.Add(static_cast<int>(i));
    pick.SetSelections(chosen);
    if (pick.ShowModal() != wxID_OK) return;
    wxString text;
    for (int i : pick.GetSelections())
        text += (text.empty() ? "" : ", ") + u8(known[static_cast<std::size_t>(i)].first);
    value_->SetValue(text);
}

void RuleDialog::add_condition() {
    try {
        RuleCondition c;
        c.field = field();
        c.op = ops_shown_.at(static_cast<std::size_t>(std::max(0, op_->GetSelection())));
        std::string what = rule_field_name(c.field);
        switch (rule_field_shape(c.field)) {
            case RuleShape::number:
                c.number = c.field == RuleField::paid_amount
                               ? parse_yuan(to_u8(value_->GetValue()), what)
                               : whole_number(value_->GetValue(), what, 0, 1000000);
                c.hours = hours_->GetValue();
                break;
            case RuleShape::flag:
                break;
            case RuleShape::list:
            case RuleShape::keywords:
                c.values = parse_rule_values(c.field, to_u8(value_->GetValue()));
                if (c.values.empty())
                    throw InvalidInput(
                        trf("{0}: give at least one value (Choose... lists them)", what));
                break;
        }
        conditions_.push_back(c);
        value_->ChangeValue({});
        show_lists();
        say({}, false);
    } catch (const dj::Error& e) {
        say(e.what(), true);
    }
}

void RuleDialog::add_action() {
    try {
        RuleAction a;
        a.kind = action_kind();
        std::string value(trimmed(to_u8(action_value_->GetValue())));
        std::string what = rule_action_name(a.kind);
        if (a.kind == RuleActionKind::priority)
            a.priority = static_cast<int>(
                whole_number(action_value_->GetValue(), what, 0, kMaxOrderPriority));
        else if (needs_value(a.kind))
            a.value = value;
        if (a.kind == RuleActionKind::gift) {
            a.qty = gift_qty_->GetValue();
            a.if_short =
                if_short_->GetSelection() == 1 ? GiftShortfall::ship_without : GiftShortfall::hold;
        }
        bool required = a.kind == RuleActionKind::tag || a.kind == RuleActionKind::warehouse ||
                        a.kind == RuleActionKind::carrier || a.kind == RuleActionKind::gift;
        if (required && a.value.empty())
            throw InvalidInput(trf("{0}: give its value (Choose... lists them)", what));
        actions_.push_back(a);
        action_value_->ChangeValue({});
        show_lists();
        say({}, false);
    } catch (const dj::Error& e) {
        say(e.what(), true);
    }
}

void RuleDialog::show_lists() {
    condition_list_->Clear();
    for (const RuleCondition& c : conditions_)
        condition_list_->Append(u8(describe_condition(c)));
    if (conditions_.empty()) condition_list_->Append(_("(no condition: every order)"));
    action_list_->Clear();
    for (const RuleAction& a : actions_)
        action_list_->Append(u8(describe_action(a)));
}

OrderRule RuleDialog::rule_from_form() const {
    OrderRule r;
    r.name = std::string(trimmed(to_u8(name_->GetValue())));
    r.enabled = enabled_->GetValue();
    r.stop = stop_->GetValue();
    r.conditions = conditions_;
    r.actions = actions_;
    return r;
}

void RuleDialog::say(const std::string& text, bool problem) {
    say_in(this, message_, u8(text), problem);
}

void RuleDialog::preview() {
    preview_list_->Clear();
    try {
        OrderRule r = rule_from_form();
        if (r.name.empty()) r.name = tr("the new rule");
        wxBusyCursor busy;
        DryRunSummary s = ops::preview_rule(*ctx_.db, r);
        for (const DryRunRow& row : s.rows)
            preview_list_->Append(u8(row.order_id + "  " + row.store + "  " + row.why));
        say(trf("It would catch {0} of the {1} waiting orders.", std::to_string(s.rows.size()),
                std::to_string(s.orders)),
            false);
    } catch (const dj::Error& e) {
        say(e.what(), true);
    }
}

void RuleDialog::on_save(wxCommandEvent&) {
    try {
        OrderRule r = rule_from_form();
        validate_rule(r);
        applied_ = ops::import_rules(*ctx_.db, ctx_.actor, {r});
        EndModal(wxID_OK);
    } catch (const dj::Error& e) {
        say(e.what(), true);
    }
}

}  // namespace dj::app
