#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/base/clock.h"
#include "core/base/error.h"

namespace dj::sql {
class Connection;
class Lock;
class Statement;
}  // namespace dj::sql

namespace dj {

class HeldRows;

// The shop server wants a password this program does not have (none in the PostgreSQL password
// file, none given), or refused the one it was given.
class ServerPasswordNeeded : public StorageError {
  public:
    using StorageError::StorageError;
};

// The server answers but holds no shop yet (Mode::existing): `server init` or `migrate` first.
class NoShopOnServer : public StorageError {
  public:
    using StorageError::StorageError;
};

// One kind of work held by this program for the whole shop (Database::try_lock); released when
// destroyed (before its Database), or when the program ends however it ends.
class ShopLock {
  public:
    explicit ShopLock(std::unique_ptr<sql::Lock> held);
    ~ShopLock();
    ShopLock(const ShopLock&) = delete;
    ShopLock& operator=(const ShopLock&) = delete;

  private:
    std::unique_ptr<sql::Lock> held_;
};

// One open shop database: WAL, foreign keys on, durable commits, schema migrated at open.
class Database {
  public:
    enum class Mode { create, existing };
    // How long a change waits for another program's change to end before it gives up: a sync
    // or a big import holds the write lock for about a second at a time.
    static constexpr int kBusyTimeoutMs = 15000;
    // Throws StorageError with the path and what to do when the file cannot be used. What is
    // stamped through this connection takes its time from `clock`, which must outlive it.
    Database(const std::string& path, const Clock& clock, Mode mode = Mode::create,
             int busy_timeout_ms = kBusyTimeoutMs);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // `location` is a shop server's address (postgresql://…), not a file.
    static bool is_server(const std::string& location);
    // The address of a shop server: a HOST starting with '/' is the folder of a unix socket.
    static std::string server_address(const std::string& host, int port,
                                      const std::string& database, const std::string& user);
    // The password for the server at `url`, as a person typed it: kept in this program's memory
    // for every connection it opens there (never written anywhere, never on a command line).
    static void use_server_password(const std::string& url, const std::string& password);
    // Work that follows an upgrade of the schema and needs more than SQL (sealing the secrets
    // kept in clear before schema 17): run once the migrations are done, with the version the
    // shop had. ops/observers.cpp installs it; one hook, replaced by the next.
    static void after_upgrade(std::function<void(Database& db, int from_version)> hook);
    // Where a server's password is looked for when none was typed (ops: the computer's keyring),
    // before PostgreSQL's password file; asked once per server and program.
    static void find_server_passwords_in(
        std::function<std::optional<std::string>(const std::string& url)> source);

    const std::string& path() const { return path_; }
    // The shop lives on a PostgreSQL server that several workstations share.
    bool on_server() const;
    // Where the shop is, for people: the file, or the server without its password.
    std::string location() const;
    const Clock& clock() const { return clock_; }
    int schema_version();

    // A prepared statement kept for the life of the connection, reset and unbound for reuse.
    sql::Statement& statement(const char* sql);

    bool in_transaction() const { return depth_ > 0; }
    // Work that must see a change durable first (alert checks after a stock change): runs when
    // the outermost transaction commits (at once when none is open) and is dropped when the
    // change it follows rolls back. A failure there is logged; the change stays committed.
    void after_commit(std::function<void()> work);

    // Store code that keeps copies of rows across statements (what a batch read for all its
    // orders at once) uses them only while this stays the same: it rises when a change is undone
    // and when code changing such rows other than as the copies expect calls rows_changed().
    std::uint64_t rows_generation() const { return rows_generation_; }
    void rows_changed() { ++rows_generation_; }

    // New rows a change holds back on a server to write together; defined in
    // store/base/held_rows.cpp.
    HeldRows& held_rows();

    // Work only one program may do at a time for this shop, on this computer or any other
    // workstation on the same server (sending the outbox, syncing one store): the lock, or none
    // when another program holds it. `name` is a short ASCII word.
    std::unique_ptr<ShopLock> try_lock(const std::string& name);

    // The tables other programs on this shop changed since the last call ("*": some), waiting
    // up to `timeout_ms` for the first; empty when nothing changed. For ChangeFeed.
    std::vector<std::string> wait_for_changes(int timeout_ms);

  private:
    friend class WriteTransaction;
    friend class ReadTransaction;
    // The connection is the store's alone (store/base/sql_binding.h): nothing above the store
    // sees SQL, and a second engine can stand behind the same repositories.
    friend sql::Connection& connection(Database& db);
    sql::Connection& sql() { return *db_; }
    void run_after_commit();

    std::string path_;
    const Clock& clock_;
    std::unique_ptr<sql::Connection> db_;
    std::unordered_map<const char*, std::unique_ptr<sql::Statement>> statements_;
    std::shared_ptr<HeldRows> held_;  // made at its first use
    int depth_ = 0;
    std::vector<std::function<void()>> after_commit_;
    std::uint64_t rows_generation_ = 0;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted (an exception unwound).
// Opened while another is open, it joins it as a savepoint: a use case owns the transaction and
// the store code it calls commits only its part, undone with the whole when the use case fails.
class WriteTransaction {
  public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();
    // For a change that fills an empty shop (a copy, the demo), called before it writes: foreign
    // keys are checked once at COMMIT, over whole tables, instead of row by row. Every table may
    // stay locked until then. Only the outermost transaction may.
    void check_foreign_keys_at_commit();

  private:
    Database& db_;
    int level_;               // 0: the outermost transaction
    std::size_t queued_ = 0;  // after-commit work queued before this savepoint
    bool open_ = true;
};

// One consistent view for a read that takes several statements (a screen's figures agree with
// each other while another program writes): BEGIN ... COMMIT without taking the write lock. Inside
// an open transaction it adds nothing.
class ReadTransaction {
  public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    Database& db_;
    bool outermost_;
};

// Turns a SQLite failure into a StorageError that says what was being done.
// What went wrong, said so a person can act on it (full disk, read-only, busy, damaged).
[[noreturn]] void rethrow_storage_error(const std::exception& e, const std::string& doing,
                                        const std::string& path = {});

}  // namespace dj
