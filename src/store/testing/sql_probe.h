#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dj::sql {
class Connection;
class Statement;
}  // namespace dj::sql

namespace dj {
class Database;
struct Migration;
}  // namespace dj

namespace dj::testing {

// One SQL value, for a statement's parameters and a row's cells.
struct SqlValue {
    enum class Kind { null, integer, real, text, blob };
    Kind kind = Kind::null;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;  // text and blob bytes

    SqlValue() = default;
    SqlValue(std::nullptr_t) {}
    SqlValue(int v) : kind(Kind::integer), integer(v) {}
    SqlValue(long v) : kind(Kind::integer), integer(v) {}
    SqlValue(long long v) : kind(Kind::integer), integer(v) {}
    SqlValue(double v) : kind(Kind::real), real(v) {}
    SqlValue(const char* v) : kind(Kind::text), text(v) {}
    SqlValue(std::string v) : kind(Kind::text), text(std::move(v)) {}

    bool is_null() const { return kind == Kind::null; }
    // The value as the database would print it: NULL, digits, or the text itself.
    std::string str() const;
};

using SqlRow = std::vector<SqlValue>;

// What tests see of a shop's database: the statements they set up odd states with and the
// queries they check a program's work by. Only the test suites link this; nothing in the
// programs does (tests/layering/check_layers.sh), so SQL stays inside the store.
class SqlProbe {
  public:
    // The store's own connection: sees its open transaction.
    explicit SqlProbe(Database& db);
    // A file a program wrote (or one being planted), opened as it is: no migration, no checks;
    // or a postgresql:// address.
    enum class Open { existing, create };
    explicit SqlProbe(const std::string& path, Open open = Open::existing);
    ~SqlProbe();
    SqlProbe(const SqlProbe&) = delete;
    SqlProbe& operator=(const SqlProbe&) = delete;

    // Runs every statement of `sql` (no parameters), or one statement with parameters (kept
    // prepared for the probe's life, so a loop of inserts is fast). Returns rows changed.
    int exec(const std::string& sql, const std::vector<SqlValue>& params = {});
    // One statement with parameters through Statement::exec_deferred.
    void exec_deferred(const std::string& sql, const std::vector<SqlValue>& params);
    // The first column of the first row; throws when there is no row. NULL reads as 0 (the
    // sum() of no rows), as empty text.
    std::int64_t integer(const std::string& sql, const std::vector<SqlValue>& params = {});
    std::string text(const std::string& sql, const std::vector<SqlValue>& params = {});
    SqlValue value(const std::string& sql, const std::vector<SqlValue>& params = {});
    std::vector<SqlRow> rows(const std::string& sql, const std::vector<SqlValue>& params = {});
    std::vector<std::string> columns(const std::string& sql);
    bool table_exists(const std::string& table);
    int schema_version();
    void set_schema_version(int version);
    // The store's migration runner on this connection, for tests of the runner itself.
    void migrate(const std::vector<Migration>& steps, const std::string& path);

  private:
    sql::Statement& prepared(const std::string& sql, const std::vector<SqlValue>& params);

    std::unique_ptr<sql::Connection> own_;
    sql::Connection* db_;
    std::map<std::string, std::unique_ptr<sql::Statement>> statements_;
};

// One statement filled in value by value, for loops that insert many rows (the benchmarks).
class SqlStatement {
  public:
    SqlStatement(SqlProbe& probe, std::string sql) : probe_(probe), sql_(std::move(sql)) {}
    // Index 1 is the first '?'; no value binds NULL.
    void bind(int index, SqlValue v = {});
    // Runs with the values bound so far, then forgets them.
    int exec();
    // Runs without waiting for the answer (a server gets many in one round trip).
    void exec_deferred();
    void reset() { params_.clear(); }

  private:
    SqlProbe& probe_;
    std::string sql_;
    std::vector<SqlValue> params_;
};

}  // namespace dj::testing
