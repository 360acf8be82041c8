#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/base/sql.h"

// The store writes SQL once, in SQLite's dialect; what PostgreSQL needs instead is said here and
// only here.
namespace dj::sql {

struct PostgresSql {
    std::string text;
    // The name of each $n parameter in order ("" where the statement wrote '?'); a name used
    // twice is one parameter.
    std::vector<std::string> parameter_names;
    // Whether the text names each parameter: SQLite lets '?3' skip '?2', PostgreSQL must be told
    // a type for a parameter it never sees.
    std::vector<bool> referenced;
};

// Rewrites a statement (or a script of them) for PostgreSQL: '?' and ':name' as $n,
// ifnull/group_concat/total/char and the two-argument max/min as PostgreSQL spells them, the
// schema's types (INTEGER is 64-bit, an INTEGER PRIMARY KEY an identity), and SQLite's
// RAISE(ABORT) triggers as trigger functions. Text inside quotes is left alone.
PostgresSql to_postgres(std::string_view sqlite_sql);

// `sql` names `table` as a whole word (or quoted): what a statement may read or change.
bool names_table(std::string_view sql, std::string_view table);

// "YYYY-MM-DD" `days` days after the date `date` ("YYYY-MM-DD"): the shop date arithmetic both
// engines' shop_today_plus() do.
std::string add_days(const std::string& date, long long days);

// The calendar month ("YYYY-MM", UTC) of a Unix time expression.
std::string month_of_unix_time(Engine engine, const std::string& expression);

}  // namespace dj::sql
