#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/base/sql.h"

namespace dj {

class BatchInsert;
class Database;

// New rows a change on a shop server holds back and writes many to a statement, just before
// anything else runs on the connection (a read, another change, a savepoint, COMMIT), so every
// statement still sees them. A 50,000-order sync or demo wrote each order's header, lines and
// items one statement each, then changed the header and items again once allocated: the
// server's work per statement, and per index entry of a row written twice, was most of its
// time. While a row waits, the store may still change its cells (OrderAllocator sets a new
// order's allocation there instead of an UPDATE). Only where the connection gives ids before
// the rows are sent (sql::Connection::take_ids): on SQLite rows are inserted at once.
class HeldRows {
  public:
    // A cell as bound.
    struct Value {
        sql::Type type = sql::Type::null;
        std::int64_t integer = 0;
        double real = 0;
        std::string text;  // text or blob
        static Value of(std::int64_t v) { return {sql::Type::integer, v, 0, {}}; }
        static Value of(std::string v) { return {sql::Type::text, 0, 0, std::move(v)}; }
    };
    // Binds row `row`'s cells, its first column at parameter `first` (as BatchInsert's).
    using BindRow = std::function<void(sql::Statement& s, int first, std::size_t row)>;

    explicit HeldRows(Database& db);
    ~HeldRows();
    HeldRows(const HeldRows&) = delete;
    HeldRows& operator=(const HeldRows&) = delete;

    // Rows 0 … rows-1 for `insert`'s table and columns: held, with ids given now, or inserted
    // at once where the connection gives no ids. Their ids in that order. Tables are written
    // parents first, in the order held_rows.cpp lists them; only those may hold.
    std::vector<std::int64_t> insert(BatchInsert& insert, std::size_t rows,
                                     const BindRow& bind_row);
    // The cell `column` of row `id` of `table` while it is held, to change before it is
    // written; nullptr when it is not held (written already, or never held).
    Value* cell(const std::string& table, std::int64_t id, const std::string& column);
    // Sends every held row (the connection calls it before each savepoint and COMMIT).
    void write();
    // Sends them before a statement that names a table holding rows, or changes a table they
    // refer to: any other reads and changes nothing they touch, so they wait on (the connection
    // calls it before each statement). Rows referring to them may be inserted meanwhile: while
    // rows are held, foreign keys are checked at COMMIT.
    void write_before(std::string_view statement);
    // Forgets them: the change or savepoint they belong to is being undone.
    void drop();

  private:
    void hold(const std::string& table, const std::vector<std::string>& columns,
              const std::vector<std::int64_t>& ids, const BindRow& bind_row);
    struct Table;
    Table& table(const std::string& name, const std::vector<std::string>& columns);

    Database& db_;
    std::vector<std::unique_ptr<Table>> tables_;  // parents first
    std::vector<std::string> changed_;            // the tables they refer to
    bool knows_keys_ = false;
    std::unordered_map<std::string, bool> names_tied_;  // by statement text
    std::size_t held_ = 0;
    bool writing_ = false;
};

}  // namespace dj
