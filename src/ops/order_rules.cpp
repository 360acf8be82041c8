#include "ops/order_rules.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "core/orders/china_regions.h"
#include "interchange/rule_json.h"
#include "ops/access.h"
#include "ops/order_review.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_review.h"
#include "store/orders/rule_repository.h"
#include "store/stock/catalogue_repository.h"
#include "store/stock/stock_posting.h"

namespace dj::ops {

namespace {

RulesApplied review_waiting_orders(StockPosting& posting) {
    Database& db = posting.db();
    OrderReview review(posting);
    RulesApplied applied;
    for (Id order_id : orders_rules_apply_to(db)) {
        std::string before = order_rule_state(db, order_id);
        review.review(order_id);
        ++applied.reviewed;
        if (order_rule_state(db, order_id) != before) ++applied.changed;
    }
    return applied;
}

std::string applied_text(const RulesApplied& a) {
    return std::to_string(a.reviewed) + " reviewed, " + std::to_string(a.changed) + " changed";
}

}  // namespace

std::string rules_applied_text(const RulesApplied& applied) {
    return trf("{0} waiting order(s) were reviewed again by the rules, {1} changed",
               std::to_string(applied.reviewed), std::to_string(applied.changed));
}

RulesApplied import_rules(Database& db, const Actor& actor, const std::vector<OrderRule>& rules) {
    require(actor, Permission::EditRules);
    // A place the rules name must exist, or the rule silently never matches.
    for (const OrderRule& r : rules)
        for (const RuleCondition& c : r.conditions)
            for (const std::string& v : c.values)
                try {
                    if (c.field == RuleField::province) resolve_region(v, "");
                    if (c.field == RuleField::city) resolve_city(v);
                } catch (const InvalidInput& e) {
                    throw InvalidInput(trf("Rule {0}: {1}", r.name, e.what()));
                }
    StockPosting posting(db);
    RuleRepository(db).import(rules);
    for (const OrderRule& r : rules)
        audit(db, actor, "rule.import", r.name, rule_to_json(r));
    RulesApplied applied = review_waiting_orders(posting);
    audit(db, actor, "orders.review", "", applied_text(applied));
    posting.commit();
    return applied;
}

RulesApplied set_rule_enabled(Database& db, const Actor& actor, const std::string& name,
                              bool enabled) {
    require(actor, Permission::EditRules);
    StockPosting posting(db);
    RuleRepository(db).set_enabled(name, enabled);
    audit(db, actor, enabled ? "rule.enable" : "rule.disable", name);
    RulesApplied applied = review_waiting_orders(posting);
    audit(db, actor, "orders.review", "", applied_text(applied));
    posting.commit();
    return applied;
}

RulesApplied delete_rule(Database& db, const Actor& actor, const std::string& name) {
    require(actor, Permission::EditRules);
    StockPosting posting(db);
    RuleRepository rules(db);
    std::string definition;
    for (const OrderRule& r : rules.list())
        if (r.name == name) definition = rule_to_json(r);
    rules.remove(name);
    audit(db, actor, "rule.delete", name, definition);
    RulesApplied applied = review_waiting_orders(posting);
    audit(db, actor, "orders.review", "", applied_text(applied));
    posting.commit();
    return applied;
}

InterceptCreated create_intercept(Database& db, const Actor& actor, OrderIntercept intercept) {
    require(actor, Permission::EditRules);
    if (intercept.target.empty())
        throw InvalidInput(tr("Say what to intercept: a province, SKU, store or carrier"));
    if (intercept.reason.empty())
        throw InvalidInput(tr("Say why the orders are intercepted (--reason): packers see it"));
    if (intercept.scope == InterceptScope::region) {
        OfficialRegion region = resolve_region(intercept.target, intercept.city);
        intercept.target = region.province;
        intercept.city = region.city;
    }
    const Timestamp now = db.clock().now();
    WriteTransaction tx(db);
    CatalogueRepository catalogue(db);
    if (intercept.scope == InterceptScope::sku && !catalogue.find_sku(intercept.target))
        throw NotFound(trf("SKU {0} does not exist: see sku list", intercept.target));
    if (intercept.scope == InterceptScope::store) catalogue.require_store(intercept.target);
    intercept.created_at = now;
    intercept.created_by = actor.user;
    InterceptRepository intercepts(db);
    intercept.id = intercepts.insert(intercept);
    // Every order it covers stops now, also one a packer may hold already (an intercept hold).
    OrderHoldRepository holds(db);
    const std::string reason = intercept_hold_reason(intercept);
    const std::string key = std::to_string(intercept.id);
    std::vector<InterceptRepository::Covered> caught = intercepts.covered_orders(intercept);
    for (const InterceptRepository::Covered& c : caught)
        holds.hold({c.order_id, reason, c.picking, now, HoldSource::intercept, key, actor.user});
    audit(db, actor, "intercept.create", describe_intercept(intercept),
          intercept.reason + " (" + std::to_string(caught.size()) + ")");
    tx.commit();
    return {intercept.id, static_cast<int>(caught.size())};
}

int lift_intercept(Database& db, const Actor& actor, Id intercept_id) {
    require(actor, Permission::LiftIntercepts);
    require_second_check(db, actor, trf("Lifting intercept {0}", std::to_string(intercept_id)));
    const Timestamp now = db.clock().now();
    StockPosting posting(db);
    InterceptRepository intercepts(db);
    std::optional<OrderIntercept> intercept = intercepts.find(intercept_id);
    if (!intercept)
        throw NotFound(trf("No intercept #{0}: see intercept list", std::to_string(intercept_id)));
    if (intercept->lifted_at)
        throw InvalidInput(trf("Intercept #{0} was already lifted", std::to_string(intercept_id)));
    std::vector<Id> released = intercepts.lift(intercept_id, now, actor.user);
    audit(db, actor, "intercept.lift", describe_intercept(*intercept),
          std::to_string(released.size()) + " released");
    // Rules that looked at the paused region see it open again.
    OrderReview review(posting);
    for (Id order_id : released)
        review.review(order_id);
    posting.commit();
    return static_cast<int>(released.size());
}

}  // namespace dj::ops
