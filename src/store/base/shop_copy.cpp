#include "store/base/shop_copy.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {
namespace {

struct Table {
    std::string name;
    std::vector<std::string> columns;
    std::set<std::string> references;  // tables its foreign keys point at
};

// The shop file's tables, each after the tables it refers to, so every row's references are
// already there when it arrives.
std::vector<Table> tables_of(sql::Connection& file) {
    if (file.engine() != sql::Engine::sqlite)
        throw StorageError(tr("A shop is moved from a shop file; the source is not a file."));
    std::map<std::string, Table> tables;
    sql::Statement list(file,
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                        "'sqlite_%' ORDER BY name");
    while (list.step()) {
        Table t;
        t.name = list.column(0).text();
        tables.emplace(t.name, t);
    }
    for (auto& [name, t] : tables) {
        sql::Statement columns(file, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
        columns.bind(1, name);
        while (columns.step())
            t.columns.push_back(columns.column(0).text());
        sql::Statement keys(file, "SELECT \"table\" FROM pragma_foreign_key_list(?)");
        keys.bind(1, name);
        while (keys.step())
            if (keys.column(0).text() != name) t.references.insert(keys.column(0).text());
    }
    std::vector<Table> ordered;
    std::set<std::string> placed;
    std::function<void(const std::string&)> place = [&](const std::string& name) {
        if (placed.count(name) || !tables.count(name)) return;
        placed.insert(name);
        for (const std::string& r : tables[name].references)
            place(r);
        ordered.push_back(tables[name]);
    };
    for (const auto& [name, t] : tables)
        place(name);
    return ordered;
}

void refuse_a_shop(sql::Connection& to, const std::string& where) {
    for (const char* table : {"sku", "warehouse", "shop_store", "shop_order", "movement"})
        if (to.query_int64(std::string("SELECT count(*) FROM ") + table) > 0)
            throw StorageError(
                trf("{0} already holds a shop (it has {1}); nothing was copied. Move the shop "
                    "to a database that holds none.",
                    where, table));
}

long long copy_table(sql::Connection& from, sql::Connection& to, const Table& t,
                     Progress* progress) {
    std::string names, marks;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        names += (i ? ", " : "") + ("\"" + t.columns[i] + "\"");
        marks += i ? ", ?" : "?";
    }
    sql::Statement read(from, "SELECT " + names + " FROM \"" + t.name + "\" ORDER BY 1");
    sql::Statement write(to,
                         "INSERT INTO \"" + t.name + "\"(" + names + ") VALUES (" + marks + ")");
    long long rows = 0;
    while (read.step()) {
        if (progress && progress->cancel)
            throw Cancelled(tr("The move was stopped; nothing was copied."));
        for (int c = 0; c < static_cast<int>(t.columns.size()); ++c) {
            sql::Column v = read.column(c);
            switch (v.type()) {
                case sql::Type::null:
                    write.bind(c + 1);
                    break;
                case sql::Type::integer:
                    write.bind(c + 1, v.int64());
                    break;
                case sql::Type::real:
                    write.bind(c + 1, v.real());
                    break;
                case sql::Type::blob:
                    write.bind_blob(c + 1, v.text());
                    break;
                case sql::Type::text:
                    write.bind(c + 1, v.text());
                    break;
            }
        }
        write.exec();
        write.clear_bindings();
        ++rows;
        if (progress) ++progress->done;
    }
    return rows;
}

}  // namespace

std::vector<CopiedTable> copy_shop(Database& from, Database& to, Progress* progress) {
    sql::Connection& source = connection(from);
    sql::Connection& target = connection(to);
    if (from.schema_version() != to.schema_version())
        throw StorageError(
            trf("{0} is at schema {1} and {2} at schema {3}: open both with this "
                "program first.",
                from.path(), std::to_string(from.schema_version()), target.location(),
                std::to_string(to.schema_version())));
    std::vector<Table> tables = tables_of(source);
    if (progress) {
        long total = 0;
        for (const Table& t : tables)
            total +=
                static_cast<long>(source.query_int64("SELECT count(*) FROM \"" + t.name + "\""));
        progress->total = total;
    }
    std::vector<CopiedTable> copied;
    try {
        ReadTransaction snapshot(from);
        WriteTransaction tx(to);
        refuse_a_shop(target, target.location());
        tx.check_foreign_keys_at_commit();
        // What a new schema starts with (the default rules) makes way for the shop's own.
        for (auto t = tables.rbegin(); t != tables.rend(); ++t)
            target.exec("DELETE FROM \"" + t->name + "\"");
        for (const Table& t : tables) {
            copied.push_back({t.name, copy_table(source, target, t, progress)});
            if (std::find(t.columns.begin(), t.columns.end(), "id") != t.columns.end())
                target.continue_ids_after_copy(t.name);
        }
        tx.commit();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, trf("copying the shop to {0}", target.location()));
    }
    return copied;
}

}  // namespace dj
