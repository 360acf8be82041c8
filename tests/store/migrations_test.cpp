#include "store/base/migrations.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(new_database_gets_the_latest_schema_wal_and_foreign_keys) {
    test::TempDir dir;
    Database db(test::test_database(dir, "shop.db"), test::fixed_clock());
    BOOST_TEST(db.schema_version() == schema_migrations().back().version);
    if (!test::on_postgres()) {
        BOOST_TEST(testing::SqlProbe(db).text("PRAGMA journal_mode") == "wal");
        BOOST_TEST(testing::SqlProbe(db).integer("PRAGMA foreign_keys") == 1);
    }
    BOOST_TEST(testing::SqlProbe(db).table_exists("movement"));
    BOOST_TEST(testing::SqlProbe(db).table_exists("stock_balance"));
}

BOOST_AUTO_TEST_CASE(opening_again_changes_nothing) {
    test::TempDir dir;
    std::string before;
    {
        Database db(test::test_database(dir, "shop.db"), test::fixed_clock());
        testing::SqlProbe(db).exec("INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓')");
        before = test::dump_content(db);
    }
    Database again(test::test_database(dir, "shop.db"), test::fixed_clock());
    BOOST_TEST(test::dump_content(again) == before);
}

BOOST_AUTO_TEST_CASE(database_from_a_newer_version_is_refused_untouched) {
    test::TempDir dir;
    {
        Database db(test::test_database(dir, "shop.db"), test::fixed_clock());
        testing::SqlProbe(db).exec("INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓')");
        testing::SqlProbe(db).set_schema_version(99);
    }
    try {
        Database db(test::test_database(dir, "shop.db"), test::fixed_clock());
        BOOST_FAIL("a newer database was opened");
    } catch (const StorageError& e) {
        std::string what = e.what();
        BOOST_TEST(what.find("newer version") != std::string::npos);
        BOOST_TEST(what.find("99") != std::string::npos);
    }
    testing::SqlProbe raw(test::test_database(dir, "shop.db"));
    BOOST_TEST(raw.schema_version() == 99);
    BOOST_TEST(raw.text("SELECT name FROM warehouse") == "常州仓");
}

BOOST_AUTO_TEST_CASE(migrations_run_forward_in_order_each_once) {
    test::TempDir dir;
    testing::SqlProbe raw(test::test_database(dir, "m.db"), testing::SqlProbe::Open::create);
    std::vector<Migration> v1{{1, "CREATE TABLE a(x INTEGER)"}};
    raw.migrate(v1, "m.db");
    raw.exec("INSERT INTO a VALUES (7)");
    std::vector<Migration> v3{{1, "CREATE TABLE a(x INTEGER)"},
                              {2, "ALTER TABLE a ADD COLUMN y INTEGER DEFAULT 2"},
                              {3, "UPDATE a SET y = y * 10"}};
    raw.migrate(v3, "m.db");
    BOOST_TEST(raw.schema_version() == 3);
    BOOST_TEST(raw.integer("SELECT y FROM a") == 20);
    raw.migrate(v3, "m.db");  // nothing left to do
    BOOST_TEST(raw.integer("SELECT y FROM a") == 20);
}

BOOST_AUTO_TEST_CASE(failed_step_rolls_back_and_keeps_the_old_version) {
    test::TempDir dir;
    testing::SqlProbe raw(test::test_database(dir, "m.db"), testing::SqlProbe::Open::create);
    raw.migrate({{1, "CREATE TABLE a(x INTEGER)"}}, "m.db");
    std::vector<Migration> broken{{1, "CREATE TABLE a(x INTEGER)"},
                                  {2, "CREATE TABLE b(y INTEGER); CREATE TABLE a(z)"}};
    BOOST_CHECK_THROW(raw.migrate(broken, "m.db"), StorageError);
    BOOST_TEST(raw.schema_version() == 1);
    BOOST_TEST(!raw.table_exists("b"));
}

BOOST_AUTO_TEST_CASE(missing_file_is_not_created_when_an_existing_one_is_asked_for,
                     *boost::unit_test::precondition(test::file_only)) {
    test::TempDir dir;
    BOOST_CHECK_THROW(Database(dir.file("none.db"), test::fixed_clock(), Database::Mode::existing),
                      StorageError);
    BOOST_TEST(!std::filesystem::exists(dir.file("none.db")));
}

BOOST_AUTO_TEST_CASE(ledger_is_append_only) {
    test::TempDir dir;
    Database db(test::test_database(dir, "shop.db"), test::fixed_clock());
    testing::SqlProbe(db).exec("INSERT INTO warehouse(code, name) VALUES ('CZ', '常州仓')");
    testing::SqlProbe(db).exec("INSERT INTO sku(code, name) VALUES ('A', 'a')");
    testing::SqlProbe(db).exec(
        "INSERT INTO movement(at, kind, sku_id, warehouse_id, qty, unit_cost_fen, value_fen, "
        "operator, workstation) VALUES (1, 'receive', 1, 1, 5, 100, 500, 'u', 'w')");
    BOOST_CHECK_THROW(testing::SqlProbe(db).exec("UPDATE movement SET qty = 6"),
                      std::runtime_error);
    BOOST_CHECK_THROW(testing::SqlProbe(db).exec("DELETE FROM movement"), std::runtime_error);
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT qty FROM movement") == 5);
}

BOOST_AUTO_TEST_SUITE_END()
