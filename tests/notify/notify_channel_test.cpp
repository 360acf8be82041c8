// Quiet hours in shop time (UTC+8), including spans across midnight, and the kinds filter.
#include "core/alerts/notify_channel.h"

#include <boost/test/unit_test.hpp>

#include "core/base/error.h"

using namespace dj;

namespace {
// 2026-11-19 00:00 shop time, as UTC seconds.
constexpr Timestamp kShopMidnight = 1795017600;
constexpr Timestamp at(int hour, int minute) {
    return kShopMidnight + hour * 3600 + minute * 60;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(notify_channel)

BOOST_AUTO_TEST_CASE(quiet_hours_across_midnight) {
    QuietHours night = parse_quiet_hours("22:00-08:00", "--quiet");
    BOOST_TEST(format_quiet_hours(night) == "22:00-08:00");
    BOOST_TEST(!quiet_until(night, at(12, 0)).has_value());
    BOOST_TEST(!quiet_until(night, at(21, 59)).has_value());
    BOOST_TEST(quiet_until(night, at(22, 0)).value() == at(32, 0));  // 08:00 the next day
    BOOST_TEST(quiet_until(night, at(7, 59)).value() == at(8, 0));
    BOOST_TEST(!quiet_until(night, at(8, 0)).has_value());
}

BOOST_AUTO_TEST_CASE(quiet_hours_within_a_day) {
    QuietHours lunch = parse_quiet_hours("12:00-13:30", "--quiet");
    BOOST_TEST(quiet_until(lunch, at(12, 10)).value() == at(13, 30));
    BOOST_TEST(!quiet_until(lunch, at(13, 30)).has_value());
    BOOST_CHECK_THROW(parse_quiet_hours("22-08", "--quiet"), InvalidInput);
    BOOST_CHECK_THROW(parse_quiet_hours("24:00-08:00", "--quiet"), InvalidInput);
    BOOST_CHECK_THROW(parse_quiet_hours("08:00-08:00", "--quiet"), InvalidInput);
}

BOOST_AUTO_TEST_CASE(kinds_filter) {
    NotifyChannel c;
    BOOST_TEST(channel_wants(c, AlertKind::stagnant));  // no list: every kind
    c.alert_kinds = parse_alert_kind_list("low_stock,expiring");
    BOOST_TEST(channel_wants(c, AlertKind::expiring));
    BOOST_TEST(!channel_wants(c, AlertKind::stagnant));
    BOOST_TEST(format_alert_kind_list(c.alert_kinds) == "low_stock,expiring");
    BOOST_CHECK_THROW(parse_alert_kind_list("low_stock,lowstock"), InvalidInput);
}

BOOST_AUTO_TEST_SUITE_END()
