#include "core/base/clock.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <string>

#include "core/base/error.h"
#include "test_clock.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(shop_clock)

BOOST_AUTO_TEST_CASE(parses_utc_offsets_and_shop_time) {
    Timestamp utc = parse_time("2026-11-24T05:04:16Z", "t");
    BOOST_TEST(format_utc(utc) == "2026-11-24T05:04:16Z");
    BOOST_TEST(parse_time("2026-11-24T13:04:16+08:00", "t") == utc);
    BOOST_TEST(parse_time("2026-11-24 13:04:16", "t") == utc);  // platform style: Beijing time
    BOOST_TEST(parse_time("2026-11-24T13:04:16.250+08:00", "t") == utc);
    BOOST_TEST(parse_time("2026-11-23T21:04:16-08:00", "t") == utc);
    BOOST_TEST(format_shop_time(utc) == "2026-11-24 13:04:16");
}

BOOST_AUTO_TEST_CASE(bare_date_is_shop_midnight) {
    Timestamp t = parse_time("2026-11-01", "since");
    BOOST_TEST(format_utc(t) == "2026-10-31T16:00:00Z");
    BOOST_TEST(shop_date(t) == "2026-11-01");
}

BOOST_AUTO_TEST_CASE(refuses_impossible_times) {
    for (const char* bad : {"", "2026-13-01", "2026-02-30", "2026-11-24T25:00:00Z", "24/11/2026",
                            "2026-11-24T05:04:16+0800", "2026-11-24X05:04:16"})
        BOOST_CHECK_THROW(parse_time(bad, "t"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(dates) {
    BOOST_TEST(parse_date("2028-02-29", "expiry") == "2028-02-29");
    BOOST_CHECK_THROW(parse_date("2027-02-29", "expiry"), InvalidInput);
    BOOST_CHECK_THROW(parse_date("2027-2-1", "expiry"), InvalidInput);
    BOOST_TEST(days_from_date("1970-01-02") == 1);
    BOOST_TEST(date_from_days(days_from_date("2026-12-31") + 1) == "2027-01-01");
}

BOOST_AUTO_TEST_CASE(fixed_clock_says_what_it_is_told) {
    FixedClock clock(parse_time("2027-12-31T23:59:30+08:00", "t"));
    const Clock& c = clock;
    BOOST_TEST(format_shop_time(c.now()) == "2027-12-31 23:59:30");
    clock.advance(30);
    BOOST_TEST(shop_date(c.now()) == "2028-01-01");  // the shop's new year, 16:00 UTC
    BOOST_TEST(format_utc(c.now()) == "2027-12-31T16:00:00Z");
    clock.set(0);
    BOOST_TEST(c.now() == 0);
}

BOOST_AUTO_TEST_CASE(the_suites_now_is_the_programs_now) {
    // Tests date data from test::kNow; the programs they start read DIANJIA_NOW (ctest sets it).
    BOOST_TEST(parse_time(test::kNowText, "kNowText") == test::kNow);
    const char* env = std::getenv("DIANJIA_NOW");
    BOOST_TEST_REQUIRE(env != nullptr);
    BOOST_TEST(std::string(env) == test::kNowText);
}

BOOST_AUTO_TEST_SUITE_END()
