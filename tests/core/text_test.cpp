#include "core/base/text.h"

#include <boost/test/unit_test.hpp>

using namespace dj;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(trimmed_drops_blanks_around_only) {
    BOOST_TEST(trimmed("  TEA-1\t\r\n") == "TEA-1");
    BOOST_TEST(trimmed("中通 快递") == "中通 快递");
    BOOST_TEST(trimmed(" \t\r\n").empty());
    BOOST_TEST(trimmed("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
