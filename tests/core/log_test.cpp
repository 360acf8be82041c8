#include "core/base/log.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>
#include <vector>

BOOST_AUTO_TEST_SUITE(log_sink)

BOOST_AUTO_TEST_CASE(messages_reach_the_programs_sink) {
    std::vector<std::pair<dj::LogLevel, std::string>> got;
    dj::set_log_sink([&](dj::LogLevel l, const std::string& m) { got.emplace_back(l, m); });
    dj::log_message(dj::LogLevel::warning, "alerts not checked");
    dj::set_log_sink({});
    BOOST_TEST_REQUIRE(got.size() == 1u);
    BOOST_TEST((got[0].first == dj::LogLevel::warning));
    BOOST_TEST(got[0].second == "alerts not checked");
}

BOOST_AUTO_TEST_SUITE_END()
