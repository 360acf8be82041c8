#pragma once

#include <boost/test/unit_test.hpp>
#include <string>

#include "core/base/actor.h"
#include "store/base/database.h"
#include "temp_dir.h"

namespace dj::test {

// Where a test's shop lives: a file in `dir`, or, when DJ_TEST_POSTGRES names a server (the
// suites' PostgreSQL run), a schema of its own on that server. The same name is the same shop.
std::string test_database(const TempDir& dir, const std::string& name);
// The same for a file path chosen elsewhere.
std::string test_database_at(const std::string& file);
// The suite runs against PostgreSQL: tests of what only a file can do step aside.
bool on_postgres();
// A precondition for a test of what only a shop file does (skipped on a server).
inline boost::test_tools::assertion_result file_only(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result r(!on_postgres());
    r.message() << "a shop file only; this run is on PostgreSQL";
    return r;
}

inline Actor test_actor() {
    return Actor{"tester", "owner", "test-station"};
}

// Warehouses CZ and GZ (GZ allows negative stock), locations A-01-01 (walk 10) and
// B-01-01 (walk 20) in CZ, SKUs TEA-1 (shelf life 365 days, standard cost 20.00) and
// CUP-1 (standard cost 8.00), store tb-main (taobao, ships from CZ).
void seed_small_shop(Database& db);

// Every row of every table, in a stable order: "equal in content" means equal strings.
std::string dump_content(Database& db);

}  // namespace dj::test
