#include "store/base/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cerrno>
#include <filesystem>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/log.h"
#include "core/base/translate.h"
#include "os/utf8_path.h"
#include "store/base/migrations.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

// Only a damaged file is called damaged: a full disk, a read-only file and a lock held by
// another program each say what to do instead.
// `read_only`: SQLite could open the file for reading only (a read-only file, folder or disk),
// and the write-ahead log it needs cannot be made.
StorageError storage_error(const SQLite::Exception& e, int system_errno, const std::string& path,
                           const std::string& doing, bool read_only = false) {
    const int code = e.getErrorCode();
    const int extended = e.getExtendedErrorCode();
    const std::string file = path.empty() ? tr("the shop database") : path;
    bool over_quota = false;
#ifdef EDQUOT  // POSIX; Windows reports a full quota as ENOSPC
    over_quota = system_errno == EDQUOT;
#endif
    if (code == SQLITE_FULL || system_errno == ENOSPC || over_quota)
        return StorageError(
            trf("The disk that holds {0} is full (while {1}). Free some space on it and try "
                "again; nothing was changed.",
                file, doing));
    if (code == SQLITE_READONLY || read_only || system_errno == EROFS || system_errno == EACCES ||
        system_errno == EPERM)
        return StorageError(
            trf("Cannot write to {0} (while {1}): the file, its folder or the disk is read-only. "
                "Give this user write permission on the file and its folder, or copy the shop to "
                "a writable folder.",
                file, doing));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return StorageError(
            trf("Another program on this shop (a window, dianjia-cli, a sync) kept {0} locked "
                "too long (while {1}). Nothing was changed; try again in a moment.",
                file, doing));
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return StorageError(
            trf("The file {0} is not a Dianjia database or is damaged ({1}): restore it from a "
                "backup.",
                file, e.what()));
    if (code == SQLITE_IOERR)
        return StorageError(
            trf("Reading or writing {0} failed (while {1}): {2} (disk error {3}). "
                "Check the disk and try again; nothing was changed.",
                file, doing, e.what(), std::to_string(extended)));
    return StorageError(trf("Database error while {0}: {1}", doing, e.what()));
}

int open_flags(const std::string& path, Database::Mode mode) {
    if (mode == Database::Mode::existing && !std::filesystem::exists(os::utf8_path(path)))
        throw StorageError(
            trf("The database {0} does not exist. Create it with "
                "\"dianjia-cli --db {0} init\" (or \"demo\" for a demo shop).",
                path));
    return SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX;
}

std::unique_ptr<SQLite::Database> open(const std::string& path, Database::Mode mode,
                                       int busy_timeout_ms) {
    int flags = open_flags(path, mode);
    try {
        return std::make_unique<SQLite::Database>(path, flags, busy_timeout_ms);
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_CANTOPEN) throw storage_error(e, 0, path, tr("opening it"));
        throw StorageError(
            trf("Cannot open the database {0}: {1}. Check that the folder exists "
                "and is writable.",
                path, e.what()));
    }
}

void sql_shop_today(sqlite3_context* context, int, sqlite3_value**) {
    const auto* db = static_cast<const Database*>(sqlite3_user_data(context));
    std::string today = shop_date(db->clock().now());
    sqlite3_result_text(context, today.c_str(), static_cast<int>(today.size()), SQLITE_TRANSIENT);
}

}  // namespace

Database::Database(const std::string& path, const Clock& clock, Mode mode, int busy_timeout_ms)
    : path_(path), clock_(clock), db_(open(path, mode, busy_timeout_ms)) {
    try {
        refuse_newer_schema(*db_, path_);
        db_->exec("PRAGMA journal_mode=WAL");
        // FULL: a commit is on disk before it returns, so a power cut loses no movement.
        db_->exec("PRAGMA synchronous=FULL");
        db_->exec("PRAGMA foreign_keys=ON");
        // Ledger indexes outgrow the 2 MB default quickly; bulk posting and reports need more.
        db_->exec("PRAGMA cache_size=-65536");
        // The shop's date by the program's clock, for queries over what may ship today
        // (store/stock/shippable_stock.h).
        db_->createFunction("shop_today", 0, false, this, &sql_shop_today);
    } catch (const SQLite::Exception& e) {
        sqlite3* handle = db_->getHandle();
        throw storage_error(e, sqlite3_system_errno(handle), path_, tr("opening it"),
                            sqlite3_db_readonly(handle, "main") == 1);
    }
    migrate(*db_, path_);
}

// Statements before the connection they belong to.
Database::~Database() {
    statements_.clear();
}

int Database::schema_version() {
    return db_->execAndGet("PRAGMA user_version").getInt();
}

SQLite::Database& connection(Database& db) {
    return db.sql();
}

SQLite::Statement& Database::statement(const char* sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end())
        it = statements_.emplace(sql, std::make_unique<SQLite::Statement>(*db_, sql)).first;
    SQLite::Statement& s = *it->second;
    s.reset();
    s.clearBindings();
    return s;
}

void Database::after_commit(std::function<void()> work) {
    after_commit_.push_back(std::move(work));
    if (depth_ == 0) run_after_commit();
}

void Database::run_after_commit() {
    std::vector<std::function<void()>> work;
    work.swap(after_commit_);
    for (auto& w : work) {
        try {
            w();
        } catch (const std::exception& e) {
            log_message(LogLevel::warning,
                        trf("A change was saved, but what follows it failed: {0}", e.what()));
        }
    }
}

namespace {
std::string savepoint(int level) {
    return "SAVEPOINT dj_" + std::to_string(level);
}
}  // namespace

WriteTransaction::WriteTransaction(Database& db)
    : db_(db), level_(db.depth_), queued_(db.after_commit_.size()) {
    try {
        db_.sql().exec(level_ == 0 ? std::string("BEGIN IMMEDIATE") : savepoint(level_));
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("starting a change"), db_.path());
    }
    ++db_.depth_;
}

WriteTransaction::~WriteTransaction() {
    if (!open_) return;
    --db_.depth_;
    if (level_ == 0) {
        db_.sql().tryExec("ROLLBACK");
        db_.after_commit_.clear();
    } else {
        std::string name = "dj_" + std::to_string(level_);
        db_.sql().tryExec("ROLLBACK TO " + name);
        db_.sql().tryExec("RELEASE " + name);
        db_.after_commit_.resize(queued_);
    }
}

void WriteTransaction::commit() {
    try {
        db_.sql().exec(level_ == 0 ? std::string("COMMIT")
                                   : "RELEASE dj_" + std::to_string(level_));
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("saving a change"), db_.path());
    }
    open_ = false;
    --db_.depth_;
    if (level_ == 0) db_.run_after_commit();
}

ReadTransaction::ReadTransaction(Database& db) : db_(db), outermost_(db.depth_ == 0) {
    if (!outermost_) return;
    try {
        db_.sql().exec("BEGIN");
    } catch (const SQLite::Exception& e) {
        rethrow_storage_error(e, tr("reading the shop"), db_.path());
    }
    ++db_.depth_;
}

ReadTransaction::~ReadTransaction() {
    if (!outermost_) return;
    --db_.depth_;
    db_.sql().tryExec("COMMIT");
}

void rethrow_storage_error(const std::exception& e, const std::string& doing,
                           const std::string& path) {
    if (const auto* sql = dynamic_cast<const SQLite::Exception*>(&e))
        throw storage_error(*sql, 0, path, doing);
    throw StorageError(trf("Database error while {0}: {1}", doing, e.what()));
}

}  // namespace dj
