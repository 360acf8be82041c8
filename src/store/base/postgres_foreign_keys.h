#pragma once

#include <string>
#include <vector>

namespace dj::sql {
class Connection;
}

namespace dj::sql::pg {

// A foreign key of the shop's schema, with what it takes to make it again.
struct ForeignKey {
    std::string table, refers_to, name, definition;
};

// Every foreign key of the connection's schema, dropped inside its transaction: PostgreSQL
// checks a key with a query per row even when deferred, a third of the server's work when a
// shop is filled, so a change that fills one drops them and makes them again before COMMIT.
std::vector<ForeignKey> drop_foreign_keys(Connection& db);
// Makes `keys` again, each checked by one query over its table (as pg_restore does); a key a
// savepoint rolled back since has brought back already is left as it is.
void make_foreign_keys_again(Connection& db, const std::vector<ForeignKey>& keys);

}  // namespace dj::sql::pg
