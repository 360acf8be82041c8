#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>

namespace dj {

class Database;

// The connection under a shop database: for the store's own repositories only.
SQLite::Database& connection(Database& db);

// An optional id or time as SQL NULL.
inline void bind_optional(SQLite::Statement& s, int index, const std::optional<std::int64_t>& v) {
    if (v)
        s.bind(index, static_cast<int64_t>(*v));
    else
        s.bind(index);
}

inline std::optional<std::int64_t> read_optional(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}

}  // namespace dj
