#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The store's one way to SQL, whichever engine stands behind it: SQLite for one PC (the
// default), PostgreSQL for a shop that shares a server. Statements are written once with '?'
// (or ':name') parameters; an engine rewrites what its dialect needs (store/base/sql_dialect.h).
namespace dj::sql {

enum class Engine { sqlite, postgresql };

// What went wrong, sorted so the store can tell a person what to do about it.
enum class Failure {
    other,
    cannot_open,    // the file or server cannot be reached
    access_denied,  // the server wants a password this program lacks, or refused the one given
    busy,           // another program held a lock too long
    conflict,       // another station changed the same rows first: the change can be retried
    full,           // no disk space
    read_only,
    corrupt,
    io,
    constraint,  // a CHECK, UNIQUE, foreign key or trigger refused the change
};

class Error : public std::runtime_error {
  public:
    Error(Failure failure, const std::string& message, int code = 0, int system_errno = 0,
          bool read_only_handle = false)
        : std::runtime_error(message),
          failure_(failure),
          code_(code),
          system_errno_(system_errno),
          read_only_handle_(read_only_handle) {}
    Failure failure() const { return failure_; }
    // The engine's own code, for the log.
    int code() const { return code_; }
    int system_errno() const { return system_errno_; }
    // The engine could open the database for reading only.
    bool read_only_handle() const { return read_only_handle_; }

  private:
    Failure failure_;
    int code_;
    int system_errno_;
    bool read_only_handle_;
};

enum class Type { null, integer, real, text, blob };

namespace detail {

// One prepared statement inside an engine. Parameter and column indexes are as in SQLite:
// parameters from 1, columns from 0.
class StatementEngine {
  public:
    virtual ~StatementEngine() = default;
    virtual int parameter_index(std::string_view name) const = 0;
    virtual void bind_null(int index) = 0;
    virtual void bind_int64(int index, std::int64_t value) = 0;
    virtual void bind_real(int index, double value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    virtual bool step() = 0;
    virtual int exec() = 0;
    virtual void exec_deferred() = 0;
    virtual void prefetch() = 0;
    virtual void reset() = 0;
    virtual void clear_bindings() = 0;
    virtual int column_count() const = 0;
    virtual std::string column_name(int index) const = 0;
    virtual Type column_type(int index) const = 0;
    virtual std::int64_t column_int64(int index) const = 0;
    virtual double column_real(int index) const = 0;
    virtual std::string column_text(int index) const = 0;
};

}  // namespace detail

// A held lock; released when destroyed.
class Lock {
  public:
    virtual ~Lock() = default;
};

// One open database. The store owns it through dj::Database; nothing above the store sees it.
class Connection {
  public:
    virtual ~Connection() = default;
    virtual Engine engine() const = 0;
    // Runs every statement of `sql`, without parameters; the rows the last one changed.
    virtual int exec(const std::string& sql) = 0;
    // exec() that never throws: for rolling back while an exception unwinds.
    virtual void try_exec(const std::string& sql) noexcept = 0;
    virtual std::unique_ptr<detail::StatementEngine> prepare(const std::string& sql) = 0;
    // The id the last INSERT on this connection gave its row.
    virtual std::int64_t last_insert_id() = 0;
    // What a shop database runs with (SQLite: WAL, durable commits, foreign keys, a bigger
    // cache), set once the schema is known not to be newer than this program.
    virtual void prepare_for_shop() = 0;
    // The schema version the migrations have reached (0: an empty database).
    virtual int schema_version() = 0;
    virtual void set_schema_version(int version) = 0;
    virtual bool table_exists(const std::string& table) = 0;
    // The first column of the first row of `sql`; 0 when it is NULL. Throws when no row.
    std::int64_t query_int64(const std::string& sql);
    // Where the data lives, for messages: a file path, or the server without its password.
    virtual std::string location() const = 0;
    // BEGIN for a change: takes the shop's write lock at once, so changes from every station
    // follow one another (SQLite: the file's lock; PostgreSQL: an advisory lock per shop, then
    // each statement reads what the station before committed).
    virtual std::string begin_write() const = 0;
    // BEGIN for a read of several statements that must agree with each other.
    virtual std::string begin_read() const = 0;
    // A lock on one kind of work in this shop (sending the outbox, syncing a store) held until
    // it is destroyed or this program ends, however it ends; none when another program on this
    // shop, here or on another workstation, holds it.
    virtual std::unique_ptr<Lock> try_lock(const std::string& name) = 0;
    // Foreign keys checked at COMMIT, each over its whole table, rather than row by row: for a
    // transaction that fills an empty shop, called before it writes. Every table may stay locked
    // until the transaction ends.
    virtual void defer_foreign_keys() = 0;
    // After rows were copied in with their ids: new rows of `table` get ids after the highest.
    virtual void continue_ids_after_copy(const std::string& table) = 0;
    // Ids for `n` rows of `table` the change under way inserts with them, rising in the order
    // changes are made; empty when the engine numbers rows as they are inserted at no cost.
    virtual std::vector<std::int64_t> take_ids(const std::string& table, std::size_t n) = 0;
    // BEGIN for a schema migration: one program at a time upgrades the schema.
    virtual std::string begin_migration() const = 0;
    // Once the schema is current: every committed change tells the listening programs which
    // tables it changed (PostgreSQL: a NOTIFY per table and transaction). SQLite needs nothing:
    // its listeners read the file's data version.
    virtual void announce_changes() = 0;
    // The tables other programs' committed changes touched since the last call, waiting up to
    // `timeout_ms` for the first; "*" when the engine cannot say which. Empty: nothing changed.
    virtual std::vector<std::string> wait_for_changes(int timeout_ms) = 0;

    // Each foreign key of the shop's tables: the table and the table it refers to.
    virtual std::vector<std::pair<std::string, std::string>> foreign_keys() = 0;

    // Runs before each statement (`text`; empty for a savepoint, COMMIT or a script) and
    // rollback (`undoing`): the store's rows held back to be written together
    // (store/base/held_rows.h) are written or dropped there. Engines whose take_ids gives ids
    // call it.
    using BeforeStatement = std::function<void(bool undoing, std::string_view text)>;
    void before_each_statement(BeforeStatement hook) { before_ = std::move(hook); }
    void before_statement(bool undoing = false, std::string_view text = {}) {
        if (before_ && !before_paused_) before_(undoing, text);
    }

  protected:
    // Set while a statement runs that reads none of the shop's tables (a sequence's next ids):
    // what is held stays held.
    bool before_paused_ = false;

  private:
    BeforeStatement before_;
};

// A cell of the current row.
class Column {
  public:
    Column(const detail::StatementEngine& s, int index) : s_(s), index_(index) {}
    bool is_null() const { return s_.column_type(index_) == Type::null; }
    Type type() const { return s_.column_type(index_); }
    std::int64_t int64() const { return s_.column_int64(index_); }
    int int32() const { return static_cast<int>(s_.column_int64(index_)); }
    double real() const { return s_.column_real(index_); }
    std::string text() const { return s_.column_text(index_); }

  private:
    const detail::StatementEngine& s_;
    int index_;
};

// A prepared statement: bind, then step() through rows or exec() a change; reset() to reuse.
class Statement {
  public:
    Statement(Connection& db, const std::string& sql) : s_(db.prepare(sql)) {}
    explicit Statement(std::unique_ptr<detail::StatementEngine> s) : s_(std::move(s)) {}

    template <std::integral T>
    void bind(int index, T value) {
        s_->bind_int64(index, static_cast<std::int64_t>(value));
    }
    void bind(int index, double value) { s_->bind_real(index, value); }
    void bind(int index, std::string_view value) { s_->bind_text(index, value); }
    void bind(int index, const std::string& value) { s_->bind_text(index, value); }
    void bind(int index, const char* value) { s_->bind_text(index, value); }
    // NULL.
    void bind(int index) { s_->bind_null(index); }
    void bind_blob(int index, std::string_view bytes) { s_->bind_blob(index, bytes); }
    void bind(const char* name) { s_->bind_null(s_->parameter_index(name)); }
    template <typename T>
    void bind(const char* name, T&& value) {
        bind(s_->parameter_index(name), std::forward<T>(value));
    }

    // Moves to the next row; false when there is none.
    bool step() { return s_->step(); }
    // Runs a statement that returns no rows; the number of rows it changed.
    int exec() { return s_->exec(); }
    // A change whose outcome the caller never reads (how many rows, an id), inside a
    // transaction. A server engine may send it together with the next statement that needs an
    // answer, one round trip for all; its failure then surfaces there or at COMMIT and fails the
    // transaction as any failure does. SQLite runs it at once. Not for a change whose failure
    // the caller catches and explains (a duplicate code, say).
    void exec_deferred() { s_->exec_deferred(); }
    // A query whose rows the caller reads (step) after preparing others: a server engine sends
    // it with the next statement that needs an answer, so several queries made one after another
    // cost one round trip. Bind before; reset() or destroying it drops the rows unread. Nothing
    // may change what it reads before it is read: SQLite runs it only then.
    void prefetch() { s_->prefetch(); }
    // Ready to run again; the parameters keep their values until bound again or cleared.
    void reset() { s_->reset(); }
    void clear_bindings() { s_->clear_bindings(); }

    Column column(int index) const { return Column(*s_, index); }
    int column_count() const { return s_->column_count(); }
    std::string column_name(int index) const { return s_->column_name(index); }

  private:
    std::unique_ptr<detail::StatementEngine> s_;
};

inline std::int64_t Connection::query_int64(const std::string& sql) {
    Statement s(*this, sql);
    if (!s.step()) throw Error(Failure::other, "no row: " + sql);
    return s.column(0).int64();
}

}  // namespace dj::sql
