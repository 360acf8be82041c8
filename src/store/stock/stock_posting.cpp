#include "store/stock/stock_posting.h"

#include <tuple>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/batch_insert.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/periods/period_repository.h"
#include "store/stock/stock_observers.h"
#include "store/stock/warehouse_repository.h"

namespace dj {
namespace {

std::string text_or_id(sql::Statement& s, Id id) {
    std::string out = s.step() ? s.column(0).text() : "#" + std::to_string(id);
    s.reset();
    return out;
}

}  // namespace

namespace {

constexpr const char* kBalance =
    "SELECT on_hand, reserved, in_transit FROM stock_balance WHERE sku_id = ? AND warehouse_id = ?";
constexpr const char* kLots =
    "SELECT l.id, l.location_id, l.batch_id, ifnull(b.expiry, ''), ifnull(loc.walk_order, 0), "
    "l.on_hand FROM stock_lot l LEFT JOIN batch b ON b.id = l.batch_id "
    "LEFT JOIN location loc ON loc.id = l.location_id "
    "WHERE l.sku_id = ? AND l.warehouse_id = ? ORDER BY l.id";
constexpr const char* kShelf =
    "SELECT coalesce(min_ship_days, (SELECT value FROM shop_setting WHERE key = "
    "'min_ship_days'), 0) FROM sku WHERE id = ?";
constexpr const char* kCost =
    "SELECT c.qty, c.value_fen, c.last_unit_cost_fen, k.standard_cost_fen FROM sku k "
    "LEFT JOIN sku_cost c ON c.sku_id = k.id WHERE k.id = ?";

}  // namespace

sql::Statement& SqlStockSource::ready(Load& load, const char* sql, std::pair<Id, Id> key,
                                      int params) {
    if (!load.statement) load.statement = std::make_unique<sql::Statement>(connection(db_), sql);
    sql::Statement& s = *load.statement;
    if (load.sent_for != key) {
        s.reset();
        if (params > 0) s.bind(1, static_cast<int64_t>(key.first));
        if (params > 1) s.bind(2, static_cast<int64_t>(key.second));
    }
    load.sent_for.reset();
    return s;
}

void SqlStockSource::expect(Id sku_id, Id warehouse_id, Needs needs) {
    const std::pair<Id, Id> pair{sku_id, warehouse_id}, sku{sku_id, 0}, warehouse{warehouse_id, 0},
        none{0, 0};
    for (auto [load, sql, key, params, needed] :
         {std::tuple{&balance_, kBalance, pair, 2, needs.balance},
          std::tuple{&lots_, kLots, pair, 2, needs.lots},
          std::tuple{&cost_, kCost, sku, 1, needs.cost},
          std::tuple{&closed_, kClosedThroughSql, none, 0, needs.closed},
          std::tuple{&shelf_, kShelf, sku, 1, needs.shelf},
          std::tuple{&receiving_, kReceivingLocationSql, warehouse, 1, needs.receiving}}) {
        if (!needed) continue;
        ready(*load, sql, key, params).prefetch();
        load->sent_for = key;
    }
}

Balance SqlStockSource::load_balance(Id sku_id, Id warehouse_id) {
    sql::Statement& s = ready(balance_, kBalance, {sku_id, warehouse_id}, 2);
    Balance b;
    if (s.step()) b = Balance{s.column(0).int64(), s.column(1).int64(), s.column(2).int64()};
    s.reset();
    return b;
}

std::vector<Lot> SqlStockSource::load_lots(Id sku_id, Id warehouse_id) {
    sql::Statement& s = ready(lots_, kLots, {sku_id, warehouse_id}, 2);
    std::vector<Lot> lots;
    while (s.step()) {
        Lot lot;
        lot.id = s.column(0).int64();
        lot.sku_id = sku_id;
        lot.warehouse_id = warehouse_id;
        lot.location_id = read_optional(s.column(1));
        lot.batch_id = read_optional(s.column(2));
        lot.expiry = s.column(3).text();
        lot.walk_order = s.column(4).int32();
        lot.on_hand = s.column(5).int64();
        lots.push_back(std::move(lot));
    }
    return lots;
}

CostState SqlStockSource::load_cost(Id sku_id) {
    sql::Statement& s = ready(cost_, kCost, {sku_id, 0}, 1);
    CostState c;
    if (s.step()) {
        if (s.column(0).is_null()) {
            c.last_unit_cost = s.column(3).int64();
        } else {
            c.qty = s.column(0).int64();
            c.value = s.column(1).int64();
            c.last_unit_cost = s.column(2).int64();
        }
    }
    s.reset();
    return c;
}

bool SqlStockSource::warehouse_allows_negative(Id warehouse_id) {
    sql::Statement& s = db_.statement("SELECT allow_negative FROM warehouse WHERE id = ?");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    bool allowed = s.step() && s.column(0).int32() != 0;
    s.reset();
    return allowed;
}

std::optional<Id> SqlStockSource::receiving_location(Id warehouse_id) {
    return read_receiving_location(ready(receiving_, kReceivingLocationSql, {warehouse_id, 0}, 1));
}

ShelfDates SqlStockSource::shelf_dates(Id sku_id) {
    sql::Statement& s = ready(shelf_, kShelf, {sku_id, 0}, 1);
    long days = s.step() ? s.column(0).int64() : 0;
    s.reset();
    std::string today = shop_date(db_.clock().now());
    return {today, date_from_days(days_from_date(today) + days)};
}

std::string SqlStockSource::batch_expiry(Id batch_id) {
    if (auto known = expiries_.find(batch_id); known != expiries_.end()) return known->second;
    sql::Statement& s = db_.statement("SELECT expiry FROM batch WHERE id = ?");
    s.bind(1, static_cast<int64_t>(batch_id));
    std::string expiry = s.step() ? s.column(0).text() : std::string();
    s.reset();
    return expiries_[batch_id] = expiry;
}

int SqlStockSource::location_walk_order(Id location_id) {
    if (auto known = walk_orders_.find(location_id); known != walk_orders_.end())
        return known->second;
    sql::Statement& s = db_.statement("SELECT walk_order FROM location WHERE id = ?");
    s.bind(1, static_cast<int64_t>(location_id));
    int order = s.step() ? s.column(0).int32() : 0;
    s.reset();
    return walk_orders_[location_id] = order;
}

std::string SqlStockSource::sku_label(Id sku_id) {
    sql::Statement& s = db_.statement("SELECT code FROM sku WHERE id = ?");
    s.bind(1, static_cast<int64_t>(sku_id));
    return text_or_id(s, sku_id);
}

std::string SqlStockSource::warehouse_label(Id warehouse_id) {
    sql::Statement& s = db_.statement("SELECT code FROM warehouse WHERE id = ?");
    s.bind(1, static_cast<int64_t>(warehouse_id));
    return text_or_id(s, warehouse_id);
}

std::string SqlStockSource::location_label(Id location_id) {
    sql::Statement& s = db_.statement("SELECT code FROM location WHERE id = ?");
    s.bind(1, static_cast<int64_t>(location_id));
    return text_or_id(s, location_id);
}

ClosedThrough SqlStockSource::closed_through() {
    if (closed_.sent_for) return dj::closed_through(ready(closed_, kClosedThroughSql, {0, 0}, 0));
    return dj::closed_through(db_);
}

StockPosting::StockPosting(Database& db) : db_(db), tx_(db), source_(db), book_(source_) {}

void StockPosting::flush() {
    try {
        std::vector<Movement>& pending = book_.pending();
        BatchInsert insert(db_, "movement",
                           {"at", "kind", "sku_id", "warehouse_id", "location_id", "batch_id",
                            "counterpart_warehouse_id", "qty", "unit_cost_fen", "value_fen", "doc",
                            "reason", "operator", "role", "workstation"});
        std::vector<std::int64_t> ids =
            insert.insert(pending.size(), [&](sql::Statement& s, int first, std::size_t row) {
                const Movement& m = pending[row];
                s.bind(first, static_cast<int64_t>(m.at));
                s.bind(first + 1, movement_kind_code(m.kind).data());
                s.bind(first + 2, static_cast<int64_t>(m.sku_id));
                s.bind(first + 3, static_cast<int64_t>(m.warehouse_id));
                bind_optional(s, first + 4, m.location_id);
                bind_optional(s, first + 5, m.batch_id);
                bind_optional(s, first + 6, m.counterpart_warehouse_id);
                s.bind(first + 7, static_cast<int64_t>(m.qty));
                s.bind(first + 8, static_cast<int64_t>(m.unit_cost));
                s.bind(first + 9, static_cast<int64_t>(m.value));
                s.bind(first + 10, m.doc);
                s.bind(first + 11, m.reason);
                s.bind(first + 12, m.actor.user);
                s.bind(first + 13, m.actor.role);
                s.bind(first + 14, m.actor.workstation);
            });
        written_.reserve(written_.size() + pending.size());
        for (std::size_t i = 0; i < pending.size(); ++i) {
            pending[i].id = ids[i];
            written_.push_back(std::move(pending[i]));
        }
        pending.clear();

        sql::Statement& balance = db_.statement(
            "INSERT INTO stock_balance(sku_id, warehouse_id, on_hand, reserved, in_transit) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(sku_id, warehouse_id) DO UPDATE SET "
            "on_hand = excluded.on_hand, reserved = excluded.reserved, "
            "in_transit = excluded.in_transit");
        for (auto& [key, entry] : book_.balances()) {
            if (!entry.dirty) continue;
            balance.reset();
            balance.bind(1, static_cast<int64_t>(key.a));
            balance.bind(2, static_cast<int64_t>(key.b));
            balance.bind(3, static_cast<int64_t>(entry.balance.on_hand));
            balance.bind(4, static_cast<int64_t>(entry.balance.reserved));
            balance.bind(5, static_cast<int64_t>(entry.balance.in_transit));
            balance.exec_deferred();
            entry.dirty = false;
            touched_skus_.insert(key.a);
        }

        sql::Statement& update_lot = db_.statement("UPDATE stock_lot SET on_hand = ? WHERE id = ?");
        sql::Statement& insert_lot = db_.statement(
            "INSERT INTO stock_lot(sku_id, warehouse_id, location_id, batch_id, on_hand) "
            "VALUES (?, ?, ?, ?, ?)");
        for (auto& [key, lots] : book_.lot_sets()) {
            for (Lot& lot : lots) {
                if (!lot.dirty) continue;
                if (lot.id != 0) {
                    update_lot.reset();
                    update_lot.bind(1, static_cast<int64_t>(lot.on_hand));
                    update_lot.bind(2, static_cast<int64_t>(lot.id));
                    update_lot.exec_deferred();
                } else {
                    insert_lot.reset();
                    insert_lot.bind(1, static_cast<int64_t>(lot.sku_id));
                    insert_lot.bind(2, static_cast<int64_t>(lot.warehouse_id));
                    bind_optional(insert_lot, 3, lot.location_id);
                    bind_optional(insert_lot, 4, lot.batch_id);
                    insert_lot.bind(5, static_cast<int64_t>(lot.on_hand));
                    insert_lot.exec();
                    lot.id = connection(db_).last_insert_id();
                }
                lot.dirty = false;
            }
        }

        sql::Statement& cost = db_.statement(
            "INSERT INTO sku_cost(sku_id, qty, value_fen, last_unit_cost_fen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(sku_id) DO UPDATE SET qty = excluded.qty, value_fen = excluded.value_fen, "
            "last_unit_cost_fen = excluded.last_unit_cost_fen");
        for (auto& [sku_id, entry] : book_.costs()) {
            if (!entry.dirty) continue;
            cost.reset();
            cost.bind(1, static_cast<int64_t>(sku_id));
            cost.bind(2, static_cast<int64_t>(entry.cost.qty));
            cost.bind(3, static_cast<int64_t>(entry.cost.value));
            cost.bind(4, static_cast<int64_t>(entry.cost.last_unit_cost));
            cost.exec_deferred();
            entry.dirty = false;
        }
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("writing stock movements"));
    }
}

std::vector<Movement> StockPosting::commit() {
    flush();
    stock_changed(db_, {db_.clock().now(), {touched_skus_.begin(), touched_skus_.end()}});
    tx_.commit();
    return std::move(written_);
}

}  // namespace dj
