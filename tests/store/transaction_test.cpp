#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/base/error.h"
#include "ops/change_feed.h"
#include "store/base/audit_log.h"
#include "store/base/batch_insert.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/stock/sku_scope.h"
#include "store/stock/stock_observers.h"
#include "store/stock/stock_posting.h"
#include "store/testing/sql_probe.h"
#include "test_clock.h"
#include "test_db.h"

using namespace dj;

namespace {

struct Db {
    test::TempDir dir;
    Database db{test::test_database(dir, "shop.db"), test::fixed_clock()};
    Db() { testing::SqlProbe(db).exec("CREATE TABLE t(v INTEGER)"); }
    int rows() { return testing::SqlProbe(db).integer("SELECT count(*) FROM t"); }
    void insert(int v) {
        testing::SqlProbe(db).exec("INSERT INTO t VALUES (" + std::to_string(v) + ")");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(transactions, Db)

BOOST_AUTO_TEST_CASE(inner_transaction_joins_the_outer_one) {
    {
        WriteTransaction outer(db);
        insert(1);
        {
            WriteTransaction inner(db);
            insert(2);
            inner.commit();
        }
        {
            WriteTransaction failed(db);
            insert(3);
        }  // rolls back its own part only
        BOOST_TEST(rows() == 2);
    }  // the use case failed: everything goes
    BOOST_TEST(rows() == 0);
    BOOST_TEST(!db.in_transaction());

    WriteTransaction outer(db);
    {
        WriteTransaction inner(db);
        insert(4);
        inner.commit();
    }
    outer.commit();
    BOOST_TEST(rows() == 1);
}

BOOST_AUTO_TEST_CASE(after_commit_waits_for_the_outermost_commit) {
    int ran = 0;
    {
        WriteTransaction outer(db);
        {
            WriteTransaction inner(db);
            db.after_commit([&] { ++ran; });
            inner.commit();
        }
        BOOST_TEST(ran == 0);
        {
            WriteTransaction dropped(db);
            db.after_commit([&] { ran += 100; });
        }
        outer.commit();
    }
    BOOST_TEST(ran == 1);
    {
        WriteTransaction rolled_back(db);
        db.after_commit([&] { ++ran; });
    }
    BOOST_TEST(ran == 1);
    db.after_commit([&] { ++ran; });  // nothing open: at once
    BOOST_TEST(ran == 2);
}

BOOST_AUTO_TEST_CASE(a_failing_follow_up_leaves_the_change_committed) {
    {
        WriteTransaction tx(db);
        insert(1);
        db.after_commit([] { throw std::runtime_error("alert check failed"); });
        tx.commit();
    }
    BOOST_TEST(rows() == 1);
    BOOST_TEST(!db.in_transaction());
}

// A change filling an empty shop checks its foreign keys once at COMMIT (on a server the keys
// are dropped and made again over whole tables): a row referring to nothing fails the whole
// change and keeps nothing, and afterwards every key is back as it was.
BOOST_AUTO_TEST_CASE(a_fill_checks_its_foreign_keys_at_commit) {
    testing::SqlProbe probe(db);
    const std::string barcode = "INSERT INTO sku_barcode(barcode, sku_id) VALUES (?, ?)";
    const std::string sku = "INSERT INTO sku(id, code, name) VALUES (?, ?, 'tea')";
    {
        WriteTransaction tx(db);
        tx.check_foreign_keys_at_commit();
        probe.exec(barcode, {std::string("690001"), 41});  // its SKU comes later
        probe.exec(sku, {41, std::string("TEA-41")});
        {
            WriteTransaction undone(db);
            probe.exec(barcode, {std::string("690002"), 42});
        }
        tx.commit();
    }
    BOOST_TEST(probe.integer("SELECT count(*) FROM sku_barcode") == 1);
    {
        WriteTransaction tx(db);
        tx.check_foreign_keys_at_commit();
        probe.exec(sku, {43, std::string("TEA-43")});
        probe.exec(barcode, {std::string("690003"), 44});
        BOOST_CHECK_THROW(tx.commit(), StorageError);
    }
    BOOST_TEST(probe.integer("SELECT count(*) FROM sku WHERE id = 43") == 0);
    BOOST_TEST(probe.integer("SELECT count(*) FROM sku_barcode") == 1);
    // Checked row by row again, with what each key does on delete.
    BOOST_CHECK_THROW(probe.exec(barcode, {std::string("690004"), 44}), sql::Error);
    probe.exec("DELETE FROM sku WHERE id = ?", {41});
    BOOST_TEST(probe.integer("SELECT count(*) FROM sku_barcode") == 0);
    {
        WriteTransaction inner(db);
        WriteTransaction nested(db);
        BOOST_CHECK_THROW(nested.check_foreign_keys_at_commit(), std::logic_error);
    }
}

// Two workstations on one shop: each change reads what the one before it committed, so two
// "read, then write one more" changes never both read the same value (no lost update).
BOOST_AUTO_TEST_CASE(a_second_station_change_waits_and_reads_the_first_ones_commit) {
    Database other(test::test_database(dir, "shop.db"), test::fixed_clock());
    auto next_value = [](Database& d) {
        return testing::SqlProbe(d).integer("SELECT coalesce(max(v), 0) + 1 FROM t");
    };
    std::thread second;
    int second_wrote = 0;
    {
        WriteTransaction first(db);
        const int v = static_cast<int>(next_value(db));
        insert(v);
        second = std::thread([&] {
            WriteTransaction tx(other);
            second_wrote = static_cast<int>(next_value(other));
            testing::SqlProbe(other).exec("INSERT INTO t VALUES (" + std::to_string(second_wrote) +
                                          ")");
            tx.commit();
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        first.commit();
    }
    second.join();
    BOOST_TEST(second_wrote == 2);
    BOOST_TEST(testing::SqlProbe(db).text("SELECT group_concat(v) FROM (SELECT v FROM t ORDER "
                                          "BY v) AS ordered") == "1,2");
}

BOOST_AUTO_TEST_CASE(a_change_held_up_too_long_gives_up_saying_so) {
    Database other(test::test_database(dir, "shop.db"), test::fixed_clock(),
                   Database::Mode::existing, 300);
    WriteTransaction holding(db);
    insert(1);
    std::string said;
    try {
        WriteTransaction tx(other);
        testing::SqlProbe(other).exec("INSERT INTO t VALUES (2)");
        tx.commit();
    } catch (const StorageError& e) {
        said = e.what();
    }
    BOOST_TEST(said.find("locked too long") != std::string::npos, said);
    holding.commit();
    BOOST_TEST(rows() == 1);
}

// Sending the outbox, syncing a store: one program of the shop at a time, on this computer or
// another workstation.
BOOST_AUTO_TEST_CASE(a_kind_of_work_is_held_by_one_program_at_a_time) {
    Database other(test::test_database(dir, "shop.db"), test::fixed_clock());
    std::unique_ptr<ShopLock> sending = db.try_lock("outbox");
    BOOST_TEST_REQUIRE(sending != nullptr);
    BOOST_TEST(other.try_lock("outbox") == nullptr);
    BOOST_TEST(other.try_lock("sync-1") != nullptr);
    sending.reset();
    BOOST_TEST(other.try_lock("outbox") != nullptr);
}

// Another workstation's window hears a change within seconds, without F5: the latency from a
// commit on one connection to the event on another.
BOOST_AUTO_TEST_CASE(a_change_committed_elsewhere_reaches_the_feed) {
    std::mutex m;
    std::condition_variable cv;
    std::vector<std::string> heard;
    bool connected = false;
    ops::ChangeFeed::Handlers handlers;
    handlers.changed = [&](const std::vector<std::string>& tables) {
        std::lock_guard lock(m);
        heard.insert(heard.end(), tables.begin(), tables.end());
        cv.notify_all();
    };
    handlers.connection = [&](bool up, const std::string&) {
        std::lock_guard lock(m);
        connected = up;
        cv.notify_all();
    };
    ops::ChangeFeed feed(test::test_database(dir, "shop.db"), test::fixed_clock(), handlers);
    {
        std::unique_lock lock(m);
        BOOST_TEST_REQUIRE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return connected; }));
        heard.clear();
    }
    const auto written = std::chrono::steady_clock::now();
    {
        WriteTransaction tx(db);
        audit(db, test::test_actor(), "test.change", "elsewhere");
        tx.commit();
    }
    std::unique_lock lock(m);
    BOOST_TEST_REQUIRE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return !heard.empty(); }));
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - written)
            .count();
    BOOST_TEST_MESSAGE("a commit reached the other connection's feed in " << ms << " ms");
    const std::string expected = test::on_postgres() ? "audit_log" : "*";
    BOOST_TEST((std::find(heard.begin(), heard.end(), expected) != heard.end()));
}

// Bulk work (the demo, a sync page, a big document) writes a chunk of rows per statement, and
// each row still learns its id, in order. On a server the 1,500 rows pass the point where the
// connection analyzes the growing table inside the open transaction: the change stays whole.
BOOST_AUTO_TEST_CASE(many_rows_go_a_chunk_at_a_time_and_each_learns_its_id) {
    testing::SqlProbe(db).exec("CREATE TABLE b(id INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
    testing::SqlProbe(db).exec("INSERT INTO b(v) VALUES (-1)");
    std::vector<std::int64_t> ids;
    {
        WriteTransaction tx(db);
        BatchInsert insert(db, "b", {"v"});
        ids = insert.insert(1500, [](sql::Statement& s, int first, std::size_t row) {
            s.bind(first, static_cast<std::int64_t>(row * 3));
        });
        BOOST_TEST(insert.insert(0, {}).empty());
        tx.commit();
    }
    std::vector<testing::SqlRow> rows =
        testing::SqlProbe(db).rows("SELECT id, v FROM b WHERE v >= 0 ORDER BY v");
    BOOST_TEST_REQUIRE(rows.size() == 1500u);
    BOOST_TEST_REQUIRE(ids.size() == 1500u);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        BOOST_TEST(rows[i][0].integer == ids[i]);
        BOOST_TEST(rows[i][1].integer == static_cast<std::int64_t>(i * 3));
    }
    BOOST_TEST(ids.front() > testing::SqlProbe(db).integer("SELECT id FROM b WHERE v = -1"));
    // The next change's rows come after every row of this one (the ledger's order), and a row
    // added without BatchInsert meanwhile is numbered apart from them.
    std::vector<std::int64_t> later;
    {
        WriteTransaction tx(db);
        BatchInsert insert(db, "b", {"v"});
        later = insert.insert(3, [](sql::Statement& s, int first, std::size_t) {
            s.bind(first, static_cast<std::int64_t>(7));
        });
        testing::SqlProbe(db).exec("INSERT INTO b(v) VALUES (8)");
        std::vector<std::int64_t> more =
            insert.insert(2, [](sql::Statement& s, int first, std::size_t) {
                s.bind(first, static_cast<std::int64_t>(9));
            });
        later.insert(later.end(), more.begin(), more.end());
        tx.commit();
    }
    BOOST_TEST(later.front() > ids.back());
    BOOST_TEST(std::is_sorted(later.begin(), later.end()));
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT count(DISTINCT id) FROM b") == 1507);
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT count(*) FROM b WHERE v = 9 AND id IN (" +
                                             std::to_string(later[3]) + ", " +
                                             std::to_string(later[4]) + ")") == 2);
}

// Changes whose outcome is not read may wait for the next statement that needs an answer (a
// server sends them together): they keep their order, their savepoints and their transaction.
BOOST_AUTO_TEST_CASE(changes_sent_later_keep_their_order_and_savepoints) {
    testing::SqlProbe probe(db);
    {
        WriteTransaction outer(db);
        probe.exec_deferred("INSERT INTO t VALUES (?)", {1});
        {
            WriteTransaction undone(db);
            probe.exec_deferred("INSERT INTO t VALUES (?)", {2});
        }
        {
            WriteTransaction inner(db);
            probe.exec_deferred("INSERT INTO t VALUES (?)", {3});
            inner.commit();
        }
        {
            // Nothing waits when it opens: its savepoint goes with the count, and is undone.
            WriteTransaction undone(db);
            probe.exec_deferred("INSERT INTO t VALUES (?)", {4});
            BOOST_TEST(probe.integer("SELECT count(*) FROM t") == 3);
        }
        {
            WriteTransaction undone(db);  // never reaches a server
        }
        probe.exec_deferred("UPDATE t SET v = v * 10 WHERE v = ?", {3});
        outer.commit();
    }
    std::vector<testing::SqlRow> kept = probe.rows("SELECT v FROM t ORDER BY v");
    BOOST_TEST_REQUIRE(kept.size() == 2u);
    BOOST_TEST(kept[0][0].integer == 1);
    BOOST_TEST(kept[1][0].integer == 30);
    {
        WriteTransaction undone(db);
        probe.exec_deferred("INSERT INTO t VALUES (?)", {5});
    }
    BOOST_TEST(rows() == 2);
}

BOOST_AUTO_TEST_CASE(a_change_sent_later_that_fails_fails_its_savepoint_or_transaction) {
    testing::SqlProbe probe(db);
    probe.exec("CREATE TABLE c(v INTEGER CHECK (v > 0))");
    bool failed = false;
    try {
        WriteTransaction tx(db);
        probe.exec_deferred("INSERT INTO c VALUES (?)", {1});
        probe.exec_deferred("INSERT INTO c VALUES (?)", {-1});
        probe.exec_deferred("INSERT INTO c VALUES (?)", {2});
        tx.commit();
    } catch (const std::exception&) {
        failed = true;
    }
    BOOST_TEST(failed);
    BOOST_TEST(probe.integer("SELECT count(*) FROM c") == 0);

    failed = false;
    {
        WriteTransaction outer(db);
        probe.exec_deferred("INSERT INTO c VALUES (?)", {5});
        try {
            WriteTransaction inner(db);
            probe.exec_deferred("INSERT INTO c VALUES (?)", {-5});
            inner.commit();
        } catch (const std::exception&) {
            failed = true;
        }
        probe.exec_deferred("INSERT INTO c VALUES (?)", {6});
        outer.commit();
    }
    BOOST_TEST(failed);
    BOOST_TEST(probe.integer("SELECT sum(v) FROM c") == 11);
}

// Inside a change a server is sent waiting changes ahead as they are made, before any answer is
// needed: a savepoint undone after them undoes them, a failure among them still fails only its
// savepoint, and a lock let go or a new query meanwhile finds the connection ready for it.
BOOST_AUTO_TEST_CASE(changes_sent_ahead_still_keep_savepoints_and_failures) {
    testing::SqlProbe probe(db);
    probe.exec("CREATE TABLE c(v INTEGER CHECK (v > 0))");
    auto add = [&](int first, int n, int failing = 0) {
        for (int v = first; v < first + n; ++v)
            probe.exec_deferred("INSERT INTO c VALUES (?)", {v == failing ? -v : v});
    };
    Database other(test::test_database(dir, "shop.db"), test::fixed_clock());
    bool failed = false;
    {
        WriteTransaction outer(db);
        add(1, 40);
        {
            WriteTransaction undone(db);
            add(100, 40);
        }
        try {
            WriteTransaction inner(db);
            add(200, 40, 220);
            inner.commit();
        } catch (const std::exception&) {
            failed = true;
        }
        {
            std::unique_ptr<ShopLock> held = db.try_lock("ahead");
            BOOST_TEST_REQUIRE(held != nullptr);
            add(300, 40);
        }
        BOOST_TEST(other.try_lock("ahead") != nullptr);
        add(400, 40);
        BOOST_TEST(probe.integer("SELECT count(*) FROM c WHERE v > 0 AND v < 1000") == 120);
        outer.commit();
    }
    BOOST_TEST(failed);
    BOOST_TEST(probe.integer("SELECT count(*) FROM c") == 120);
    BOOST_TEST(probe.integer("SELECT sum(v) FROM c") ==
               (1 + 40) * 20 + (300 + 339) * 20 + (400 + 439) * 20);

    failed = false;
    try {
        WriteTransaction tx(db);
        add(500, 40, 530);
        tx.commit();
    } catch (const std::exception&) {
        failed = true;
    }
    BOOST_TEST(failed);
    insert(7);  // the connection takes the next change
    BOOST_TEST(probe.integer("SELECT count(*) FROM c") == 120);
}

// Queries made one after another and read afterwards (a server answers them in one round trip)
// each read their own rows.
BOOST_AUTO_TEST_CASE(scans_made_together_each_read_their_own_rows) {
    for (int v = 1; v <= 5; ++v)
        insert(v);
    auto none = [](sql::Statement&) {};
    auto read = [](SkuScan& scan) {
        std::vector<std::int64_t> out;
        scan.rows([&](sql::Statement& s) { out.push_back(s.column(1).int64()); });
        return out;
    };
    SkuScan tens(db, {4, 1, 9}, "SELECT v, v * 10 FROM t WHERE 1 = 1 {sku}", "v", none);
    SkuScan all(db, {}, "SELECT v, -v FROM t WHERE v > 3 {sku} ORDER BY v", "v", none);
    std::vector<Id> many(100);
    for (std::size_t n = 0; n < many.size(); ++n)
        many[n] = static_cast<Id>(n % 3 + 2);  // past the per-SKU limit: one run, rows picked
    SkuScan picked(db, many, "SELECT v, v FROM t WHERE 1 = 1 {sku} ORDER BY v", "v", none);
    BOOST_TEST(read(all) == std::vector<std::int64_t>({-4, -5}));
    BOOST_TEST(read(tens) == std::vector<std::int64_t>({40, 10}));
    BOOST_TEST(read(picked) == std::vector<std::int64_t>({2, 3, 4}));
}

boost::test_tools::assertion_result server_only(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result r(test::on_postgres());
    r.message() << "a shop server only; this run is on a file";
    return r;
}

// The server restarts or the network drops: the next change or read connects again by itself.
BOOST_AUTO_TEST_CASE(a_lost_server_connection_is_made_again,
                     *boost::unit_test::precondition(server_only)) {
    insert(1);
    Database other(test::test_database(dir, "shop.db"), test::fixed_clock());
    const std::int64_t backend = testing::SqlProbe(db).integer("SELECT pg_backend_pid()");
    testing::SqlProbe(other).integer("SELECT pg_terminate_backend(" + std::to_string(backend) +
                                     ")::int");
    {
        WriteTransaction tx(db);
        audit(db, test::test_actor(), "test.after", "reconnect");
        tx.commit();
    }
    BOOST_TEST(testing::SqlProbe(db).integer("SELECT pg_backend_pid()") != backend);
    BOOST_TEST(rows() == 1);

    const std::int64_t again = testing::SqlProbe(db).integer("SELECT pg_backend_pid()");
    testing::SqlProbe(other).integer("SELECT pg_terminate_backend(" + std::to_string(again) +
                                     ")::int");
    ReadTransaction read(db);
    BOOST_TEST(rows() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
