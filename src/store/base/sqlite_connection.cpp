#include "store/base/sqlite_connection.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <chrono>
#include <optional>
#include <thread>

#include "os/file_lock.h"
#include "os/private_file.h"
#include "store/base/sql_dialect.h"

namespace dj::sql {
namespace {

Failure failure_of(int code) {
    switch (code & 0xff) {
        case SQLITE_FULL:
            return Failure::full;
        case SQLITE_READONLY:
            return Failure::read_only;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Failure::busy;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return Failure::corrupt;
        case SQLITE_IOERR:
            return Failure::io;
        case SQLITE_CANTOPEN:
            return Failure::cannot_open;
        case SQLITE_CONSTRAINT:
            return Failure::constraint;
        default:
            return Failure::other;
    }
}

[[noreturn]] void rethrow(const SQLite::Exception& e, sqlite3* handle) {
    int code = e.getErrorCode();
    int extended = e.getExtendedErrorCode();
    if (code < 0 && handle) {  // SQLiteCpp's own checks carry no code; the handle has it
        code = sqlite3_errcode(handle);
        extended = sqlite3_extended_errcode(handle);
    }
    const bool read_only = handle && sqlite3_db_readonly(handle, "main") == 1;
    // A file SQLite could open only for reading cannot have the write-ahead log beside it.
    const Failure failure = read_only && failure_of(code) == Failure::cannot_open
                                ? Failure::read_only
                                : failure_of(code);
    throw Error(failure, e.what(), extended, handle ? sqlite3_system_errno(handle) : 0, read_only);
}

[[noreturn]] void throw_code(int rc, sqlite3* handle) {
    int code = sqlite3_extended_errcode(handle);
    if ((code & 0xff) != (rc & 0xff)) code = rc;
    throw Error(failure_of(code), sqlite3_errmsg(handle), code, sqlite3_system_errno(handle),
                sqlite3_db_readonly(handle, "main") == 1);
}

// On SQLite's own statement API: the store reads every cell once, so no wrapper per cell.
class SqliteStatement final : public detail::StatementEngine {
  public:
    SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
        int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s_, nullptr);
        if (rc != SQLITE_OK) throw_code(rc, db);
    }
    ~SqliteStatement() override { sqlite3_finalize(s_); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    int parameter_index(std::string_view name) const override {
        int i = sqlite3_bind_parameter_index(s_, std::string(name).c_str());
        if (i == 0) throw Error(Failure::other, "no parameter " + std::string(name));
        return i;
    }
    void bind_null(int index) override { check(sqlite3_bind_null(s_, index)); }
    void bind_int64(int index, std::int64_t value) override {
        check(sqlite3_bind_int64(s_, index, value));
    }
    void bind_real(int index, double value) override {
        check(sqlite3_bind_double(s_, index, value));
    }
    void bind_text(int index, std::string_view value) override {
        check(sqlite3_bind_text64(s_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8));
    }
    bool step() override {
        int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        sqlite3_reset(s_);
        throw_code(rc, db_);
    }
    int exec() override {
        int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW)
            throw Error(Failure::other, std::string("a change returned rows: ") + sqlite3_sql(s_));
        if (rc != SQLITE_DONE) {
            sqlite3_reset(s_);
            throw_code(rc, db_);
        }
        return sqlite3_changes(db_);
    }
    // A local file answers at once: nothing to gain by waiting.
    void exec_deferred() override { exec(); }
    void prefetch() override {}
    void reset() override { sqlite3_reset(s_); }
    void bind_blob(int index, std::string_view bytes) override {
        check(sqlite3_bind_blob64(s_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    }
    void clear_bindings() override { sqlite3_clear_bindings(s_); }
    int column_count() const override { return sqlite3_column_count(s_); }
    std::string column_name(int index) const override {
        const char* name = sqlite3_column_name(s_, index);
        return name ? name : "";
    }
    Type column_type(int index) const override {
        switch (sqlite3_column_type(s_, index)) {
            case SQLITE_NULL:
                return Type::null;
            case SQLITE_INTEGER:
                return Type::integer;
            case SQLITE_FLOAT:
                return Type::real;
            case SQLITE_BLOB:
                return Type::blob;
            default:
                return Type::text;
        }
    }
    std::int64_t column_int64(int index) const override { return sqlite3_column_int64(s_, index); }
    double column_real(int index) const override { return sqlite3_column_double(s_, index); }
    std::string column_text(int index) const override {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(s_, index));
        if (!p) return {};
        return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, index)));
    }

  private:
    void check(int rc) {
        if (rc != SQLITE_OK) throw_code(rc, db_);
    }

    sqlite3* db_;
    sqlite3_stmt* s_ = nullptr;
};

void sql_shop_today(sqlite3_context* context, int, sqlite3_value**) {
    const auto* today =
        static_cast<const std::function<std::string()>*>(sqlite3_user_data(context));
    std::string text = (*today)();
    sqlite3_result_text(context, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void sql_shop_today_plus(sqlite3_context* context, int, sqlite3_value** args) {
    const auto* today =
        static_cast<const std::function<std::string()>*>(sqlite3_user_data(context));
    std::string text = add_days((*today)(), sqlite3_value_int64(args[0]));
    sqlite3_result_text(context, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

struct FileLockHeld final : Lock {
    explicit FileLockHeld(std::unique_ptr<os::FileLock> held) : file(std::move(held)) {}
    std::unique_ptr<os::FileLock> file;
};

class SqliteConnection final : public Connection {
  public:
    SqliteConnection(const std::string& path, const SqliteOptions& options)
        : path_(path), today_(options.today) {
        int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_FULLMUTEX;
        if (options.create) flags |= SQLite::OPEN_CREATE;
        try {
            db_ = std::make_unique<SQLite::Database>(path, flags, options.busy_timeout_ms);
            // Secrets are encrypted, but orders and buyers are not: the OS user's only. The
            // WAL and its index take the file's permissions.
            if (options.create) os::make_private(path);
        } catch (const SQLite::Exception& e) {
            rethrow(e, nullptr);
        }
        try {
            if (today_) {
                db_->createFunction("shop_today", 0, false, &today_, &sql_shop_today);
                db_->createFunction("shop_today_plus", 1, false, &today_, &sql_shop_today_plus);
            }
        } catch (const SQLite::Exception& e) {
            rethrow(e, db_->getHandle());
        }
    }

    void prepare_for_shop() override {
        try {
            db_->exec("PRAGMA journal_mode=WAL");
            // FULL: a commit is on disk before it returns, so a power cut loses no movement.
            db_->exec("PRAGMA synchronous=FULL");
            db_->exec("PRAGMA foreign_keys=ON");
            // Ledger indexes outgrow the 2 MB default quickly; bulk posting and reports need
            // more.
            db_->exec("PRAGMA cache_size=-65536");
        } catch (const SQLite::Exception& e) {
            rethrow(e, db_->getHandle());
        }
    }

    Engine engine() const override { return Engine::sqlite; }
    int exec(const std::string& sql) override {
        try {
            return db_->exec(sql);
        } catch (const SQLite::Exception& e) {
            rethrow(e, db_->getHandle());
        }
    }
    void try_exec(const std::string& sql) noexcept override { db_->tryExec(sql); }
    std::unique_ptr<detail::StatementEngine> prepare(const std::string& sql) override {
        return std::make_unique<SqliteStatement>(db_->getHandle(), sql);
    }
    std::int64_t last_insert_id() override { return db_->getLastInsertRowid(); }
    int schema_version() override { return static_cast<int>(query_int64("PRAGMA user_version")); }
    void set_schema_version(int version) override {
        exec("PRAGMA user_version = " + std::to_string(version));
    }
    bool table_exists(const std::string& table) override {
        try {
            return db_->tableExists(table);
        } catch (const SQLite::Exception& e) {
            rethrow(e, db_->getHandle());
        }
    }
    std::string location() const override { return path_; }
    std::string begin_write() const override { return "BEGIN IMMEDIATE"; }
    std::string begin_read() const override { return "BEGIN"; }
    // A file beside the shop's: the programs that share a SQLite file share a computer.
    std::unique_ptr<Lock> try_lock(const std::string& name) override {
        const std::string file = path_ + "-" + name + ".lock";
        try {
            std::unique_ptr<os::FileLock> held = os::FileLock::try_lock(file);
            if (!held) return nullptr;
            return std::make_unique<FileLockHeld>(std::move(held));
        } catch (const std::runtime_error& e) {
            throw Error(Failure::io, file + ": " + e.what());
        }
    }
    std::string begin_migration() const override { return "BEGIN IMMEDIATE"; }
    void defer_foreign_keys() override { exec("PRAGMA defer_foreign_keys = ON"); }
    void announce_changes() override {}
    // data_version moves when another connection commits to the file, never for this one's.
    std::vector<std::string> wait_for_changes(int timeout_ms) override {
        constexpr int kStepMs = 100;
        for (int waited = 0;; waited += kStepMs) {
            const std::int64_t version = query_int64("PRAGMA data_version");
            const bool changed = data_version_ && *data_version_ != version;
            data_version_ = version;
            if (changed) return {"*"};
            if (waited >= timeout_ms) return {};
            std::this_thread::sleep_for(std::chrono::milliseconds(kStepMs));
        }
    }
    // SQLite's INTEGER PRIMARY KEY already goes on after the highest id.
    void continue_ids_after_copy(const std::string&) override {}
    std::vector<std::int64_t> take_ids(const std::string&, std::size_t) override { return {}; }
    std::vector<std::pair<std::string, std::string>> foreign_keys() override {
        Statement s(
            *this,
            "SELECT m.name, f.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) "
            "f WHERE m.type = 'table'");
        std::vector<std::pair<std::string, std::string>> keys;
        while (s.step())
            keys.emplace_back(s.column(0).text(), s.column(1).text());
        return keys;
    }

  private:
    std::string path_;
    std::function<std::string()> today_;
    std::unique_ptr<SQLite::Database> db_;
    std::optional<std::int64_t> data_version_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path, const SqliteOptions& options) {
    return std::make_unique<SqliteConnection>(path, options);
}

}  // namespace dj::sql
