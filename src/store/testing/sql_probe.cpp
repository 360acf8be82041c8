#include "store/testing/sql_probe.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <sstream>
#include <stdexcept>

#include "store/base/database.h"
#include "store/base/migrations.h"
#include "store/base/sql_binding.h"

namespace dj::testing {

namespace {

SqlValue read(const SQLite::Column& c) {
    SqlValue v;
    if (c.isNull()) return v;
    if (c.isInteger()) return SqlValue(static_cast<long long>(c.getInt64()));
    if (c.isFloat()) return SqlValue(c.getDouble());
    if (c.isBlob()) {
        const char* p = static_cast<const char*>(c.getBlob());
        v.kind = SqlValue::Kind::blob;
        v.text.assign(p, p + c.getBytes());
        return v;
    }
    return SqlValue(c.getString());
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
    : own_(std::make_unique<SQLite::Database>(
          path, open == Open::create ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE
                                     : SQLite::OPEN_READWRITE)),
      db_(own_.get()) {
    db_->setBusyTimeout(5000);
}

SqlProbe::~SqlProbe() = default;

SQLite::Statement& SqlProbe::prepared(const std::string& sql, const std::vector<SqlValue>& params) {
    auto& s = statements_[sql];
    if (!s) s = std::make_unique<SQLite::Statement>(*db_, sql);
    s->reset();
    s->clearBindings();
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
                s->bind(at, p.text.data(), static_cast<int>(p.text.size()));
                break;
        }
    }
    return *s;
}

int SqlProbe::exec(const std::string& sql, const std::vector<SqlValue>& params) {
    if (params.empty()) return db_->exec(sql);
    SQLite::Statement& s = prepared(sql, params);
    int changed = s.exec();
    s.reset();
    return changed;
}

SqlValue SqlProbe::value(const std::string& sql, const std::vector<SqlValue>& params) {
    SQLite::Statement& s = prepared(sql, params);
    if (!s.executeStep()) throw std::runtime_error("no row from: " + sql);
    SqlValue v = read(s.getColumn(0));
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
    SQLite::Statement& s = prepared(sql, params);
    std::vector<SqlRow> out;
    while (s.executeStep()) {
        SqlRow row;
        for (int c = 0; c < s.getColumnCount(); ++c)
            row.push_back(read(s.getColumn(c)));
        out.push_back(std::move(row));
    }
    s.reset();
    return out;
}

std::vector<std::string> SqlProbe::columns(const std::string& sql) {
    SQLite::Statement s(*db_, sql);
    std::vector<std::string> out;
    for (int c = 0; c < s.getColumnCount(); ++c)
        out.push_back(s.getColumnName(c));
    return out;
}

bool SqlProbe::table_exists(const std::string& table) {
    return db_->tableExists(table);
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

}  // namespace dj::testing
