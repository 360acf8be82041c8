#include <iostream>

#include "cli/cli_context.h"
#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/rule_text.h"
#include "interchange/import_text.h"
#include "interchange/rule_json.h"
#include "ops/order_decisions.h"
#include "ops/order_queries.h"
#include "ops/order_rules.h"

namespace dj::cli {
namespace {

std::string summary_of(const OrderRule& r) {
    std::string out;
    for (const RuleCondition& c : r.conditions) {
        if (!out.empty()) out += " & ";
        out += std::string(rule_field_code(c.field)) + " " + std::string(rule_op_code(c.op));
        for (const std::string& v : c.values)
            out += " " + v;
        if (c.values.empty() && c.op != RuleOp::is_true && c.op != RuleOp::is_false)
            out += " " + std::to_string(c.number);
    }
    out += " =>";
    for (const RuleAction& a : r.actions) {
        out += " " + std::string(rule_action_code(a.kind));
        if (!a.value.empty()) out += ":" + a.value;
        if (a.kind == RuleActionKind::priority) out += ":" + std::to_string(a.priority);
    }
    return out;
}

std::string json_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& s : items)
        out += (out.size() > 1 ? ", " : "") + json_quote(s);
    return out + "]";
}

void add_intercept(CLI::App& intercept, Context& ctx, InterceptScope scope, const char* name,
                   const char* help, const char* target_help) {
    auto* cmd = intercept.add_subcommand(name, help);
    auto i = std::make_shared<OrderIntercept>();
    i->scope = scope;
    cmd->add_option("TARGET", i->target, target_help)->required();
    if (scope == InterceptScope::region)
        cmd->add_option("--city", i->city, tr("Only this city of the province"));
    cmd->add_option("--reason", i->reason, tr("Why (packers see it)"))->required();
    cmd->callback([&ctx, i] {
        auto created = ops::create_intercept(ctx.db(), ctx.actor(), *i);
        std::cout << trf("Intercept #{0} ({1}): {2} order(s) held now; new ones are held until "
                         "intercept lift {0}",
                         std::to_string(created.id), describe_intercept(*i),
                         std::to_string(created.caught))
                  << "\n";
    });
}

}  // namespace

void add_rule_commands(CLI::App& app, Context& ctx) {
    auto* rules = app.add_subcommand("rules", tr("Order rules: automatic review of every order"))
                      ->require_subcommand(1);
    rules->add_subcommand("list", tr("The rules in the order they run"))->callback([&ctx] {
        Listing out({{"position", tr("No.")},
                     {"name", tr("Rule")},
                     {"enabled", tr("On")},
                     {"summary", tr("When => then")}});
        int n = 0;
        for (const OrderRule& r : ops::list_rules(ctx.db()))
            out.add({Cell::num(++n), Cell::str(r.name),
                     Cell::code(r.enabled ? "yes" : "no", r.enabled ? tr("yes") : tr("no")),
                     Cell::code(summary_of(r), describe_rule(r))});
        ctx.print(out);
    });
    auto* import = rules->add_subcommand(
        "import", tr("Add rules from a JSON file (a rule of the same name is replaced)"));
    auto file = std::make_shared<std::string>();
    import->add_option("FILE", *file, tr("JSON file with a list of rules"))->required();
    import->callback([&ctx, file] {
        std::vector<OrderRule> parsed = parse_rules_json(decode_import_text(read_file(*file), *file).text, *file);
    ops::RulesApplied applied = ops::import_rules(ctx.db(), ctx.actor(), parsed);
    std::cout << trf("Imported {0} rule(s) from {1}", std::to_string(parsed.size()), *file) << "\n"
              << ops::rules_applied_text(applied) << "\n";
});
rules->add_subcommand("export", tr("Write every rule as JSON (for rules import)"))
    ->callback([&ctx] { std::cout << rules_to_json(ops::list_rules(ctx.db())) << "\n"; });
for (bool enable : {true, false}) {
    auto* cmd = rules->add_subcommand(enable ? "enable" : "disable",
                                      enable ? tr("Turn a rule on") : tr("Turn a rule off"));
    auto name = std::make_shared<std::string>();
    cmd->add_option("NAME", *name, tr("Rule name (see rules list)"))->required();
    cmd->callback([&ctx, name, enable] {
        ops::RulesApplied applied = ops::set_rule_enabled(ctx.db(), ctx.actor(), *name, enable);
        std::cout << (enable ? trf("Rule {0} is on", *name) : trf("Rule {0} is off", *name)) << "\n"
                  << ops::rules_applied_text(applied) << "\n";
    });
}
auto* del = rules->add_subcommand(
    "delete", tr("Delete a rule (its definition stays in the audit log) and review the orders"));
auto del_name = std::make_shared<std::string>();
del->add_option("NAME", *del_name, tr("Rule name (see rules list)"))->required();
del->callback([&ctx, del_name] {
    ops::RulesApplied applied = ops::delete_rule(ctx.db(), ctx.actor(), *del_name);
    std::cout << trf("Rule {0} is deleted", *del_name) << "\n"
              << ops::rules_applied_text(applied) << "\n";
});
auto* dry = rules->add_subcommand(
    "dry-run", tr("Show what the rules would do to past orders, changing nothing"));
auto days = std::make_shared<int>(30);
auto candidate = std::make_shared<std::string>();
dry->add_option("--days", *days, tr("Orders created in the last N days (default 30)"))
    ->check(CLI::Range(1, 3650));
dry->add_option("--rule", *candidate,
                tr("Try the rules in this JSON file instead of the stored ones"));
dry->callback([&ctx, days, candidate] {
    Database& db = ctx.db();
    std::vector<OrderRule> set =
        candidate->empty()
            ? ops::list_rules(db)
            : parse_rules_json(decode_import_text(read_file(*candidate), *candidate).text,
                               *candidate);
    DryRunSummary summary = ops::dry_run_rules(db, set, *days);
    Listing out({{"order_id", tr("Platform order")},
                 {"store", tr("Store")},
                 {"rule", tr("Rule")},
                 {"actions", tr("Would do")},
                 {"why", tr("Because")}});
    for (const DryRunRow& r : summary.rows) {
        std::string text;
        for (const std::string& a : r.action_texts)
            text += (text.empty() ? "" : tr("; ")) + a;
        out.add({Cell::str(r.order_id), Cell::str(r.store), Cell::str(r.rule),
                 Cell::raw_json(json_list(r.actions), text), Cell::str(r.why)});
    }
    ctx.print(out);
    if (!ctx.json)
        std::cout << trf("{0} order(s) looked at, {1} rule match(es); nothing was changed",
                         std::to_string(summary.orders), std::to_string(summary.rows.size()))
                  << "\n";
});

auto* intercept =
    app.add_subcommand("intercept", tr("Stop orders at once: by region, SKU, store or carrier"))
        -> require_subcommand(1);
add_intercept(*intercept, ctx, InterceptScope::region, "region",
              tr("Hold every unshipped order to a province (or one of its cities)").c_str(),
              tr("Province, e.g. Jiangsu as written on orders").c_str());
add_intercept(*intercept, ctx, InterceptScope::sku, "sku",
              tr("Hold every unshipped order containing a SKU").c_str(), tr("SKU code").c_str());
add_intercept(*intercept, ctx, InterceptScope::store, "store",
              tr("Hold every unshipped order of a store").c_str(), tr("Store code").c_str());
add_intercept(*intercept, ctx, InterceptScope::carrier, "carrier",
              tr("Hold every unshipped order of a carrier").c_str(), tr("Carrier code").c_str());
auto* ilist = intercept->add_subcommand("list", tr("Intercepts in force (and lifted, with --all)"));
auto all = std::make_shared<bool>(false);
ilist->add_flag("--all", *all, tr("Also the lifted ones"));
ilist->callback([&ctx, all] {
    Listing out({{"id", tr("No.")},
                 {"scope", tr("Scope")},
                 {"target", tr("Target")},
                 {"city", tr("City")},
                 {"reason", tr("Reason")},
                 {"held", tr("Held now")},
                 {"created_at", tr("Since")},
                 {"created_by", tr("By")},
                 {"lifted_at", tr("Lifted")}});
    for (const OrderIntercept& i : ops::list_intercepts(ctx.db(), *all))
        out.add({Cell::num(i.id),
                 Cell::code(intercept_scope_code(i.scope), intercept_scope_name(i.scope)),
                 Cell::str(i.target), Cell::str(i.city), Cell::str(i.reason), Cell::num(i.held),
                 Cell::time(i.created_at), Cell::str(i.created_by), Cell::time(i.lifted_at)});
    ctx.print(out);
});
auto* lift = intercept->add_subcommand("lift", tr("End an intercept and release what it held"));
auto lift_id = std::make_shared<Id>(0);
lift->add_option("ID", *lift_id, tr("Intercept number (see intercept list)"))->required();
lift->callback([&ctx, lift_id] {
    int n = ops::lift_intercept(ctx.db(), ctx.actor(), *lift_id);
    std::cout << trf("Intercept #{0} lifted: {1} order(s) released", std::to_string(*lift_id),
                     std::to_string(n))
              << "\n";
});

auto* order = app.get_subcommand("order");
auto* hold = order->add_subcommand("hold", tr("Keep an order from waves and packing"));
auto hold_args = std::make_shared<std::pair<std::string, std::string>>();
hold->add_option("ORDER_ID", hold_args->first, tr("Platform order id or #local number"))
    ->required();
hold->add_option("--reason", hold_args->second, tr("Why (packers see it)"))->required();
hold->callback([&ctx, hold_args] {
    Database& db = ctx.db();
    ops::hold_order(db, ctx.actor(), order_by_id(db, hold_args->first), hold_args->second);
    std::cout << trf("Order {0} is on hold: {1}", hold_args->first, hold_args->second) << "\n";
});
auto* release = order->add_subcommand(
    "release", tr("Let a held order go to waves and packing again (every hold on it)"));
auto release_id = std::make_shared<std::string>();
release->add_option("ORDER_ID", *release_id, tr("Platform order id or #local number"))->required();
release->callback([&ctx, release_id] {
    Database& db = ctx.db();
    ops::release_order(db, ctx.actor(), order_by_id(db, *release_id));
    std::cout << trf("Order {0} is released", *release_id) << "\n";
});
}  // namespace dj::cli

}  // namespace dj::cli
