#pragma once

#include <vector>

#include "app/view.h"
#include "core/orders/order_intercept.h"
#include "core/orders/order_rule.h"
#include "ops/order_queries.h"
#include "ops/order_rules.h"

class wxListCtrl;
class wxStaticText;

namespace dj::app {

// 规则: the shop's order rules in the order they run (turn on and off, edit, import, export,
// try on the last 30 days without changing anything) and the intercepts in force (stop a
// region, SKU, store or carrier at once; lift one to release exactly what it held).
class RulesPanel : public View {
  public:
    RulesPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool loading() const override { return loading_; }

  private:
    struct Loaded {
        std::vector<OrderRule> rules;
        std::vector<OrderIntercept> intercepts;
    };
    void show(const Loaded& loaded);
    const OrderRule* selected_rule() const;
    // Says what a change of rules did to the waiting orders.
    void report(const ops::RulesApplied& applied);
    void toggle();
    // The rule form for `rule`, or for a new rule when none.
    void edit(const OrderRule* rule);
    void remove();
    void import_file();
    void export_file();
    void dry_run();
    void new_intercept();
    void lift();

    wxListCtrl* rules_ = nullptr;
    wxListCtrl* intercepts_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* applied_ = nullptr;
    Loaded loaded_;
    bool loading_ = false;
};

}  // namespace dj::app
