#include "store/orders/order_split.h"

#include <algorithm>
#include <set>

#include "core/base/clock.h"
#include "core/base/deferred_text.h"
#include "core/base/error.h"
#include "core/base/joined.h"
#include "core/base/translate.h"
#include "core/stock/stock_book.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/orders/order_hold_repository.h"
#include "store/orders/order_repository.h"
#include "store/stock/stock_posting.h"

namespace dj {
namespace {

// The rule name split decisions carry in an order's history (order_rule_log).
constexpr const char* kLogName = "split";

std::string order_number(Database& db, Id order_id) {
    sql::Statement s(connection(db), "SELECT platform_order_id FROM shop_order WHERE id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    if (!s.step()) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    return s.column(0).text();
}

bool exists(Database& db, const std::string& sql, Id id) {
    sql::Statement s(connection(db), sql);
    s.bind(1, static_cast<int64_t>(id));
    return s.step();
}

}  // namespace

void save_split_policy(Database& db, const std::string& store, SplitPolicy p) {
    sql::Statement s(connection(db),
                     "UPDATE shop_store SET split_policy = ? WHERE code = ?2 OR name = ?2");
    s.bind(1, std::string(split_policy_code(p)));
    s.bind(2, store);
    if (s.exec() == 0) throw NotFound(trf("No store {0}: see store list", store));
}

SplitPolicy store_split_policy(Database& db, Id store_id) {
    sql::Statement s(connection(db), "SELECT split_policy FROM shop_store WHERE id = ?");
    s.bind(1, static_cast<int64_t>(store_id));
    if (!s.step()) throw NotFound(trf("Store #{0} does not exist", std::to_string(store_id)));
    return parse_split_policy(s.column(0).text());
}

std::vector<std::string> split_part_numbers(Database& db, Id order_id) {
    sql::Statement s(connection(db),
                     "WITH original AS (SELECT ifnull(split_from, id) AS id FROM shop_order "
                     "WHERE id = ?1) SELECT o.platform_order_id, 0, o.id FROM shop_order o, "
                     "original WHERE o.id = original.id UNION ALL SELECT o.platform_order_id, "
                     "1, o.id FROM shop_order o, original WHERE o.split_from = original.id "
                     "ORDER BY 2, 3");
    s.bind(1, static_cast<int64_t>(order_id));
    std::vector<std::string> out;
    while (s.step())
        out.push_back(s.column(0).text());
    return out;
}

std::string shipment_subject(Database& db, Id order_id) {
    sql::Statement& s = db.statement(
        "SELECT ifnull(p.platform_order_id, o.platform_order_id) FROM shop_order o "
        "LEFT JOIN shop_order p ON p.id = o.split_from WHERE o.id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    std::string subject = s.step() ? s.column(0).text() : "";
    s.reset();
    return subject;
}

OrderSplitter::OrderSplitter(PartAllocation& allocator, StockPosting& posting, Actor actor)
    : allocator_(allocator),
      posting_(posting),
      db_(posting.db()),
      actor_(std::move(actor)),
      now_(db_.clock().now()) {}

Id OrderSplitter::original_of(Id order_id) {
    // Asked for every order short of stock: the statements here are kept prepared.
    sql::Statement& s = db_.statement("SELECT ifnull(split_from, id) FROM shop_order WHERE id = ?");
    s.bind(1, static_cast<int64_t>(order_id));
    if (!s.step()) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    Id original = s.column(0).int64();
    s.reset();
    return original;
}

std::vector<OrderSplitter::Part> OrderSplitter::parts_of(Id original_id) {
    // Two indexed look-ups: with OR the planner scanned every order.
    sql::Statement& s = db_.statement(
        "SELECT id, platform_order_id, allocation, 0 FROM shop_order WHERE id = ?1 UNION ALL "
        "SELECT id, platform_order_id, allocation, 1 FROM shop_order WHERE split_from = ?1 "
        "ORDER BY 4, 1");
    s.bind(1, static_cast<int64_t>(original_id));
    std::vector<Part> parts;
    while (s.step())
        parts.push_back(
            {s.column(0).int64(), s.column(1).text(), parse_allocation(s.column(2).text())});
    s.reset();
    return parts;
}

std::vector<SplitLine> OrderSplitter::plan_lines(Id order_id) {
    // Gift lines stay with the original: the rules that gave them look after them there.
    sql::Statement& s = db_.statement(
        "SELECT l.id, l.presale, i.sku_id, i.qty FROM order_line l JOIN "
        "order_line_item i ON i.order_line_id = l.id WHERE l.order_id = ? AND "
        "l.gift_rule IS NULL ORDER BY l.line_no, i.id");
    s.bind(1, static_cast<int64_t>(order_id));
    std::vector<SplitLine> lines;
    while (s.step()) {
        Id line_id = s.column(0).int64();
        if (lines.empty() || lines.back().line_id != line_id)
            lines.push_back({line_id, {}, s.column(1).int32() != 0});
        lines.back().items.push_back({s.column(2).int64(), s.column(3).int64()});
    }
    s.reset();
    return lines;
}

std::vector<SplitPart> OrderSplitter::plan(Id preferred_warehouse,
                                           const std::vector<SplitLine>& lines,
                                           const std::vector<Id>* all) {
    std::vector<Id> warehouses{preferred_warehouse};
    if (all) {
        for (Id id : *all)
            if (id != preferred_warehouse) warehouses.push_back(id);
    } else {
        sql::Statement& w = db_.statement("SELECT id FROM warehouse WHERE id <> ? ORDER BY id");
        w.bind(1, static_cast<int64_t>(preferred_warehouse));
        while (w.step())
            warehouses.push_back(w.column(0).int64());
        w.reset();
    }
    std::set<Id> skus;
    for (const SplitLine& l : lines)
        for (const SplitItem& i : l.items)
            skus.insert(i.sku_id);
    SplitStock stock;
    StockBook& book = posting_.book();
    for (Id wh : warehouses)
        for (Id sku : skus)
            stock[{wh, sku}] = book.available(sku, wh);
    return plan_split(lines, warehouses, stock);
}

std::string OrderSplitter::warehouse_code(Id warehouse_id) {
    sql::Statement& s = db_.statement("SELECT code FROM warehouse WHERE id = ?");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    std::string code = s.step() ? s.column(0).text() : std::to_string(warehouse_id);
    s.reset();
    return code;
}

void OrderSplitter::log(Id order_id, const std::string& action, const std::string& detail) {
    sql::Statement s(connection(db_),
                     "INSERT INTO order_rule_log(order_id, at, rule, action, detail) "
                     "VALUES (?, ?, ?, ?, ?)");
    s.bind(1, static_cast<int64_t>(order_id));
    s.bind(2, static_cast<int64_t>(now_));
    s.bind(3, kLogName);
    s.bind(4, action);
    s.bind(5, detail);
    s.exec();
}

std::string OrderSplitter::busy(const Part& part, bool original) {
    if (part.allocation == Allocation::shipped) return trf("part {0} has shipped", part.number);
    if (exists(db_, "SELECT 1 FROM order_packed WHERE order_id = ?", part.id))
        return trf("part {0} is packed", part.number);
    if (exists(db_, "SELECT 1 FROM wave_order WHERE order_id = ? AND open = 1", part.id))
        return trf("part {0} is in an open wave", part.number);
    // A part that goes away must leave nothing pointing at it.
    if (!original &&
        (exists(db_, "SELECT 1 FROM wave_order WHERE order_id = ?", part.id) ||
         exists(db_, "SELECT 1 FROM pack_scan WHERE order_id = ?", part.id) ||
         exists(db_, "SELECT 1 FROM order_merge WHERE order_id = ?1 OR parcel_order_id = ?1",
                part.id)))
        return trf("part {0} is on the packing line", part.number);
    return {};
}

std::vector<Fen> OrderSplitter::part_values(const std::vector<Part>& parts) {
    sql::Statement s(connection(db_),
                     "SELECT ifnull(sum(quantity * unit_price_fen), 0) FROM order_line "
                     "WHERE order_id = ? AND gift_rule IS NULL");
    std::vector<Fen> values;
    for (const Part& p : parts) {
        s.reset();
        s.bind(1, static_cast<int64_t>(p.id));
        s.step();
        values.push_back(s.column(0).int64());
    }
    return values;
}

std::vector<Id> OrderSplitter::split(Id order_id) {
    std::optional<Order> order = OrderRepository(db_).find(order_id);
    if (!order) throw NotFound(trf("Order #{0} does not exist", std::to_string(order_id)));
    const std::string& no = order->platform_order_id;
    if (original_of(order_id) != order_id || parts_of(order_id).size() > 1)
        throw InvalidInput(trf("Order {0} is already split: unsplit it first", no));
    if (!order_status_holds_stock(order->status))
        throw InvalidInput(trf("Order {0} is {1}, not waiting to ship: there is nothing to split",
                               no, std::string(order_status_code(order->status))));
    std::string why = busy({order_id, no, order->allocation}, true);
    if (!why.empty()) throw InvalidInput(trf("Order {0} cannot be split: {1}", no, why));
    std::vector<SplitLine> lines = plan_lines(order_id);
    if (lines.empty())
        throw InvalidInput(trf("Order {0} has no lines mapped to local SKUs: map them first", no));
    // Its own reservation counts as available for the plan.
    allocator_.release(order_id);
    sql::Statement w(connection(db_),
                     "SELECT coalesce(o.rule_warehouse_id, s.default_warehouse_id, "
                     "(SELECT min(id) FROM warehouse)) FROM shop_order o JOIN shop_store s "
                     "ON s.id = o.store_id WHERE o.id = ?");
    w.bind(1, static_cast<int64_t>(order_id));
    if (!w.step() || w.column(0).is_null())
        throw InvalidInput(trf("Order {0}: there is no warehouse to ship from", no));
    std::vector<SplitPart> parts = plan(w.column(0).int64(), lines);
    if (parts.empty())
        throw InvalidInput(
            trf("Order {0} cannot be split: no warehouse has what some line "
                "needs; receive or move stock first",
                no));
    if (parts.size() == 1)
        throw InvalidInput(trf("Order {0} need not be split: warehouse {1} can ship it whole", no,
                               warehouse_code(parts.front().warehouse_id)));
    // A person's split wins over an earlier "keep it together".
    sql::Statement unwaive(connection(db_),
                           "DELETE FROM order_hold_waiver WHERE order_id = ? AND source = ?");
    unwaive.bind(1, static_cast<int64_t>(order_id));
    unwaive.bind(2, std::string(hold_source_code(HoldSource::split)));
    unwaive.exec();
    return apply(order_id, parts);
}

std::vector<Id> OrderSplitter::apply(Id order_id, const std::vector<SplitPart>& plan) {
    std::optional<Order> order = OrderRepository(db_).find(order_id);
    const std::string no = order->platform_order_id;
    // Nothing of the order is reserved here: split() released it, and allocate() splits only
    // orders it has not allocated.
    OrderHoldRepository holds(db_);
    holds.drop(order_id, HoldSource::split, "");

    sql::Statement value(connection(db_),
                         "SELECT quantity * unit_price_fen FROM order_line WHERE id = ?");
    std::vector<Fen> values;
    for (const SplitPart& part : plan) {
        Fen v = 0;
        for (Id line : part.line_ids) {
            value.reset();
            value.bind(1, static_cast<int64_t>(line));
            value.step();
            v += value.column(0).int64();
        }
        values.push_back(v);
    }
    std::vector<Fen> paid = share_paid(order->paid_amount, values);

    sql::Statement insert(
        connection(db_),
        "INSERT INTO shop_order(store_id, platform_order_id, status, buyer_nick, buyer_note, "
        "seller_memo, seller_flag, receiver_name, receiver_phone, province, city, district, "
        "address, paid_amount_fen, freight_fen, created_at, paid_at, modified_at, "
        "promised_ship_at, priority, note, carrier, presale, split_from) "
        "SELECT store_id, ?2, status, buyer_nick, buyer_note, seller_memo, seller_flag, "
        "receiver_name, receiver_phone, province, city, district, address, 0, 0, created_at, "
        "paid_at, modified_at, promised_ship_at, priority, note, carrier, presale, id "
        "FROM shop_order WHERE id = ?1");
    sql::Statement move(connection(db_), "UPDATE order_line SET order_id = ? WHERE id = ?");
    sql::Statement tags(connection(db_),
                        "INSERT INTO order_tag(order_id, tag, rule) "
                        "SELECT ?1, tag, rule FROM order_tag WHERE order_id = ?2 "
                        "ON CONFLICT DO NOTHING");
    // Holds a person, the platform, a rule or an intercept put on the order hold every part.
    sql::Statement copy_holds(
        connection(db_),
        "INSERT INTO order_hold(order_id, source, source_key, reason, intercept, at, "
        "by_user) SELECT ?1, source, source_key, reason, intercept, at, by_user FROM order_hold "
        "WHERE order_id = ?2 AND source NOT IN ('split', 'presale') ON CONFLICT DO NOTHING");
    sql::Statement copy_waivers(connection(db_),
                                "INSERT INTO order_hold_waiver(order_id, source, "
                                "source_key, at, by_user) SELECT ?1, source, source_key, at, "
                                "by_user FROM order_hold_waiver WHERE order_id = ?2 "
                                "ON CONFLICT DO NOTHING");
    sql::Statement set(connection(db_),
                       "UPDATE shop_order SET rule_warehouse_id = ?, paid_amount_fen = ?, "
                       "presale = max(presale, ?) WHERE id = ?");
    std::vector<Id> ids;
    std::vector<std::string> summary;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const SplitPart& part = plan[i];
        Id id = order_id;
        std::string part_no = no;
        if (i > 0) {
            part_no = no + "-" + std::to_string(i + 1);
            insert.reset();
            insert.bind(1, static_cast<int64_t>(order_id));
            insert.bind(2, part_no);
            insert.exec();
            db_.rows_changed();  // the buyer has one order more
            id = connection(db_).last_insert_id();
            for (Id line : part.line_ids) {
                move.reset();
                move.bind(1, static_cast<int64_t>(id));
                move.bind(2, static_cast<int64_t>(line));
                move.exec();
            }
            for (sql::Statement* s : {&tags, &copy_holds, &copy_waivers}) {
                s->reset();
                s->bind(1, static_cast<int64_t>(id));
                s->bind(2, static_cast<int64_t>(order_id));
                s->exec();
            }
        }
        set.reset();
        set.bind(1, static_cast<int64_t>(part.warehouse_id));
        set.bind(2, static_cast<int64_t>(paid[i]));
        set.bind(3, part.presale ? 1 : 0);
        set.bind(4, static_cast<int64_t>(id));
        set.exec();
        std::string wh = warehouse_code(part.warehouse_id);
        if (part.presale)
            holds.hold({id, deferred("Presale: ships later: release it when the goods are in"),
                        false, now_, HoldSource::presale, "", actor_.user});
        log(id, "split " + wh,
            deferred("part {0} of {1} of order {2}, {3} line(s) from warehouse {4}",
                     {std::to_string(i + 1), std::to_string(plan.size()), no,
                      std::to_string(part.line_ids.size()), wh}));
        summary.push_back(part_no + " " + wh + (part.presale ? " presale" : ""));
        ids.push_back(id);
    }
    audit(db_, actor_, "order.split", no, joined(summary));
    for (Id id : ids)
        allocator_.allocate(id, true);
    return ids;
}

void OrderSplitter::put_back(Id original_id, const std::vector<Part>& parts) {
    sql::Statement sum(connection(db_),
                       "SELECT sum(paid_amount_fen) FROM shop_order WHERE id = ?1 OR "
                       "split_from = ?1");
    sum.bind(1, static_cast<int64_t>(original_id));
    sum.step();
    Fen paid = sum.column(0).int64();
    // Gift lines are numbered after each part's own lines and would clash once the lines are
    // together again; the original's review gives them anew.
    sql::Statement gifts(connection(db_),
                         "DELETE FROM order_line WHERE order_id = ? AND gift_rule IS NOT NULL");
    for (const Part& p : parts) {
        allocator_.release(p.id);
        gifts.reset();
        gifts.bind(1, static_cast<int64_t>(p.id));
        gifts.exec();
    }
    std::vector<std::string> numbers;
    db_.rows_changed();  // the buyer has fewer orders
    for (const Part& p : parts) {
        if (p.id == original_id) continue;
        numbers.push_back(p.number);
        for (const char* sql : {"UPDATE order_line SET order_id = ?2 WHERE order_id = ?1",
                                "UPDATE order_rule_log SET order_id = ?2 WHERE order_id = ?1",
                                "DELETE FROM order_hold WHERE order_id = ?1",
                                "DELETE FROM order_hold_waiver WHERE order_id = ?1",
                                "DELETE FROM order_tag WHERE order_id = ?1",
                                "DELETE FROM order_waybill WHERE order_id = ?1",
                                "DELETE FROM shop_order WHERE id = ?1"}) {
            sql::Statement s(connection(db_), sql);
            s.bind(1, static_cast<int64_t>(p.id));
            if (std::string_view(sql).find("?2") != std::string_view::npos)
                s.bind(2, static_cast<int64_t>(original_id));
            s.exec();
        }
    }
    sql::Statement whole(connection(db_),
                         "UPDATE shop_order SET paid_amount_fen = ?, rule_warehouse_id = NULL, "
                         "presale = 0 WHERE id = ?");
    whole.bind(1, static_cast<int64_t>(paid));
    whole.bind(2, static_cast<int64_t>(original_id));
    whole.exec();
    OrderHoldRepository holds(db_);
    holds.drop(original_id, HoldSource::presale, "");
    log(original_id, "unsplit", deferred("parts {0} put back", {joined(numbers)}));
}

Id OrderSplitter::unsplit(Id order_id) {
    Id original = original_of(order_id);
    std::vector<Part> parts = parts_of(original);
    if (parts.size() < 2)
        throw InvalidInput(trf("Order {0} is not split", order_number(db_, order_id)));
    for (const Part& p : parts) {
        std::string why = busy(p, p.id == original);
        if (!why.empty())
            throw InvalidInput(
                trf("Order {0} cannot be put back together: {1}", parts[0].number, why));
    }
    put_back(original, parts);
    // Kept together by a person: the store's policy holds it rather than splitting it again.
    sql::Statement waive(connection(db_),
                         "INSERT INTO order_hold_waiver(order_id, source, "
                         "source_key, at, by_user) VALUES (?, ?, '', ?, ?) "
                         "ON CONFLICT(order_id, source, source_key) DO UPDATE SET "
                         "at = excluded.at, by_user = excluded.by_user");
    waive.bind(1, static_cast<int64_t>(original));
    waive.bind(2, std::string(hold_source_code(HoldSource::split)));
    waive.bind(3, static_cast<int64_t>(now_));
    waive.bind(4, actor_.user);
    waive.exec();
    std::vector<std::string> numbers;
    for (const Part& p : parts)
        numbers.push_back(p.number);
    audit(db_, actor_, "order.unsplit", parts[0].number, joined(numbers));
    return original;
}

std::optional<Allocation> OrderSplitter::apply_policy(Id order_id, Id warehouse_id, bool whole,
                                                      const FreshOrder* fresh) {
    if (!fresh && (original_of(order_id) != order_id || parts_of(order_id).size() > 1))
        return std::nullopt;
    std::vector<SplitPart> parts = fresh ? plan(warehouse_id, fresh->lines, &fresh->warehouses)
                                         : plan(warehouse_id, plan_lines(order_id));
    OrderHoldRepository holds(db_);
    std::string no;
    SplitPolicy store_policy = SplitPolicy::hold;
    if (fresh) {
        no = fresh->number;
        store_policy = fresh->policy;
    } else {
        sql::Statement& policy = db_.statement(
            "SELECT s.split_policy, o.platform_order_id FROM shop_order o "
            "JOIN shop_store s ON s.id = o.store_id WHERE o.id = ?");
        policy.bind(1, static_cast<int64_t>(order_id));
        policy.step();
        no = policy.column(1).text();
        store_policy = parse_split_policy(policy.column(0).text());
        policy.reset();
    }
    const bool waived = !fresh && holds.waived(order_id, HoldSource::split, "");
    SplitDecision decision =
        decide_split(parts, whole, store_policy, waived, no, [&](Id warehouse_id) {
            if (fresh)
                if (auto known = fresh->warehouse_codes.find(warehouse_id);
                    known != fresh->warehouse_codes.end())
                    return known->second;
            return warehouse_code(warehouse_id);
        });
    switch (decision.action) {
        case SplitAction::none:
            if (!fresh) holds.drop(order_id, HoldSource::split, "");
            return std::nullopt;
        case SplitAction::split: {
            std::vector<Id> ids = apply(order_id, parts);
            return OrderRepository(db_).find(ids.front())->allocation;
        }
        case SplitAction::hold:
            break;
    }
    std::optional<OrderHold> held;
    if (!fresh)
        for (const OrderHold& h : holds.list(order_id))
            if (h.source == HoldSource::split) held = h;
    if (!held || held->reason != decision.hold_reason)
        holds.hold(
            {order_id, decision.hold_reason, false, now_, HoldSource::split, "", actor_.user});
    return std::nullopt;
}

std::optional<SplitUpdate> OrderSplitter::accept_update(Id order_id, const Order& incoming) {
    // Every order a sync brings again passes here: a prepared statement answers "not split".
    sql::Statement& split = db_.statement("SELECT 1 FROM shop_order WHERE split_from = ?");
    split.bind(1, static_cast<int64_t>(order_id));
    bool has_parts = split.step();
    split.reset();
    if (!has_parts) return std::nullopt;
    std::vector<Part> parts = parts_of(order_id);
    OrderRepository orders(db_);
    std::vector<Order> stored;
    std::vector<std::pair<int, OrderLine>> numbered;
    sql::Statement line_no(connection(db_), "SELECT line_no FROM order_line WHERE id = ?");
    for (const Part& p : parts) {
        stored.push_back(*orders.find(p.id));
        for (const OrderLine& l : stored.back().lines) {
            line_no.reset();
            line_no.bind(1, static_cast<int64_t>(l.id));
            line_no.step();
            numbered.emplace_back(line_no.column(0).int32(), l);
        }
    }
    if (incoming.modified_at < stored.front().modified_at)
        return SplitUpdate{{order_id, UpsertOutcome::stale, false, {}}, {}};
    std::sort(numbered.begin(), numbered.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<OrderLine> all;
    for (auto& [no, line] : numbered)
        all.push_back(std::move(line));
    if (!same_lines(all, incoming.lines)) {
        std::string why;
        for (const Part& p : parts)
            if (why.empty()) why = busy(p, p.id == order_id);
        if (why.empty()) {
            put_back(order_id, parts);
            return std::nullopt;
        }
        log(order_id, "lines changed",
            deferred("the platform changed the lines but {0}: check the order by hand", {why}));
    }
    std::vector<Fen> paid = share_paid(incoming.paid_amount, part_values(parts));
    SplitUpdate update{{order_id, UpsertOutcome::unchanged, false, {}}, {}};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].allocation == Allocation::shipped) continue;
        Order part = incoming;
        part.platform_order_id = parts[i].number;
        part.lines = stored[i].lines;
        part.paid_amount = paid[i];
        part.freight = i == 0 ? incoming.freight : 0;
        part.presale = stored[i].presale;
        UpsertResult r = orders.upsert(part, stored[i]);
        if (r.outcome != UpsertOutcome::updated) continue;
        if (i == 0) update.result.outcome = UpsertOutcome::updated;
        update.changed_parts.push_back(parts[i].id);
    }
    return update;
}

}  // namespace dj
