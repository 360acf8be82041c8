#include "store/base/postgres_connection.h"

#include <libpq-fe.h>
#ifdef _WIN32
#include <winsock2.h>
#else
#include <poll.h>
#endif

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "store/base/postgres_foreign_keys.h"
#include "store/base/postgres_pipeline.h"
#include "store/base/sql_dialect.h"

namespace dj::sql {
namespace {

using pg::Call;
using pg::Result;
using pg::trimmed;

// Type oids from PostgreSQL's pg_type.h, stable across versions.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kOid = 26,
              kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

class PgConnection;

std::string insert_target(const std::string& sql) {
    constexpr std::string_view kInsert = "INSERT INTO ";
    if (sql.compare(0, kInsert.size(), kInsert) != 0) return {};
    std::size_t end = sql.find_first_of(" (", kInsert.size());
    std::string table = sql.substr(kInsert.size(), end - kInsert.size());
    if (table.size() > 2 && table.front() == '"' && table.back() == '"')
        table = table.substr(1, table.size() - 2);
    return table;
}

// Unknown (0) lets the server infer a parameter's type from where it stands; one the text never
// names has no place to infer from.
std::vector<Oid> initial_types(const PostgresSql& sql) {
    std::vector<Oid> types(sql.parameter_names.size(), 0);
    for (std::size_t i = 0; i < types.size(); ++i)
        if (!sql.referenced[i]) types[i] = kText;
    return types;
}

// The statement is prepared on the server at its first run, for the types its parameters were
// bound with then; other types later prepare it once more.
class PgStatement final : public detail::StatementEngine, public pg::Reader {
  public:
    PgStatement(PgConnection& c, const std::string& sqlite_sql);
    ~PgStatement() override;

    int parameter_index(std::string_view name) const override {
        for (std::size_t i = 0; i < sql_.parameter_names.size(); ++i)
            if (sql_.parameter_names[i] == name) return static_cast<int>(i) + 1;
        throw Error(Failure::other, "no parameter " + std::string(name));
    }
    void bind_null(int index) override { set(index, std::nullopt, 0, 0); }
    void bind_int64(int index, std::int64_t value) override {
        set(index, std::to_string(value), kInt8, 0);
    }
    void bind_real(int index, double value) override {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
        set(index, std::string(buf, end), kFloat8, 0);
    }
    void bind_text(int index, std::string_view value) override {
        set(index, std::string(value), kText, 0);
    }
    void bind_blob(int index, std::string_view bytes) override {
        set(index, std::string(bytes), kBytea, 1);
    }
    bool step() override;
    int exec() override;
    void exec_deferred() override;
    void prefetch() override;
    void reset() override;
    // The rows a pipeline brought for prefetch().
    void receive(Result r) override {
        result_ = std::move(r);
        row_ = -1;
        pending_ = false;
    }
    // The pipeline will not bring them (a reconnection, a failure before it).
    void not_coming() override { pending_ = false; }
    void clear_bindings() override {
        for (auto& v : values_)
            v.reset();
        types_ = initial_types(sql_);
        std::fill(formats_.begin(), formats_.end(), 0);
    }
    int column_count() const override;
    std::string column_name(int index) const override;
    Type column_type(int index) const override;
    std::int64_t column_int64(int index) const override;
    double column_real(int index) const override;
    std::string column_text(int index) const override;

  private:
    void set(int index, std::optional<std::string> value, Oid type, int format) {
        if (index < 1 || static_cast<std::size_t>(index) > values_.size())
            throw Error(Failure::other,
                        "no parameter " + std::to_string(index) + " in " + sql_.text);
        values_[index - 1] = std::move(value);
        types_[index - 1] = sql_.referenced[index - 1] ? type : kText;
        formats_[index - 1] = format;
    }
    void run();
    // The server's name for this text with the parameter types bound now, after the shop's
    // date is set when the text asks for it.
    std::string ready();
    const char* cell(int index) const { return PQgetvalue(result_.r, row_, index); }
    const PGresult* shape() const;

    PgConnection& c_;
    PostgresSql sql_;
    bool uses_today_;
    std::string inserts_into_;  // the table an INSERT adds to
    bool returns_id_ = false;
    std::vector<std::optional<std::string>> values_;
    std::vector<Oid> types_;
    std::vector<int> formats_;
    Result result_;
    Result described_;
    int row_ = -1;
    bool pending_ = false;  // prefetched: its rows come with the next round trip
};

// Until the server sends something on `socket` or `timeout_ms` pass.
void wait_readable(int socket, int timeout_ms) {
#ifdef _WIN32
    WSAPOLLFD readable{static_cast<SOCKET>(socket), POLLRDNORM, 0};
    WSAPoll(&readable, 1, timeout_ms);
#else
    pollfd readable{socket, POLLIN, 0};
    if (::poll(&readable, 1, timeout_ms) < 0 && errno != EINTR)
        throw Error(Failure::io, "poll: " + std::to_string(errno));
#endif
}

// Released with the connection too, when the program ends however it ends.
class AdvisoryLock final : public Lock {
  public:
    // `settle`: answers what the connection sent ahead, so it takes a plain call.
    AdvisoryLock(PGconn* pg, std::int64_t key, std::function<void()> settle)
        : pg_(pg), key_(key), settle_(std::move(settle)) {}
    ~AdvisoryLock() override {
        try {
            settle_();
        } catch (const Error&) {
            // The change under way failed; the lock still goes.
        }
        PQclear(PQexec(pg_, ("SELECT pg_advisory_unlock(" + std::to_string(key_) + ")").c_str()));
    }

  private:
    PGconn* pg_;
    std::int64_t key_;
    std::function<void()> settle_;
};

class PgConnection final : public Connection {
  public:
    PgConnection(const std::string& url, const PostgresOptions& options)
        : today(options.today), url_(url) {
        const std::string& password = options.password;
        const char* keys[] = {"dbname", "password", "client_encoding", "application_name", nullptr};
        const char* values[] = {url.c_str(), password.empty() ? nullptr : password.c_str(), "UTF8",
                                "dianjia", nullptr};
        pg_ = PQconnectdbParams(keys, values, 1);
        if (PQstatus(pg_) != CONNECTION_OK) {
            std::string why = trimmed(PQerrorMessage(pg_));
            const bool password = PQconnectionNeedsPassword(pg_) ||
                                  (PQconnectionUsedPassword(pg_) &&
                                   why.find("password authentication failed") != std::string::npos);
            PQfinish(pg_);
            pg_ = nullptr;
            throw Error(password ? Failure::access_denied : Failure::cannot_open, why);
        }
        // Notices (a table that already exists, say) are not for the person at the window.
        PQsetNoticeProcessor(
            pg_, [](void*, const char*) {}, nullptr);
        // Waiting for another station's change gives up as SQLite's busy timeout does.
        session_ = "SET lock_timeout = " + std::to_string(options.busy_timeout_ms);
        exec(session_);
    }
    ~PgConnection() override { PQfinish(pg_); }

    Engine engine() const override { return Engine::postgresql; }
    int exec(const std::string& sql) override {
        if (sql == "COMMIT" && !unchecked_keys_.empty())
            pg::make_foreign_keys_again(*this, std::exchange(unchecked_keys_, {}));
        const bool begins = sql.rfind("BEGIN", 0) == 0;
        const bool ends = sql == "COMMIT" || sql == "ROLLBACK";
        before_statement(sql.rfind("ROLLBACK", 0) == 0);
        if (!in_transaction_) reconnect_if_lost();
        const std::string text = to_postgres(sql).text;
        analyze_before(text, {});
        last_id.reset();
        // Opening a savepoint needs no answer: with nothing waiting, it goes with the next
        // statement that needs one. Undone before it was sent, it never reaches the server.
        if (in_transaction_ && waiting_.idle() && sql.rfind("SAVEPOINT ", 0) == 0) {
            waiting_.add_savepoint(text, sql.substr(10));
            return 0;
        }
        // The changes waiting to be sent go ahead of it in the same round trip (a savepoint's
        // end, say, so a failure stays inside its savepoint); several statements in one text
        // cannot go in a pipeline.
        if (!waiting_.idle() && text.find(';') == std::string::npos) {
            Call call{.text = text};
            Result r = send_waiting(&call);
            if (ends) end_transaction();
            check(r.r);
            return changes(r.r);
        }
        send_deferred();
        Result r(PQexec(pg_, text.c_str()));
        // The server went away since the last statement (restarted, a network cut): nothing
        // has begun yet, so the transaction starts again on a new connection.
        if (begins && PQstatus(pg_) == CONNECTION_BAD) {
            reconnect_if_lost();
            r = Result(PQexec(pg_, text.c_str()));
        }
        if (begins) in_transaction_ = true;
        if (begins) write_locked_ = text.find("pg_advisory_xact_lock") != std::string::npos;
        if (ends) end_transaction();
        check(r.r);
        return changes(r.r);
    }
    void end_transaction() {
        in_transaction_ = false;
        write_locked_ = false;
        id_blocks_.clear();
        unchecked_keys_.clear();
    }
    void try_exec(const std::string& sql) noexcept override {
        before_statement(true);
        // Rolling back: what waits to be sent was done since the savepoint or BEGIN being
        // undone (each one sends what waits before it begins).
        waiting_.drop(pg_);
        // A savepoint the server never saw is neither rolled back to nor released there.
        if (waiting_.skips(sql)) return;
        PQclear(PQexec(pg_, to_postgres(sql).text.c_str()));
        if (sql == "COMMIT" || sql == "ROLLBACK") end_transaction();
    }
    // A connection lost outside a transaction is made again before the next statement; inside
    // one, the transaction fails (and rolls back on the server) and only then reconnects.
    void reconnect_if_lost() {
        if (in_transaction_ || PQstatus(pg_) != CONNECTION_BAD) return;
        PQreset(pg_);
        if (PQstatus(pg_) != CONNECTION_OK)
            throw Error(Failure::cannot_open, trimmed(PQerrorMessage(pg_)));
        prepared_.clear();
        today_.clear();
        identity_.reset();
        listening_ = false;
        // Queries prefetched outside a transaction name statements this new session lacks:
        // they run again when read.
        waiting_.drop(pg_);
        Result r(PQexec(pg_, session_.c_str()));
        check(r.r);
    }
    std::unique_ptr<detail::StatementEngine> prepare(const std::string& sql) override {
        return std::make_unique<PgStatement>(*this, sql);
    }
    std::int64_t last_insert_id() override {
        return last_id ? *last_id : query_int64("SELECT lastval()");
    }
    // Whether `table` numbers its rows itself (an identity column "id"): read for the whole
    // shop at the first INSERT, once per connection.
    bool has_identity(const std::string& table) {
        if (!identity_) {
            identity_.emplace();
            Statement s(*this,
                        "SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = "
                        "a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                        "n.nspname = current_schema() AND a.attname = 'id' AND a.attidentity "
                        "<> ''");
            while (s.step())
                identity_->insert(s.column(0).text());
        }
        return identity_->count(table) > 0;
    }
    std::optional<std::int64_t> last_id;  // the id the last INSERT … RETURNING id gave
    void prepare_for_shop() override {
        // The shop's date comes from the program's clock (dj.today, set before each statement
        // that asks), never from the server's.
        if (query_int64("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = "
                        "p.pronamespace WHERE p.proname = 'shop_today_plus' AND n.nspname = "
                        "current_schema()") == 0)
            exec(
                "CREATE OR REPLACE FUNCTION shop_today() RETURNS text LANGUAGE sql STABLE AS "
                "$$ SELECT current_setting('dj.today') $$; "
                "CREATE OR REPLACE FUNCTION shop_today_plus(days bigint) RETURNS text "
                "LANGUAGE sql STABLE AS $$ SELECT to_char(current_setting('dj.today')::date + "
                "days::int, 'YYYY-MM-DD') $$");
    }
    int schema_version() override {
        if (!table_exists("dj_schema_version")) return 0;
        return static_cast<int>(
            query_int64("SELECT coalesce(max(version), 0) FROM dj_schema_version"));
    }
    void set_schema_version(int version) override {
        exec("CREATE TABLE IF NOT EXISTS dj_schema_version (version BIGINT NOT NULL)");
        exec("DELETE FROM dj_schema_version");
        exec("INSERT INTO dj_schema_version(version) VALUES (" + std::to_string(version) + ")");
    }
    bool table_exists(const std::string& table) override {
        Statement s(*this,
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                    "current_schema() AND table_name = ?");
        s.bind(1, table);
        return s.step() && s.column(0).int64() > 0;
    }
    std::string location() const override { return redact_url(url_); }
    // One change at a time per shop, as on SQLite: a station waits (up to lock_timeout) for the
    // one before it instead of failing at COMMIT, and in READ COMMITTED each statement after the
    // lock reads what that station committed. Reservations, shipments and counts then never
    // decide on a balance another station is changing.
    std::string begin_write() const override {
        return "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
               std::to_string(lock_key("")) + ")";
    }
    std::string begin_read() const override { return "BEGIN ISOLATION LEVEL REPEATABLE READ"; }
    std::unique_ptr<Lock> try_lock(const std::string& name) override {
        const std::int64_t key = lock_key(name);
        if (query_int64("SELECT pg_try_advisory_lock(" + std::to_string(key) + ")::int") == 0)
            return nullptr;
        return std::make_unique<AdvisoryLock>(pg_, key, [this] { settle(); });
    }

    // Dropped here and made again before COMMIT (store/base/postgres_foreign_keys.h). Every
    // table stays locked until the transaction ends.
    void defer_foreign_keys() override {
        for (pg::ForeignKey& key : pg::drop_foreign_keys(*this))
            unchecked_keys_.push_back(std::move(key));
    }
    void continue_ids_after_copy(const std::string& table) override {
        Statement s(*this,
                    "SELECT setval(pg_get_serial_sequence(?, 'id'), max(id)) FROM \"" + table +
                        "\" HAVING max(id) IS NOT NULL AND pg_get_serial_sequence(?, 'id') IS "
                        "NOT NULL");
        s.bind(1, table);
        s.bind(2, table);
        s.step();
    }
    // Taken from the table's sequence a block at a time (each twice the last) while the shop's
    // write lock is held: changes follow one another, so ids still rise in the order they were
    // made (the ledger's order), and the rows need not be sent at once to learn them. What a
    // change leaves unused is skipped.
    std::vector<std::pair<std::string, std::string>> foreign_keys() override {
        Statement s(*this,
                    "SELECT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = "
                    "k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON "
                    "n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = "
                    "current_schema()");
        std::vector<std::pair<std::string, std::string>> keys;
        while (s.step())
            keys.emplace_back(s.column(0).text(), s.column(1).text());
        for (const pg::ForeignKey& key : unchecked_keys_)
            keys.emplace_back(key.table, key.refers_to);
        return keys;
    }
    std::vector<std::int64_t> take_ids(const std::string& table, std::size_t n) override {
        if (!write_locked_ || n == 0) return {};
        // What the store holds back (store/base/held_rows.h) stays held: these statements read
        // none of the shop's rows.
        before_paused_ = true;
        struct Resume {
            bool& paused;
            ~Resume() { paused = false; }
        } resume{before_paused_};
        if (!has_identity(table)) return {};
        IdBlock& block = id_blocks_[table];
        std::vector<std::int64_t> ids;
        ids.reserve(n);
        while (ids.size() < n) {
            if (block.next == block.ids.size()) {
                block.size = std::max(block.size * 2, n - ids.size());
                Statement s(*this, "SELECT nextval(?::regclass) FROM generate_series(1, ?)");
                s.bind(1, sequence_of(table));
                s.bind(2, static_cast<std::int64_t>(std::min(block.size, kMaxIdBlock)));
                block.ids.clear();
                block.next = 0;
                while (s.step())
                    block.ids.push_back(s.column(0).int64());
                if (block.ids.empty()) return {};
            }
            ids.push_back(block.ids[block.next++]);
        }
        return ids;
    }
    // Named once per connection: pg_get_serial_sequence for each id cost as much as the nextval.
    const std::string& sequence_of(const std::string& table) {
        auto it = sequences_.find(table);
        if (it != sequences_.end()) return it->second;
        Statement s(*this, "SELECT pg_get_serial_sequence(?, 'id')");
        s.bind(1, table);
        std::string name = s.step() ? s.column(0).text() : std::string();
        return sequences_.emplace(table, std::move(name)).first->second;
    }
    // Schema changes take locks of their own; the advisory lock keeps two stations that start
    // at once from upgrading side by side.
    std::string begin_migration() const override {
        return "BEGIN; SELECT pg_advisory_xact_lock(7234001)";
    }

    void announce_changes() override {
        const std::string missing =
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> "
            "'dj_schema_version' AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = "
            "c.oid AND t.tgname = 'dj_changed')";
        if (query_int64(missing) == 0) return;
        exec(begin_migration());
        try {
            exec(
                "CREATE OR REPLACE FUNCTION dj_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN PERFORM pg_notify('" +
                channel() + "', TG_TABLE_NAME); RETURN NULL; END $$");
            Statement tables(*this,
                             "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid "
                             "= c.relnamespace WHERE n.nspname = current_schema() AND "
                             "c.relkind = 'r' AND c.relname <> 'dj_schema_version'");
            std::vector<std::string> names;
            while (tables.step())
                names.push_back(tables.column(0).text());
            for (const std::string& table : names)
                exec("CREATE OR REPLACE TRIGGER dj_changed AFTER INSERT OR UPDATE OR DELETE ON \"" +
                     table + "\" FOR EACH STATEMENT EXECUTE FUNCTION dj_changed()");
            exec("COMMIT");
        } catch (...) {
            try_exec("ROLLBACK");
            throw;
        }
    }
    std::vector<std::string> wait_for_changes(int timeout_ms) override {
        if (!listening_) {
            exec("LISTEN " + channel());
            listening_ = true;
        }
        std::vector<std::string> tables = take_notifications();
        if (!tables.empty() || timeout_ms <= 0) return tables;
        const int socket = PQsocket(pg_);
        if (socket < 0) throw Error(Failure::cannot_open, trimmed(PQerrorMessage(pg_)));
        wait_readable(socket, timeout_ms);
        return take_notifications();
    }

    PGconn* pg() { return pg_; }
    // The server keeps a prepared statement until the connection ends: one per text and
    // parameter types, shared by every Statement of that text (a store function's short-lived
    // Statement would otherwise prepare it again each call and leave the old one behind). A
    // connection open for days with generated texts stays bounded: past the limit the server
    // forgets them all and they are prepared again as used.
    const std::string& prepared(const std::string& text, const std::vector<Oid>& types) {
        reconnect_if_lost();
        auto key = std::make_pair(text, types);
        auto it = prepared_.find(key);
        if (it != prepared_.end()) return it->second;
        if (prepared_.size() >= kMaxPrepared) {
            send_deferred();  // they name statements about to be forgotten
            Result r(PQexec(pg_, "DEALLOCATE ALL"));
            check(r.r);
            prepared_.clear();
        }
        std::string name = "dj" + std::to_string(++statements_);
        settle();
        Result r(PQprepare(pg_, name.c_str(), text.c_str(), static_cast<int>(types.size()),
                           types.data()));
        check(r.r);
        return prepared_.emplace(std::move(key), std::move(name)).first->second;
    }
    void set_today(const std::string& today) {
        reconnect_if_lost();
        if (today == today_) return;
        send_deferred();  // they ran for the date before
        const char* values[] = {today.c_str()};
        Result r(PQexecParams(pg_, "SELECT set_config('dj.today', $1, false)", 1, nullptr, values,
                              nullptr, nullptr, 0));
        check(r.r);
        today_ = today;
    }
    std::function<std::string()> today;

    // Runs `call` and returns its result: alone when nothing waits, else after what waits.
    Result run(const Call& call) { return waiting_.run(pg_, call, inserted()); }
    // Kept until a statement needs an answer; inside a transaction only, as then a failure
    // still undoes everything up to the BEGIN.
    void defer(Call call) {
        if (!in_transaction_) {
            Result r = run(call);
            check(r.r);
            count_inserted(call.inserts_into, r.r);
            return;
        }
        last_id.reset();
        if (waiting_.add(std::move(call), pg_)) send_deferred();
    }
    void send_deferred() {
        if (!waiting_.idle()) send_waiting(nullptr);
    }
    // Before a call the connection takes only outside pipeline mode.
    void settle() {
        if (waiting_.in_pipeline()) send_deferred();
    }
    // Queued with the changes waiting, in or out of a transaction: a read changes nothing.
    void prefetch(Call call) {
        if (waiting_.add(std::move(call), in_transaction_ ? pg_ : nullptr)) send_deferred();
    }
    void forget(const PgStatement* reader) { waiting_.forget(reader); }

    void check(const PGresult* r) { pg::check(pg_, r); }
    // A plan is made once per statement and connection, for what the statistics say then: made
    // on an empty shop it found an order by its number through any index starting with
    // store_id, and a 50,000-order import took minutes. The statistics autovacuum keeps come
    // after commits only, so each time this connection has added as many rows again to a table,
    // it analyzes it (its own uncommitted rows count) before the next statement that names it,
    // and the plans on it are made anew. Rows only added (a demo's waybills) are not analyzed.
    void count_inserted(const std::string& table, const PGresult* r) {
        if (table.empty()) return;
        Growth& g = growth_[table];
        g.inserted += changes(r);
        if (g.inserted < g.analyze_at) return;
        // Past some thousands of rows a plan's shape no longer changes with the count (the
        // planner scales the statistics by the table's size), and analyzing at each doubling
        // after that cost a 50,000-order import a second.
        g.analyze_at =
            g.inserted >= kLastAnalyzeAt ? std::numeric_limits<long long>::max() : g.inserted * 2;
        due_.insert(table);
    }
    // Before a statement that names a table due (other than an INSERT into it).
    void analyze_before(const std::string& text, const std::string& inserts_into) {
        if (due_.empty()) return;
        std::vector<std::string> now;
        for (const std::string& table : due_)
            if (table != inserts_into && names_table(text, table)) now.push_back(table);
        for (const std::string& table : now) {
            due_.erase(table);
            analyze(table);
        }
    }
    void analyze(const std::string& table) {
        send_deferred();  // the rows waiting count too
        // Only speed depends on it: a failure (another program analyzing it just then) must not
        // undo the change around it.
        const std::string analyze = "ANALYZE \"" + table + "\"";
        if (!in_transaction_) {
            PQclear(PQexec(pg_, analyze.c_str()));
            return;
        }
        Result savepoint(PQexec(pg_, "SAVEPOINT dj_analyze"));
        if (PQresultStatus(savepoint.r) != PGRES_COMMAND_OK) return;
        Result analyzed(PQexec(pg_, analyze.c_str()));
        if (PQresultStatus(analyzed.r) != PGRES_COMMAND_OK)
            PQclear(PQexec(pg_, "ROLLBACK TO SAVEPOINT dj_analyze"));
        PQclear(PQexec(pg_, "RELEASE SAVEPOINT dj_analyze"));
    }
    static int changes(const PGresult* r) { return pg::changes(r); }

  private:
    Result send_waiting(const Call* then) { return waiting_.send(pg_, then, inserted()); }
    pg::Pipeline::Inserted inserted() {
        return [this](const std::string& table, const PGresult* r) { count_inserted(table, r); };
    }

    std::string channel() const {
        lock_key("");
        return "dj_changes_" + std::to_string(*schema_oid_);
    }
    std::vector<std::string> take_notifications() {
        if (PQconsumeInput(pg_) == 0 || PQstatus(pg_) == CONNECTION_BAD)
            throw Error(Failure::cannot_open, trimmed(PQerrorMessage(pg_)));
        std::vector<std::string> tables;
        while (PGnotify* n = PQnotifies(pg_)) {
            tables.emplace_back(n->extra ? n->extra : "*");
            PQfreemem(n);
        }
        return tables;
    }

    // Advisory lock keys are per server database; a shop is a schema in it. The schema's oid in
    // the high half, the kind of work in the low half (0: the write lock).
    std::int64_t lock_key(const std::string& name) const {
        if (!schema_oid_)
            schema_oid_ = static_cast<std::uint32_t>(const_cast<PgConnection*>(this)->query_int64(
                "SELECT oid FROM pg_namespace WHERE nspname = current_schema()"));
        std::uint32_t low = 0;
        if (!name.empty()) {
            low = 2166136261u;  // FNV-1a
            for (unsigned char c : name)
                low = (low ^ c) * 16777619u;
            low |= 1u;
        }
        return static_cast<std::int64_t>((std::uint64_t{*schema_oid_} << 32) | low);
    }

    std::string url_;
    mutable std::optional<std::uint32_t> schema_oid_;
    PGconn* pg_ = nullptr;
    static constexpr std::size_t kMaxPrepared = 4000;
    // Changes waiting to be sent with the next statement that needs an answer.
    pg::Pipeline waiting_;
    bool write_locked_ = false;  // in a change holding the shop's write lock
    struct IdBlock {
        std::vector<std::int64_t> ids;
        std::size_t next = 0;
        std::size_t size = 8;
    };
    static constexpr std::size_t kMaxIdBlock = 4096;
    std::map<std::string, IdBlock> id_blocks_;      // per table, for the change under way
    std::vector<pg::ForeignKey> unchecked_keys_;    // dropped until COMMIT (defer_foreign_keys)
    std::map<std::string, std::string> sequences_;  // per table
    long statements_ = 0;
    std::map<std::pair<std::string, std::vector<Oid>>, std::string> prepared_;
    std::string today_;
    std::string session_;  // settings a new connection is given again
    bool listening_ = false;
    bool in_transaction_ = false;
    static constexpr long long kLastAnalyzeAt = 16000;
    struct Growth {
        long long inserted = 0;
        long long analyze_at = 1000;
    };
    std::map<std::string, Growth> growth_;  // tables this connection added rows to
    std::set<std::string> due_;             // to analyze before they are read
    std::optional<std::set<std::string>> identity_;
};

PgStatement::PgStatement(PgConnection& c, const std::string& sqlite_sql)
    : c_(c),
      sql_(to_postgres(sqlite_sql)),
      uses_today_(sqlite_sql.find("shop_today") != std::string::npos),
      inserts_into_(insert_target(sqlite_sql)),
      values_(sql_.parameter_names.size()),
      types_(initial_types(sql_)),
      formats_(sql_.parameter_names.size(), 0) {
    // The new row's id comes back with the INSERT rather than in a second round trip.
    returns_id_ = !inserts_into_.empty() && sql_.text.find(" RETURNING ") == std::string::npos &&
                  c_.has_identity(inserts_into_);
    if (returns_id_) sql_.text += " RETURNING id";
}

std::string PgStatement::ready() {
    c_.analyze_before(sql_.text, inserts_into_);
    if (uses_today_ && c_.today) c_.set_today(c_.today());
    return c_.prepared(sql_.text, types_);
}

void PgStatement::run() {
    c_.before_statement(false, sql_.text);
    Call call{.name = ready(), .values = values_, .formats = formats_};
    result_ = c_.run(call);
    row_ = -1;
    c_.check(result_.r);
    c_.count_inserted(inserts_into_, result_.r);
    if (returns_id_ && PQntuples(result_.r) > 0)
        c_.last_id = std::strtoll(PQgetvalue(result_.r, 0, 0), nullptr, 10);
    else if (!inserts_into_.empty() && !returns_id_)
        c_.last_id.reset();  // a table made after the shop's were read: lastval() knows
}

PgStatement::~PgStatement() {
    if (pending_) c_.forget(this);
}

void PgStatement::reset() {
    if (pending_) c_.forget(this);
    pending_ = false;
    result_ = Result();
    row_ = -1;
}

void PgStatement::prefetch() {
    c_.before_statement(false, sql_.text);
    reset();
    c_.prefetch({.name = ready(), .values = values_, .formats = formats_, .reader = this});
    pending_ = true;
}

bool PgStatement::step() {
    if (pending_) c_.send_deferred();
    if (!result_.r) run();
    ++row_;
    return row_ < PQntuples(result_.r);
}

int PgStatement::exec() {
    run();
    int changed = PgConnection::changes(result_.r);
    result_ = Result();
    return changed;
}

void PgStatement::exec_deferred() {
    c_.before_statement(false, sql_.text);
    result_ = Result();
    c_.defer(
        {.name = ready(), .values = values_, .formats = formats_, .inserts_into = inserts_into_});
}

// Before the first run the server describes what the statement would return.
const PGresult* PgStatement::shape() const {
    if (result_.r) return result_.r;
    if (!described_.r) {
        auto& self = const_cast<PgStatement&>(*this);
        const std::string name = c_.prepared(sql_.text, types_);
        c_.settle();
        self.described_ = Result(PQdescribePrepared(c_.pg(), name.c_str()));
        c_.check(described_.r);
    }
    return described_.r;
}

int PgStatement::column_count() const {
    return PQnfields(shape());
}

std::string PgStatement::column_name(int index) const {
    return PQfname(shape(), index);
}

Type PgStatement::column_type(int index) const {
    if (PQgetisnull(result_.r, row_, index)) return Type::null;
    switch (PQftype(result_.r, index)) {
        case kBool:
        case kInt2:
        case kInt4:
        case kInt8:
        case kOid:
            return Type::integer;
        case kFloat4:
        case kFloat8:
            return Type::real;
        case kNumeric:
            return std::string_view(cell(index)).find('.') == std::string_view::npos ? Type::integer
                                                                                     : Type::real;
        case kBytea:
            return Type::blob;
        default:
            return Type::text;
    }
}

std::int64_t PgStatement::column_int64(int index) const {
    if (PQgetisnull(result_.r, row_, index)) return 0;
    const char* v = cell(index);
    if (*v == 't') return 1;
    if (*v == 'f') return 0;
    if (PQftype(result_.r, index) == kFloat8 || PQftype(result_.r, index) == kFloat4)
        return static_cast<std::int64_t>(std::strtod(v, nullptr));
    return std::strtoll(v, nullptr, 10);
}

double PgStatement::column_real(int index) const {
    if (PQgetisnull(result_.r, row_, index)) return 0;
    return std::strtod(cell(index), nullptr);
}

std::string PgStatement::column_text(int index) const {
    if (PQgetisnull(result_.r, row_, index)) return {};
    if (PQftype(result_.r, index) == kBytea) {
        std::size_t n = 0;
        unsigned char* bytes =
            PQunescapeBytea(reinterpret_cast<const unsigned char*>(cell(index)), &n);
        std::string out(reinterpret_cast<const char*>(bytes), n);
        PQfreemem(bytes);
        return out;
    }
    return std::string(cell(index), static_cast<std::size_t>(PQgetlength(result_.r, row_, index)));
}

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& url, const PostgresOptions& options) {
    return std::make_unique<PgConnection>(url, options);
}

}  // namespace dj::sql
