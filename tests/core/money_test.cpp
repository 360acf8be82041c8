#include "core/base/money.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"

using namespace dj;

BOOST_AUTO_TEST_SUITE(money)

BOOST_AUTO_TEST_CASE(parses_yuan_exactly) {
    BOOST_TEST(parse_yuan("12.50", "cost") == 1250);
    BOOST_TEST(parse_yuan("12.5", "cost") == 1250);
    BOOST_TEST(parse_yuan("12", "cost") == 1200);
    BOOST_TEST(parse_yuan("0.01", "cost") == 1);
    BOOST_TEST(parse_yuan(".5", "cost") == 50);
    BOOST_TEST(parse_yuan("-3.20", "cost") == -320);
    BOOST_TEST(parse_yuan(" 7.00 ", "cost") == 700);
    BOOST_TEST(parse_yuan("99999999.99", "cost") == 9999999999);
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_an_amount) {
    for (const char* bad : {"", "abc", "12.345", "1,5", "12.", "--1", "1e3", "¥12"})
        BOOST_CHECK_THROW(parse_yuan(bad, "cost"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(error_names_the_field_and_value) {
    try {
        parse_yuan("12.345", "unit_price");
        BOOST_FAIL("no exception");
    } catch (const InvalidInput& e) {
        std::string what = e.what();
        BOOST_TEST(what.find("unit_price") != std::string::npos);
        BOOST_TEST(what.find("12.345") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(formats_two_decimals) {
    BOOST_TEST(format_yuan(1250) == "12.50");
    BOOST_TEST(format_yuan(5) == "0.05");
    BOOST_TEST(format_yuan(0) == "0.00");
    BOOST_TEST(format_yuan(-5) == "-0.05");
    BOOST_TEST(format_yuan(-123456) == "-1234.56");
}

BOOST_AUTO_TEST_CASE(rounds_half_away_from_zero_without_overflow) {
    BOOST_TEST(mul_div_rounded(10, 1, 4) == 3);  // 2.5 -> 3
    BOOST_TEST(mul_div_rounded(-10, 1, 4) == -3);
    BOOST_TEST(mul_div_rounded(7, 1, 3) == 2);
    BOOST_TEST(mul_div_rounded(8, 1, 3) == 3);
    BOOST_TEST(mul_div_rounded(9, 1, -2) == -5);
    // The product exceeds 64 bits; the result does not.
    BOOST_TEST(mul_div_rounded(4'000'000'000'000LL, 3'000'000LL, 6'000'000LL) ==
               2'000'000'000'000LL);
}

BOOST_AUTO_TEST_SUITE_END()
