#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/base/database_location.h"
#include "store/base/sql.h"

namespace dj::sql {

struct PostgresOptions {
    // Empty: libpq looks in PGPASSFILE (~/.pgpass) and PGPASSWORD.
    std::string password;
    // The shop's date by the program's clock, for the SQL function shop_today().
    std::function<std::string()> today;
    // How long a change waits for another station's before it gives up (lock_timeout).
    int busy_timeout_ms = 15000;
};

// A shop on a PostgreSQL server. Throws Error (cannot_open) saying what the server answered.
std::unique_ptr<Connection> open_postgres(const std::string& url,
                                          const PostgresOptions& options = {});

}  // namespace dj::sql
