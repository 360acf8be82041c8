#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace dj {

// One open shop database: WAL, foreign keys on, durable commits, schema migrated at open.
class Database {
  public:
    enum class Mode { create, existing };
    // Throws StorageError with the path and what to do when the file cannot be used. What is
    // stamped through this connection takes its time from `clock`, which must outlive it.
    Database(const std::string& path, const Clock& clock, Mode mode = Mode::create);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The connection itself, for the store's repositories (and tests); nothing above the store
    // sees SQL, so SQLiteCpp's headers are included only there.
    SQLite::Database& sql() { return *db_; }
    const std::string& path() const { return path_; }
    const Clock& clock() const { return clock_; }
    int schema_version();

    // A prepared statement kept for the life of the connection, reset and unbound for reuse.
    SQLite::Statement& statement(const char* sql);

  private:
    std::string path_;
    const Clock& clock_;
    std::unique_ptr<SQLite::Database> db_;
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (an exception unwound).
class WriteTransaction {
  public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

  private:
    Database& db_;
    bool open_ = true;
};

// Turns a SQLite failure into a StorageError that says what was being done.
[[noreturn]] void rethrow_storage_error(const std::exception& e, const std::string& doing);

}  // namespace dj
