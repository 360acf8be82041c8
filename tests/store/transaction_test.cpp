#include <boost/test/unit_test.hpp>

#include "store/base/database.h"
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

BOOST_AUTO_TEST_SUITE_END()
