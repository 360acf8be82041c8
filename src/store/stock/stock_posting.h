#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/stock/movement.h"
#include "core/stock/stock_book.h"
#include "store/base/database.h"
#include "store/base/sql.h"

namespace dj {

// Reads stock state for a StockBook from the database.
class SqlStockSource : public StockSource {
  public:
    explicit SqlStockSource(Database& db) : db_(db) {}
    Balance load_balance(Id sku_id, Id warehouse_id) override;
    std::vector<Lot> load_lots(Id sku_id, Id warehouse_id) override;
    CostState load_cost(Id sku_id) override;
    bool warehouse_allows_negative(Id warehouse_id) override;
    std::string batch_expiry(Id batch_id) override;
    int location_walk_order(Id location_id) override;
    std::string sku_label(Id sku_id) override;
    std::string warehouse_label(Id warehouse_id) override;
    std::string location_label(Id location_id) override;
    ClosedThrough closed_through() override;
    ShelfDates shelf_dates(Id sku_id) override;
    std::optional<Id> receiving_location(Id warehouse_id) override;
    // The queries go to a server together (Statement::prefetch); each load below then
    // reads its answer.
    void expect(Id sku_id, Id warehouse_id, Needs needs) override;

  private:
    // One of the loads above: its statement, and the key it was sent ahead for.
    struct Load {
        std::unique_ptr<sql::Statement> statement;
        std::optional<std::pair<Id, Id>> sent_for;
    };
    // `load`'s statement, bound for `key` unless it was sent ahead for it.
    sql::Statement& ready(Load& load, const char* sql, std::pair<Id, Id> key, int params);

    Database& db_;
    Load balance_, lots_, cost_, closed_, shelf_, receiving_;
    // A batch's expiry and a bin's walk order do not change while stock is posted; each new
    // lot read them again, a round trip each on a server.
    std::unordered_map<Id, std::string> expiries_;
    std::unordered_map<Id, int> walk_orders_;
};

// One atomic change of stock: opens a write transaction, lets the caller post any number of
// movements and reservations through book(), then writes movements, balances, lots and costs
// and commits, telling the stock observers which SKUs it changed (stock_observers.h).
// Destroyed without commit(), it rolls everything back.
class StockPosting {
  public:
    explicit StockPosting(Database& db);
    StockBook& book() { return book_; }
    Database& db() { return db_; }
    // Writes pending state without committing (so later statements in the transaction see it).
    void flush();
    // Flushes and commits; returns the movements posted, with their ids.
    std::vector<Movement> commit();

  private:
    Database& db_;
    WriteTransaction tx_;
    SqlStockSource source_;
    StockBook book_;
    std::vector<Movement> written_;
    std::set<Id> touched_skus_;  // whose balances were written
};

}  // namespace dj
