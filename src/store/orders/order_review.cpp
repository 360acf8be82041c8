#include "store/orders/order_review.h"

#include <algorithm>
#include <set>

#include "core/base/deferred_text.h"
#include "core/base/translate.h"
#include "core/stock/stock_book.h"
#include "store/base/database.h"
#include "store/base/held_rows.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/orders/intercept_service.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/rule_repository.h"

namespace dj {

std::vector<RuleLogEntry> order_rule_log(Database& db, Id order_id) {
    sql::Statement s(connection(db),
                     "SELECT at, rule, action, detail, applied FROM order_rule_log WHERE "
                     "order_id = ? ORDER BY id");
    s.bind(1, static_cast<int64_t>(order_id));
    std::vector<RuleLogEntry> out;
    while (s.step())
        out.push_back({s.column(0).int64(), s.column(1).text(), s.column(2).text(),
                       readable(s.column(3).text()), s.column(4).int32() != 0});
    return out;
}

std::vector<std::string> order_tags_in_use(Database& db) {
    sql::Statement s(connection(db), "SELECT DISTINCT tag FROM order_tag ORDER BY tag");
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.column(0).text());
    return out;
}

OrderReviewer::OrderReviewer(Database& db, StockBook& book) : db_(db), book_(book) {}

void OrderReviewer::load() {
    if (loaded_) return;
    rules_ = RuleRepository(db_).list();
    intercepts_ = active_intercepts(db_);
    loader_.emplace(db_, rules_, intercepts_);
    for (const OrderRule& r : rules_)
        for (const RuleCondition& c : r.conditions)
            if (c.field == RuleField::stock_short) needs_stock_ = true;
    loaded_ = true;
}

namespace {

std::optional<std::pair<Id, std::string>> find_sku(Database& db, const std::string& code) {
    sql::Statement& s = db.statement("SELECT id, name FROM sku WHERE code = ?");
    s.bind(1, code);
    std::optional<std::pair<Id, std::string>> found;
    if (s.step()) found.emplace(s.column(0).int64(), s.column(1).text());
    s.reset();
    return found;
}

}  // namespace

std::optional<Id> OrderReviewer::sku_id(const std::string& code, std::string* name) {
    auto it = skus_.find(code);
    if (it == skus_.end()) it = skus_.emplace(code, find_sku(db_, code)).first;
    if (!it->second) return std::nullopt;
    if (name) *name = it->second->second;
    return it->second->first;
}

std::optional<Id> OrderReviewer::warehouse_id(const std::string& code) {
    auto it = warehouses_.find(code);
    if (it == warehouses_.end()) {
        sql::Statement& s = db_.statement("SELECT id FROM warehouse WHERE code = ?");
        s.bind(1, code);
        std::optional<Id> id;
        if (s.step()) id = s.column(0).int64();
        s.reset();
        it = warehouses_.emplace(code, id).first;
    }
    return it->second;
}

bool OrderReviewer::short_of_stock(const ReviewSubject& s) {
    if (s.allocation == Allocation::allocated) return false;
    if (s.allocation == Allocation::short_stock) return true;
    if (!s.warehouse_id) return true;
    sql::Statement& q = db_.statement(
        "SELECT i.sku_id, sum(i.qty) FROM order_line l JOIN order_line_item i ON "
        "i.order_line_id = l.id WHERE l.order_id = ? AND l.gift_rule IS NULL GROUP BY i.sku_id");
    q.bind(1, static_cast<int64_t>(s.order_id));
    bool short_stock = false;
    while (q.step())
        if (book_.available(q.column(0).int64(), *s.warehouse_id) < q.column(1).int64())
            short_stock = true;
    return short_stock;
}

void OrderReviewer::apply_holds(const ReviewSubject& s,
                                const std::map<std::string, HoldWanted>& wanted, Timestamp now) {
    OrderHoldRepository holds(db_);
    std::set<std::string> current;
    if (s.has_rule_holds)
        for (const OrderHold& h : holds.list(s.order_id))
            if (h.source == HoldSource::rule) current.insert(h.source_key);
    for (const std::string& rule : current)
        if (!wanted.count(rule)) holds.drop(s.order_id, HoldSource::rule, rule);
    bool picking = s.allocation == Allocation::allocated || s.in_open_wave;
    for (const auto& [rule, w] : wanted) {
        if (s.may_have_waivers && holds.waived(s.order_id, HoldSource::rule, rule)) continue;
        holds.hold(
            {s.order_id, w.reason, w.intercept && picking, now, HoldSource::rule, rule, "rules"});
    }
    for (const OrderIntercept& i : intercepts_) {
        if (!intercept_covers(i, s.intercept)) continue;
        std::string key = std::to_string(i.id);
        if (s.may_have_waivers && holds.waived(s.order_id, HoldSource::intercept, key)) continue;
        holds.hold({s.order_id, intercept_hold_reason(i), picking, now, HoldSource::intercept, key,
                    i.created_by});
    }
}

void OrderReviewer::apply_tags(Id order_id,
                               const std::vector<std::pair<std::string, std::string>>& tags) {
    sql::Statement& clear =
        db_.statement("DELETE FROM order_tag WHERE order_id = ? AND rule <> ''");
    clear.bind(1, static_cast<int64_t>(order_id));
    clear.exec_deferred();
    sql::Statement& add = db_.statement(
        "INSERT INTO order_tag(order_id, tag, rule) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    for (const auto& [tag, rule] : tags) {
        add.reset();
        add.bind(1, static_cast<int64_t>(order_id));
        add.bind(2, tag);
        add.bind(3, rule);
        add.exec_deferred();
    }
}

std::vector<OrderReviewer::GiftLine> OrderReviewer::current_gifts(Id order_id) {
    sql::Statement& q = db_.statement(
        "SELECT l.gift_rule, i.sku_id, l.quantity FROM order_line l JOIN order_line_item i ON "
        "i.order_line_id = l.id WHERE l.order_id = ? AND l.gift_rule IS NOT NULL ORDER BY "
        "l.line_no");
    q.bind(1, static_cast<int64_t>(order_id));
    std::vector<GiftLine> current;
    while (q.step())
        current.push_back({q.column(0).text(), q.column(1).int64(), "", "", q.column(2).int64()});
    q.reset();
    return current;
}

bool OrderReviewer::apply_gifts(Id order_id, const std::vector<GiftLine>& gifts,
                                const std::function<void()>& release_stock) {
    if (current_gifts(order_id) == gifts) return false;
    release_stock();
    sql::Statement& del =
        db_.statement("DELETE FROM order_line WHERE order_id = ? AND gift_rule IS NOT NULL");
    del.bind(1, static_cast<int64_t>(order_id));
    del.exec();
    sql::Statement& line = db_.statement(
        "INSERT INTO order_line(order_id, line_no, seller_code, title, quantity, unit_price_fen, "
        "gift_rule) VALUES (?1, (SELECT ifnull(max(line_no), 0) + 1 FROM order_line WHERE "
        "order_id = ?1), ?2, ?3, ?4, 0, ?5)");
    sql::Statement& item =
        db_.statement("INSERT INTO order_line_item(order_line_id, sku_id, qty) VALUES (?, ?, ?)");
    for (const GiftLine& g : gifts) {
        line.reset();
        line.bind(1, static_cast<int64_t>(order_id));
        line.bind(2, g.code);
        line.bind(3, g.name);
        line.bind(4, static_cast<int64_t>(g.qty));
        line.bind(5, g.rule);
        line.exec();
        item.reset();
        item.bind(1, static_cast<int64_t>(connection(db_).last_insert_id()));
        item.bind(2, static_cast<int64_t>(g.sku_id));
        item.bind(3, static_cast<int64_t>(g.qty));
        item.exec();
    }
    return true;
}

void OrderReviewer::log(Id order_id, Timestamp now, const RuleDecision& d) {
    sql::Statement& s = db_.statement(
        "INSERT INTO order_rule_log(order_id, at, rule, action, detail, applied) VALUES "
        "(?, ?, ?, ?, ?, ?)");
    std::string action(rule_action_code(d.action.kind));
    if (!d.action.value.empty()) action += " " + d.action.value;
    if (d.action.kind == RuleActionKind::priority)
        action += " " + std::to_string(d.action.priority);
    if (d.action.kind == RuleActionKind::gift) action += " x" + std::to_string(d.action.qty);
    s.bind(1, static_cast<int64_t>(order_id));
    s.bind(2, static_cast<int64_t>(now));
    s.bind(3, d.rule);
    s.bind(4, action);
    s.bind(5, d.note.empty() ? d.why : d.why + " (" + d.note + ")");
    s.bind(6, d.applied ? 1 : 0);
    s.exec_deferred();
}

std::vector<Id> orders_rules_apply_to(Database& db) {
    sql::Statement s(connection(db),
                     "SELECT o.id FROM shop_order o WHERE o.status = 'to_ship' AND "
                     "o.allocation <> 'shipped' AND NOT EXISTS (SELECT 1 FROM wave_order x "
                     "WHERE x.order_id = o.id AND x.open = 1) AND NOT EXISTS (SELECT 1 FROM "
                     "order_packed p WHERE p.order_id = o.id) ORDER BY o.id");
    std::vector<Id> ids;
    while (s.step())
        ids.push_back(s.column(0).int64());
    return ids;
}

std::string order_rule_state(Database& db, Id order_id) {
    sql::Statement& s = db.statement(
        "SELECT o.priority || '|' || o.carrier || '|' || ifnull(CAST(o.rule_warehouse_id AS TEXT), "
        "'') || '|' "
        "|| o.allocation || '|' || ifnull(CAST(o.warehouse_id AS TEXT), '') || '|' || "
        "ifnull((SELECT group_concat(tag, ',') FROM (SELECT tag FROM order_tag WHERE order_id = "
        "o.id AND rule <> '' ORDER BY tag) t), '') || '|' || "
        "ifnull((SELECT group_concat(k, ',') FROM (SELECT source || ':' || source_key AS k FROM "
        "order_hold WHERE order_id = o.id AND source IN ('rule', 'intercept') ORDER BY k) h), '') "
        "|| '|' || ifnull((SELECT group_concat(g, ',') FROM (SELECT gift_rule || ':' || "
        "seller_code || 'x' || quantity AS g FROM order_line WHERE order_id = o.id AND gift_rule "
        "IS NOT NULL ORDER BY g) x), '') FROM shop_order o WHERE o.id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    std::string state = s.step() ? s.column(0).text() : std::string();
    s.reset();
    return state;
}

void OrderReviewer::expect(const std::vector<Order>& orders) {
    load();
    loader_->expect(orders);
}

ReviewOutcome OrderReviewer::review(Id order_id, Timestamp now,
                                    const std::function<void()>& release_stock) {
    load();
    std::optional<ReviewSubject> subject = loader_->one(order_id, now);
    if (!subject) return {};
    return decide(*subject, now, release_stock);
}

ReviewOutcome OrderReviewer::review_new(const Order& order,
                                        const std::vector<std::vector<SkuComponent>>& line_skus,
                                        Timestamp now, const std::function<void()>& release_stock) {
    load();
    ReviewSubject subject = loader_->new_order(order, line_skus, now);
    return decide(subject, now, release_stock);
}

ReviewOutcome OrderReviewer::decide(ReviewSubject& s, Timestamp now,
                                    const std::function<void()>& release_stock) {
    if (!reviewable(s.facts.status, s.allocation)) return {};
    const Id order_id = s.order_id;
    if (needs_stock_) s.facts.stock_short = short_of_stock(s);
    ReviewOutcome out = evaluate_rules(rules_, s.facts);

    std::map<std::string, HoldWanted> holds;
    std::vector<std::pair<std::string, std::string>> tags;
    std::vector<GiftLine> gifts;
    const std::vector<GiftLine> given =
        s.has_gifts ? current_gifts(order_id) : std::vector<GiftLine>();
    std::optional<Id> chosen_warehouse;
    for (RuleDecision& d : out.decisions) {
        if (!d.applied) continue;
        const RuleAction& a = d.action;
        switch (a.kind) {
            case RuleActionKind::hold:
            case RuleActionKind::intercept: {
                HoldWanted& w = holds[d.rule];
                w.reason = a.value.empty() ? deferred("Rule {0}: {1}", {d.rule, d.why}) : a.value;
                w.intercept = w.intercept || a.kind == RuleActionKind::intercept;
                break;
            }
            case RuleActionKind::tag:
                tags.emplace_back(a.value, d.rule);
                break;
            case RuleActionKind::warehouse:
                chosen_warehouse = warehouse_id(a.value);
                if (!chosen_warehouse) {
                    d.applied = false;
                    d.note = trf("warehouse {0} does not exist", a.value);
                }
                break;
            case RuleActionKind::gift: {
                std::string name;
                std::optional<Id> sku = sku_id(a.value, &name);
                if (!sku) {
                    d.applied = false;
                    d.note = trf("SKU {0} does not exist", a.value);
                    break;
                }
                GiftLine gift{d.rule, *sku, a.value, name, a.qty};
                // A gift already on an allocated order holds its stock already.
                bool held = s.allocation == Allocation::allocated &&
                            std::find(given.begin(), given.end(), gift) != given.end();
                Qty have = s.warehouse_id ? book_.available(*sku, *s.warehouse_id) : 0;
                if (!held && have < a.qty) {
                    d.applied = false;
                    tags.emplace_back(tr("gift short"), d.rule);
                    if (a.if_short == GiftShortfall::hold) {
                        holds[d.rule] = {
                            deferred("Rule {0}: gift {1} is out of stock", {d.rule, a.value}),
                            false};
                        d.note = tr("out of stock: held");
                    } else {
                        d.note = tr("out of stock: ships without it");
                    }
                    break;
                }
                gifts.push_back(std::move(gift));
                break;
            }
            default:
                break;
        }
    }
    // Rules only ever raise urgency; a person may lower it again afterwards.
    if (out.priority && *out.priority > s.priority) {
        // A new order not sent yet is sent with it (store/base/held_rows.h).
        if (HeldRows::Value* held = db_.held_rows().cell("shop_order", order_id, "priority")) {
            *held = HeldRows::Value::of(*out.priority);
        } else {
            sql::Statement& p = db_.statement("UPDATE shop_order SET priority = ? WHERE id = ?");
            p.bind(1, *out.priority);
            p.bind(2, static_cast<int64_t>(order_id));
            p.exec_deferred();
        }
    }
    // Most reviews choose nothing, as the last one did: the row is written only on a change.
    // A part of a split order stays in the warehouse its split chose.
    if (out.carrier.value_or("") != s.chosen_carrier || chosen_warehouse != s.chosen_warehouse) {
        sql::Statement& choose = db_.statement(
            "UPDATE shop_order SET carrier = ?1, rule_warehouse_id = CASE WHEN split_from IS NOT "
            "NULL OR EXISTS (SELECT 1 FROM shop_order p WHERE p.split_from = ?3) THEN "
            "rule_warehouse_id ELSE ?2 END WHERE id = ?3");
        choose.bind(1, out.carrier.value_or(""));
        if (chosen_warehouse)
            choose.bind(2, static_cast<int64_t>(*chosen_warehouse));
        else
            choose.bind(2);
        choose.bind(3, static_cast<int64_t>(order_id));
        choose.exec_deferred();
    }
    out.warehouse_id = chosen_warehouse;
    bool released = false;
    if (chosen_warehouse && s.allocation == Allocation::allocated &&
        s.warehouse_id != chosen_warehouse) {
        release_stock();
        released = true;
    }
    if (s.has_gifts || !gifts.empty())
        apply_gifts(order_id, gifts, released ? std::function<void()>([] {}) : release_stock);
    if (s.has_rule_tags || !tags.empty()) apply_tags(order_id, tags);
    apply_holds(s, holds, now);
    for (const RuleDecision& d : out.decisions)
        log(order_id, now, d);
    return out;
}

}  // namespace dj
