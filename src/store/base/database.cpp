#include "store/base/database.h"

#include <cerrno>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/log.h"
#include "core/base/translate.h"
#include "os/utf8_path.h"
#include "store/base/database_location.h"
#include "store/base/migrations.h"
#include "store/base/sql.h"
#ifdef DJ_HAVE_POSTGRES
#include "store/base/postgres_connection.h"
#endif
#include "store/base/sql_binding.h"
#include "store/base/sqlite_connection.h"

namespace dj {
namespace {

// Only a damaged file is called damaged: a full disk, a read-only file and a lock held by
// another program each say what to do instead.
StorageError storage_error(const sql::Error& e, const std::string& path, const std::string& doing) {
    const int system_errno = e.system_errno();
    const std::string file = path.empty() ? tr("the shop database") : path;
    bool over_quota = false;
#ifdef EDQUOT  // POSIX; Windows reports a full quota as ENOSPC
    over_quota = system_errno == EDQUOT;
#endif
    const sql::Failure failure = e.failure();
    if (failure == sql::Failure::full || system_errno == ENOSPC || over_quota)
        return StorageError(
            trf("The disk that holds {0} is full (while {1}). Free some space on it and try "
                "again; nothing was changed.",
                file, doing));
    // A read-only handle: SQLite could open the file for reading only (a read-only file,
    // folder or disk), and the write-ahead log it needs cannot be made.
    if (failure == sql::Failure::read_only || e.read_only_handle() || system_errno == EROFS ||
        system_errno == EACCES || system_errno == EPERM)
        return StorageError(
            trf("Cannot write to {0} (while {1}): the file, its folder or the disk is read-only. "
                "Give this user write permission on the file and its folder, or copy the shop to "
                "a writable folder.",
                file, doing));
    if (failure == sql::Failure::cannot_open && sql::is_postgres_url(path))
        return StorageError(
            trf("The connection to the shop server {0} was lost (while {1}): {2}. Nothing "
                "half-done was kept. Dianjia connects again by itself; try again in a moment.",
                sql::redact_url(path), doing, e.what()));
    if (failure == sql::Failure::busy)
        return StorageError(
            trf("Another program on this shop (a window, dianjia-cli, a sync) kept {0} locked "
                "too long (while {1}). Nothing was changed; try again in a moment.",
                file, doing));
    if (failure == sql::Failure::corrupt)
        return StorageError(
            trf("The file {0} is not a Dianjia database or is damaged ({1}): restore it from a "
                "backup.",
                file, e.what()));
    if (failure == sql::Failure::io)
        return StorageError(
            trf("Reading or writing {0} failed (while {1}): {2} (disk error {3}). "
                "Check the disk and try again; nothing was changed.",
                file, doing, e.what(), std::to_string(e.code())));
    return StorageError(trf("Database error while {0}: {1}", doing, e.what()));
}

std::mutex g_passwords_lock;
std::map<std::string, std::string>& server_passwords() {
    static std::map<std::string, std::string> passwords;
    return passwords;
}
std::function<std::optional<std::string>(const std::string&)>& password_source() {
    static std::function<std::optional<std::string>(const std::string&)> source;
    return source;
}

// Typed in this program, else kept by the source (the computer's keyring), asked for once.
[[maybe_unused]] std::string server_password(const std::string& url) {
    std::lock_guard lock(g_passwords_lock);
    auto it = server_passwords().find(url);
    if (it != server_passwords().end()) return it->second;
    // Asked once: a keyring that has nothing (or does not answer) is not asked again for every
    // connection this program opens.
    static std::set<std::string> asked;
    if (!password_source() || !asked.insert(url).second) return {};
    std::optional<std::string> kept = password_source()(url);
    if (!kept) return {};
    return server_passwords()[url] = *kept;
}

std::unique_ptr<sql::Connection> open_server(const std::string& url, const Clock& clock,
                                             int busy_timeout_ms) {
    // Written into the address it would sit in the shell's history, the process list and the
    // settings file.
    if (sql::url_has_password(url))
        throw StorageError(
            trf("The address {0} carries a password: leave it out and keep the password in the "
                "PostgreSQL password file (the file PGPASSFILE names, ~/.pgpass, or pgpass.conf "
                "in the user's application data folder).",
                sql::redact_url(url)));
#ifndef DJ_HAVE_POSTGRES
    (void)clock;
    (void)busy_timeout_ms;
    throw StorageError(
        trf("This build of Dianjia cannot connect to a shop server ({0}): it was built without "
            "PostgreSQL. Use a shop file on this computer, or a build with server support.",
            sql::redact_url(url)));
#else
    sql::PostgresOptions options;
    options.today = [&clock] { return shop_date(clock.now()); };
    options.busy_timeout_ms = busy_timeout_ms;
    options.password = server_password(url);
    try {
        return sql::open_postgres(url, options);
    } catch (const sql::Error& e) {
        if (e.failure() == sql::Failure::access_denied)
            throw ServerPasswordNeeded(
                trf("The shop server {0} wants the password of this user: {1}. Type it when "
                    "asked, or keep it in the PostgreSQL password file.",
                    sql::redact_url(url), e.what()));
        throw StorageError(
            trf("Cannot connect to the shop server {0}: {1}. Check the address, the user and "
                "the password, and that the server is running and reachable from this computer.",
                sql::redact_url(url), e.what()));
    }
#endif
}

std::unique_ptr<sql::Connection> open(const std::string& path, Database::Mode mode,
                                      int busy_timeout_ms, const Clock& clock) {
    if (sql::is_postgres_url(path)) return open_server(path, clock, busy_timeout_ms);
    if (mode == Database::Mode::existing && !std::filesystem::exists(os::utf8_path(path)))
        throw StorageError(
            trf("The database {0} does not exist. Create it with "
                "\"dianjia-cli --db {0} init\" (or \"demo\" for a demo shop).",
                path));
    sql::SqliteOptions options;
    options.busy_timeout_ms = busy_timeout_ms;
    // The shop's date by the program's clock, for queries over what may ship today
    // (store/stock/shippable_stock.h).
    options.today = [&clock] { return shop_date(clock.now()); };
    try {
        return sql::open_sqlite(path, options);
    } catch (const sql::Error& e) {
        if (e.failure() != sql::Failure::cannot_open)
            throw storage_error(e, path, tr("opening it"));
        throw StorageError(
            trf("Cannot open the database {0}: {1}. Check that the folder exists "
                "and is writable.",
                path, e.what()));
    }
}

std::mutex g_upgrade_lock;
std::function<void(Database&, int)> g_upgrade_hook;

}  // namespace

Database::Database(const std::string& path, const Clock& clock, Mode mode, int busy_timeout_ms)
    : path_(path), clock_(clock), db_(open(path, mode, busy_timeout_ms, clock)) {
    try {
        if (mode == Mode::existing && db_->engine() == sql::Engine::postgresql &&
            db_->schema_version() == 0)
            throw NoShopOnServer(
                trf("The server {0} holds no shop yet. Create one with \"dianjia-cli server init "
                    "{0}\", or move a shop there with \"dianjia-cli migrate --from FILE --to "
                    "{0}\".",
                    db_->location()));
        refuse_newer_schema(*db_, path_);
        db_->prepare_for_shop();
    } catch (const sql::Error& e) {
        throw storage_error(e, path_, tr("opening it"));
    }
    int before = db_->schema_version();
    migrate(*db_, path_);
    if (before > 0 && db_->schema_version() > before) {
        std::function<void(Database&, int)> hook;
        {
            std::lock_guard lock(g_upgrade_lock);
            hook = g_upgrade_hook;
        }
        if (hook) hook(*this, before);
    }
    try {
        db_->announce_changes();
    } catch (const sql::Error& e) {
        throw storage_error(e, path_, tr("opening it"));
    }
}

std::vector<std::string> Database::wait_for_changes(int timeout_ms) {
    try {
        return db_->wait_for_changes(timeout_ms);
    } catch (const sql::Error& e) {
        throw storage_error(e, path_, tr("waiting for changes from other workstations"));
    }
}

// Statements before the connection they belong to.
Database::~Database() {
    db_->before_each_statement({});
    held_.reset();
    statements_.clear();
}

ShopLock::ShopLock(std::unique_ptr<sql::Lock> held) : held_(std::move(held)) {}
ShopLock::~ShopLock() = default;

std::unique_ptr<ShopLock> Database::try_lock(const std::string& name) {
    try {
        std::unique_ptr<sql::Lock> held = db_->try_lock(name);
        if (!held) return nullptr;
        return std::make_unique<ShopLock>(std::move(held));
    } catch (const sql::Error& e) {
        throw storage_error(e, path_,
                            tr("checking whether another program on this shop does the same work"));
    }
}

bool Database::is_server(const std::string& location) {
    return sql::is_postgres_url(location);
}

std::string Database::server_address(const std::string& host, int port, const std::string& database,
                                     const std::string& user) {
    return sql::server_url(host, port, database, user);
}

void Database::after_upgrade(std::function<void(Database& db, int from_version)> hook) {
    std::lock_guard lock(g_upgrade_lock);
    g_upgrade_hook = std::move(hook);
}

void Database::use_server_password(const std::string& url, const std::string& password) {
    std::lock_guard lock(g_passwords_lock);
    server_passwords()[url] = password;
}

void Database::find_server_passwords_in(
    std::function<std::optional<std::string>(const std::string& url)> source) {
    std::lock_guard lock(g_passwords_lock);
    password_source() = std::move(source);
}

bool Database::on_server() const {
    return db_->engine() == sql::Engine::postgresql;
}

std::string Database::location() const {
    return db_->location();
}

int Database::schema_version() {
    return db_->schema_version();
}

sql::Connection& connection(Database& db) {
    return db.sql();
}

sql::Statement& Database::statement(const char* sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end())
        it = statements_.emplace(sql, std::make_unique<sql::Statement>(*db_, sql)).first;
    sql::Statement& s = *it->second;
    s.reset();
    s.clear_bindings();
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
        db_.sql().exec(level_ == 0 ? db_.sql().begin_write() : savepoint(level_));
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("starting a change"), db_.path());
    }
    ++db_.depth_;
}

WriteTransaction::~WriteTransaction() {
    if (!open_) return;
    --db_.depth_;
    db_.rows_changed();
    if (level_ == 0) {
        db_.sql().try_exec("ROLLBACK");
        db_.after_commit_.clear();
    } else {
        std::string name = "dj_" + std::to_string(level_);
        db_.sql().try_exec("ROLLBACK TO " + name);
        db_.sql().try_exec("RELEASE " + name);
        db_.after_commit_.resize(queued_);
    }
}

void WriteTransaction::commit() {
    try {
        db_.sql().exec(level_ == 0 ? std::string("COMMIT")
                                   : "RELEASE dj_" + std::to_string(level_));
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("saving a change"), db_.path());
    }
    open_ = false;
    --db_.depth_;
    if (level_ == 0) db_.run_after_commit();
}

void WriteTransaction::check_foreign_keys_at_commit() {
    if (level_ != 0)
        throw std::logic_error("foreign keys are checked at COMMIT only for a whole transaction");
    try {
        db_.sql().defer_foreign_keys();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("starting a change"), db_.path());
    }
}

ReadTransaction::ReadTransaction(Database& db) : db_(db), outermost_(db.depth_ == 0) {
    if (!outermost_) return;
    try {
        db_.sql().exec(db_.sql().begin_read());
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("reading the shop"), db_.path());
    }
    ++db_.depth_;
}

ReadTransaction::~ReadTransaction() {
    if (!outermost_) return;
    --db_.depth_;
    db_.sql().try_exec("COMMIT");
}

void rethrow_storage_error(const std::exception& e, const std::string& doing,
                           const std::string& path) {
    if (const auto* failure = dynamic_cast<const sql::Error*>(&e))
        throw storage_error(*failure, path, doing);
    throw StorageError(trf("Database error while {0}: {1}", doing, e.what()));
}

}  // namespace dj
