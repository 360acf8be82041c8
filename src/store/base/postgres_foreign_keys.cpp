#include "store/base/postgres_foreign_keys.h"

#include "store/base/sql.h"

namespace dj::sql::pg {

std::vector<ForeignKey> drop_foreign_keys(Connection& db) {
    Statement keys(db,
                   "SELECT c.relname, p.relname, k.conname, pg_get_constraintdef(k.oid) FROM "
                   "pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON "
                   "p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                   "k.contype = 'f' AND n.nspname = current_schema() ORDER BY k.oid");
    std::vector<ForeignKey> found;
    while (keys.step()) {
        // Every key the schema makes is DEFERRABLE, which to_postgres adds again.
        std::string definition = keys.column(3).text();
        const std::string deferrable = " DEFERRABLE";
        if (definition.ends_with(deferrable))
            definition.resize(definition.size() - deferrable.size());
        found.push_back(
            {keys.column(0).text(), keys.column(1).text(), keys.column(2).text(), definition});
    }
    for (const ForeignKey& key : found)
        db.exec("ALTER TABLE \"" + key.table + "\" DROP CONSTRAINT \"" + key.name + "\"");
    return found;
}

void make_foreign_keys_again(Connection& db, const std::vector<ForeignKey>& keys) {
    Statement present(db,
                      "SELECT 1 FROM pg_constraint k JOIN pg_namespace n ON n.oid = "
                      "k.connamespace WHERE k.conname = ? AND n.nspname = current_schema()");
    for (const ForeignKey& key : keys) {
        present.reset();
        present.bind(1, key.name);
        if (present.step()) continue;
        db.exec("ALTER TABLE \"" + key.table + "\" ADD CONSTRAINT \"" + key.name + "\" " +
                key.definition);
    }
}

}  // namespace dj::sql::pg
