#include "core/base/clock.h"

#include <chrono>
#include <cstdio>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {
namespace {

using namespace std::chrono;

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool read_date(std::string_view s, year_month_day& out) {
    int y = 0, m = 0, d = 0;
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    if (!read_int(s, 0, 4, y) || !read_int(s, 5, 2, m) || !read_int(s, 8, 2, d)) return false;
    out = year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    return out.ok();
}

std::string format(Timestamp t, int offset_minutes, bool iso) {
    sys_seconds tp{seconds{t + offset_minutes * 60LL}};
    auto dp = floor<days>(tp);
    year_month_day ymd{dp};
    hh_mm_ss hms{tp - dp};
    char buf[64];
    std::snprintf(buf, sizeof buf,
                  iso ? "%04d-%02u-%02uT%02d:%02d:%02dZ" : "%04d-%02u-%02u %02d:%02d:%02d",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
}

}  // namespace

std::string format_utc(Timestamp t) {
    return format(t, 0, true);
}

std::string format_shop_time(Timestamp t) {
    return format(t, kShopUtcOffsetMinutes, false);
}

Timestamp parse_time(std::string_view text, std::string_view what) {
    auto fail = [&]() -> Timestamp {
        throw InvalidInput(
            trf("{0}: \"{1}\" is not a time (use 2026-11-24T13:04:16+08:00 or 2026-11-24 13:04:16)",
                what, text));
    };
    year_month_day ymd;
    if (!read_date(text, ymd)) return fail();
    long long base = sys_days{ymd}.time_since_epoch().count() * 86400LL;
    if (text.size() == 10) return base - kShopUtcOffsetMinutes * 60LL;
    int h = 0, mi = 0, s = 0;
    if (text.size() < 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
        text[16] != ':')
        return fail();
    if (!read_int(text, 11, 2, h) || !read_int(text, 14, 2, mi) || !read_int(text, 17, 2, s))
        return fail();
    if (h > 23 || mi > 59 || s > 60) return fail();
    long long t = base + h * 3600LL + mi * 60LL + s;
    std::string_view zone = text.substr(19);
    if (!zone.empty() && zone.front() == '.') {  // fractional seconds are dropped
        std::size_t i = 1;
        while (i < zone.size() && zone[i] >= '0' && zone[i] <= '9')
            ++i;
        zone.remove_prefix(i);
    }
    if (zone.empty()) return t - kShopUtcOffsetMinutes * 60LL;
    if (zone == "Z") return t;
    int zh = 0, zm = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
        !read_int(zone, 1, 2, zh) || !read_int(zone, 4, 2, zm))
        return fail();
    long long offset = (zh * 60LL + zm) * 60LL;
    return zone[0] == '+' ? t - offset : t + offset;
}

std::string parse_date(std::string_view text, std::string_view what) {
    year_month_day ymd;
    if (text.size() != 10 || !read_date(text, ymd))
        throw InvalidInput(
            trf("{0}: \"{1}\" is not a date (use YYYY-MM-DD, e.g. 2027-03-31)", what, text));
    return std::string(text);
}

std::string shop_date(Timestamp t) {
    return format_shop_time(t).substr(0, 10);
}

long days_from_date(std::string_view date) {
    year_month_day ymd;
    if (!read_date(date, ymd)) throw InvalidInput(trf("\"{0}\" is not a date", date));
    return sys_days{ymd}.time_since_epoch().count();
}

std::string date_from_days(long d) {
    year_month_day ymd{sys_days{days{d}}};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

}  // namespace dj
