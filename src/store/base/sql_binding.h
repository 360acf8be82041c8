#pragma once

#include <cstdint>
#include <optional>

#include "store/base/sql.h"

namespace dj {

class Database;

// The connection under a shop database: for the store's own repositories only.
sql::Connection& connection(Database& db);

// An optional id or time as SQL NULL.
inline void bind_optional(sql::Statement& s, int index, const std::optional<std::int64_t>& v) {
    if (v)
        s.bind(index, static_cast<int64_t>(*v));
    else
        s.bind(index);
}

inline std::optional<std::int64_t> read_optional(const sql::Column& c) {
    if (c.is_null()) return std::nullopt;
    return c.int64();
}

}  // namespace dj
