#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/base/sql.h"

namespace dj::sql {

struct SqliteOptions {
    bool create = true;  // make the file when it is missing
    int busy_timeout_ms = 15000;
    // The shop's date by the program's clock, for the SQL function shop_today(); none: no
    // such function (a test's probe of a file).
    std::function<std::string()> today;
};

// A SQLite file. Throws Error when it cannot be opened.
std::unique_ptr<Connection> open_sqlite(const std::string& path, const SqliteOptions& options);

}  // namespace dj::sql
