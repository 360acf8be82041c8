#pragma once

#include <string>
#include <vector>

namespace dj::sql {
class Connection;
}

namespace dj {

struct Migration {
    int version = 0;
    const char* sql = nullptr;
};

// The schema's history, oldest first. Versions only ever grow; a shipped migration is never
// edited, a change is a new one.
const std::vector<Migration>& schema_migrations();

// Refuses (StorageError) a database written by a newer program, before anything touches it.
void refuse_newer_schema(sql::Connection& db, const std::vector<Migration>& migrations,
                         const std::string& path);

// Brings the database to the newest version of `migrations`, each step in its own transaction.
// Refuses (StorageError) a database written by a newer program.
void run_migrations(sql::Connection& db, const std::vector<Migration>& migrations,
                    const std::string& path);

inline void refuse_newer_schema(sql::Connection& db, const std::string& path) {
    refuse_newer_schema(db, schema_migrations(), path);
}

inline void migrate(sql::Connection& db, const std::string& path) {
    run_migrations(db, schema_migrations(), path);
}

}  // namespace dj
