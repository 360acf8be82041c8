#include "store/testing/sql_probe.h"

#include <sstream>
#include <stdexcept>

#include "store/base/database.h"
#include "store/base/database_location.h"
#include "store/base/migrations.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"
#include "store/base/sqlite_connection.h"
#ifdef DJ_HAVE_POSTGRES
#include "store/base/postgres_connection.h"
#endif

namespace dj::testing {

namespace {

sql::SqliteOptions probe_options(SqlProbe::Open open) {
    sql::SqliteOptions options;
    options.create = open == SqlProbe::Open::create;
    options.busy_timeout_ms = 5000;
    return options;
}

std::unique_ptr<sql::Connection> open_server(const std::string& url) {
#ifdef DJ_HAVE_POSTGRES
    return sql::open_postgres(url);
#else
    throw std::runtime_error("built without PostgreSQL: " + url);
#endif
}

SqlValue read(const sql::Column& c) {
    SqlValue v;
    if (c.is_null()) return v;
    switch (c.type()) {
        case sql::Type::integer:
            return SqlValue(static_cast<long long>(c.int64()));
        case sql::Type::real:
            return SqlValue(c.real());
        case sql::Type::blob:
            v.kind = SqlValue::Kind::blob;
            v.text = c.text();
            return v;
        default:
            return SqlValue(c.text());
    }
}

}  // namespace

std::string SqlValue::str() const {
    switch (kind) {
        case Kind::null:
            return "NULL";
        case Kind::integer:
            return std::to_string(integer);
        case Kind::real: {
            std::ostringstream s;
            s.precision(17);
            s << real;
            return s.str();
        }
        case Kind::text:
        case Kind::blob:
            return text;
    }
    return {};
}

SqlProbe::SqlProbe(Database& db) : db_(&connection(db)) {}

SqlProbe::SqlProbe(const std::string& path, Open open)
    : own_(sql::is_postgres_url(path) ? open_server(path)
                                      : sql::open_sqlite(path, probe_options(open))),
      db_(own_.get()) {}

int SqlProbe::schema_version() {
    return db_->schema_version();
}

void SqlProbe::set_schema_version(int version) {
    db_->set_schema_version(version);
}

SqlProbe::~SqlProbe() = default;

sql::Statement& SqlProbe::prepared(const std::string& sql, const std::vector<SqlValue>& params) {
    auto& s = statements_[sql];
    if (!s) s = std::make_unique<sql::Statement>(*db_, sql);
    s->reset();
    s->clear_bindings();
    for (std::size_t i = 0; i < params.size(); ++i) {
        const SqlValue& p = params[i];
        int at = static_cast<int>(i) + 1;
        switch (p.kind) {
            case SqlValue::Kind::null:
                s->bind(at);
                break;
            case SqlValue::Kind::integer:
                s->bind(at, static_cast<int64_t>(p.integer));
                break;
            case SqlValue::Kind::real:
                s->bind(at, p.real);
                break;
            case SqlValue::Kind::text:
                s->bind(at, p.text);
                break;
            case SqlValue::Kind::blob:
                s->bind_blob(at, p.text);
                break;
        }
    }
    return *s;
}

int SqlProbe::exec(const std::string& sql, const std::vector<SqlValue>& params) {
    if (params.empty()) return db_->exec(sql);
    sql::Statement& s = prepared(sql, params);
    int changed = s.exec();
    s.reset();
    return changed;
}

void SqlProbe::exec_deferred(const std::string& sql, const std::vector<SqlValue>& params) {
    sql::Statement& s = prepared(sql, params);
    s.exec_deferred();
    s.reset();
}

SqlValue SqlProbe::value(const std::string& sql, const std::vector<SqlValue>& params) {
    sql::Statement& s = prepared(sql, params);
    if (!s.step()) throw std::runtime_error("no row from: " + sql);
    SqlValue v = read(s.column(0));
    s.reset();
    return v;
}

std::int64_t SqlProbe::integer(const std::string& sql, const std::vector<SqlValue>& params) {
    SqlValue v = value(sql, params);
    if (v.kind == SqlValue::Kind::integer) return v.integer;
    if (v.kind == SqlValue::Kind::real) return static_cast<std::int64_t>(v.real);
    if (v.kind == SqlValue::Kind::null) return 0;
    return std::stoll(v.text);
}

std::string SqlProbe::text(const std::string& sql, const std::vector<SqlValue>& params) {
    SqlValue v = value(sql, params);
    return v.is_null() ? std::string() : v.str();
}

std::vector<SqlRow> SqlProbe::rows(const std::string& sql, const std::vector<SqlValue>& params) {
    sql::Statement& s = prepared(sql, params);
    std::vector<SqlRow> out;
    while (s.step()) {
        SqlRow row;
        for (int c = 0; c < s.column_count(); ++c)
            row.push_back(read(s.column(c)));
        out.push_back(std::move(row));
    }
    s.reset();
    return out;
}

std::vector<std::string> SqlProbe::columns(const std::string& sql) {
    sql::Statement s(*db_, sql);
    std::vector<std::string> out;
    for (int c = 0; c < s.column_count(); ++c)
        out.push_back(s.column_name(c));
    return out;
}

bool SqlProbe::table_exists(const std::string& table) {
    return db_->table_exists(table);
}

void SqlProbe::migrate(const std::vector<Migration>& steps, const std::string& path) {
    run_migrations(*db_, steps, path);
}

void SqlStatement::bind(int index, SqlValue v) {
    if (index < 1) throw std::invalid_argument("SQL parameters count from 1");
    if (params_.size() < static_cast<std::size_t>(index)) params_.resize(index);
    params_[index - 1] = std::move(v);
}

int SqlStatement::exec() {
    int changed = probe_.exec(sql_, params_);
    params_.clear();
    return changed;
}

void SqlStatement::exec_deferred() {
    probe_.exec_deferred(sql_, params_);
    params_.clear();
}

}  // namespace dj::testing
