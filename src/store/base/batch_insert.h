#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dj {

class Database;
namespace sql {
class Statement;
}

// Rows for the next statement of a batch with `left` rows to go: 128, or the largest power of
// two not above `left`, so a few statement texts serve every count, not one text per count.
std::size_t batch_chunk(std::size_t left);

// A query for many keys, up to 128 at a time: its text for each chunk size batch_chunk gives,
// with "{list}" standing for that many parameters. Keep it in a static: Database::statement keeps
// a statement per text's address.
class ChunkedQuery {
  public:
    explicit ChunkedQuery(std::string_view sql);
    // The text for `keys` keys, a chunk size batch_chunk gave.
    const char* text(std::size_t keys) const;

  private:
    std::array<std::string, 8> texts_;
};

// Many rows of one table written with a statement of many rows at a time: on a shop server each
// statement is a round trip, and one per row made bulk work (the demo, a sync, posting a big
// document) many times slower than on a file. On a server inside a change the rows' ids come
// from the connection (sql::Connection::take_ids) and the rows go with the next statement that
// needs an answer: a failure of theirs surfaces there, still inside the change.
class BatchInsert {
  public:
    // Whether the rows' ids come back: a table numbering its rows has its key in `id`.
    enum class Ids { returned, none };
    // `columns` in the order bind_row binds them.
    BatchInsert(Database& db, std::string table, std::vector<std::string> columns,
                Ids ids = Ids::returned);
    ~BatchInsert();

    // Binds the values of row `row`, its first column at parameter `first`.
    using BindRow = std::function<void(sql::Statement& s, int first, std::size_t row)>;
    // Inserts rows 0 … rows-1; the ids they were given, in that order (none with Ids::none).
    std::vector<std::int64_t> insert(std::size_t rows, const BindRow& bind_row);
    // Inserts rows 0 … ids.size()-1 with these ids, in deferred statements.
    void insert_with_ids(const std::vector<std::int64_t>& ids, const BindRow& bind_row);
    const std::string& table() const { return table_; }
    const std::vector<std::string>& columns() const { return columns_; }

  private:
    // With `with_id`, the id is the first column.
    sql::Statement& statement(std::size_t rows, bool with_id);

    Database& db_;
    std::string table_;
    std::vector<std::string> columns_;
    Ids ids_;
    std::map<std::pair<std::size_t, bool>, std::unique_ptr<sql::Statement>> statements_;
};

}  // namespace dj
