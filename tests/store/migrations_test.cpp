#include "store/base/migrations.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(new_database_gets_the_latest_schema_wal_and_foreign_keys) {
    test::TempDir dir;
    Database db(dir.file("shop.db"), test::fixed_clock());
    BOOST_TEST(db.schema_version() == schema_migrations().back().version);
    BOOST_TEST(db.sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    BOOST_TEST(db.sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    BOOST_TEST(db.sql().tableExists("movement"));
    BOOST_TEST(db.sql().tableExists("stock_balance"));
}

BOOST_AUTO_TEST_CASE(opening_again_changes_nothing) {
    test::TempDir dir;
    std::string before;
    {
        Database db(dir.file("shop.db"), test::fixed_clock());
        db.sql().exec("INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓')");
        before = test::dump_content(db);
    }
    Database again(dir.file("shop.db"), test::fixed_clock());
    BOOST_TEST(test::dump_content(again) == before);
}

BOOST_AUTO_TEST_CASE(database_from_a_newer_version_is_refused_untouched) {
    test::TempDir dir;
    {
        Database db(dir.file("shop.db"), test::fixed_clock());
        db.sql().exec("INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓')");
        db.sql().exec("PRAGMA user_version = 99");
    }
    try {
        Database db(dir.file("shop.db"), test::fixed_clock());
        BOOST_FAIL("a newer database was opened");
    } catch (const StorageError& e) {
        std::string what = e.what();
        BOOST_TEST(what.find("newer version") != std::string::npos);
        BOOST_TEST(what.find("99") != std::string::npos);
    }
    SQLite::Database raw(dir.file("shop.db"));
    BOOST_TEST(raw.execAndGet("PRAGMA user_version").getInt() == 99);
    BOOST_TEST(raw.execAndGet("SELECT name FROM warehouse").getString() == "常州仓");
}

BOOST_AUTO_TEST_CASE(migrations_run_forward_in_order_each_once) {
    test::TempDir dir;
    SQLite::Database raw(dir.file("m.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::vector<Migration> v1{{1, "CREATE TABLE a(x INTEGER)"}};
    run_migrations(raw, v1, "m.db");
    raw.exec("INSERT INTO a VALUES (7)");
    std::vector<Migration> v3{{1, "CREATE TABLE a(x INTEGER)"},
                              {2, "ALTER TABLE a ADD COLUMN y INTEGER DEFAULT 2"},
                              {3, "UPDATE a SET y = y * 10"}};
    run_migrations(raw, v3, "m.db");
    BOOST_TEST(raw.execAndGet("PRAGMA user_version").getInt() == 3);
    BOOST_TEST(raw.execAndGet("SELECT y FROM a").getInt() == 20);
    run_migrations(raw, v3, "m.db");  // nothing left to do
    BOOST_TEST(raw.execAndGet("SELECT y FROM a").getInt() == 20);
}

BOOST_AUTO_TEST_CASE(failed_step_rolls_back_and_keeps_the_old_version) {
    test::TempDir dir;
    SQLite::Database raw(dir.file("m.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    run_migrations(raw, {{1, "CREATE TABLE a(x INTEGER)"}}, "m.db");
    std::vector<Migration> broken{{1, "CREATE TABLE a(x INTEGER)"},
                                  {2, "CREATE TABLE b(y INTEGER); CREATE TABLE a(z)"}};
    BOOST_CHECK_THROW(run_migrations(raw, broken, "m.db"), StorageError);
    BOOST_TEST(raw.execAndGet("PRAGMA user_version").getInt() == 1);
    BOOST_TEST(!raw.tableExists("b"));
}

BOOST_AUTO_TEST_CASE(missing_file_is_not_created_when_an_existing_one_is_asked_for) {
    test::TempDir dir;
    BOOST_CHECK_THROW(Database(dir.file("none.db"), test::fixed_clock(), Database::Mode::existing),
                      StorageError);
    BOOST_TEST(!std::filesystem::exists(dir.file("none.db")));
}

BOOST_AUTO_TEST_CASE(ledger_is_append_only) {
    test::TempDir dir;
    Database db(dir.file("shop.db"), test::fixed_clock());
    db.sql().exec("INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓')");
    db.sql().exec("INSERT INTO sku(code, name) VALUES ('A', 'a')");
    db.sql().exec(
        "INSERT INTO movement(at, kind, sku_id, warehouse_id, qty, unit_cost_fen, value_fen, "
        "operator, workstation) VALUES (1, 'receive', 1, 1, 5, 100, 500, 'u', 'w')");
    BOOST_CHECK_THROW(db.sql().exec("UPDATE movement SET qty = 6"), SQLite::Exception);
    BOOST_CHECK_THROW(db.sql().exec("DELETE FROM movement"), SQLite::Exception);
    BOOST_TEST(db.sql().execAndGet("SELECT qty FROM movement").getInt() == 5);
}

BOOST_AUTO_TEST_SUITE_END()
