#include "core/periods/period.h"

#include <cstdio>

#include "core/base/clock.h"
#include "core/base/translate.h"

namespace dj {
namespace {

constexpr Timestamp kDay = 24 * 60 * 60;

Timestamp shop_midnight(std::string_view date) {
    return days_from_date(date) * kDay - kShopUtcOffsetMinutes * 60LL;
}

bool parse_month(std::string_view text, int& year, int& month) {
    if (text.size() != 7 || text[4] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (text[i] < '0' || text[i] > '9') return false;
    year = std::stoi(std::string(text.substr(0, 4)));
    month = std::stoi(std::string(text.substr(5, 2)));
    return year >= 1970 && month >= 1 && month <= 12;
}

std::string month_text(int year, int month) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

}  // namespace

std::string Period::label() const {
    return month.empty() ? first_day + " – " + last_day : month;
}

void require_begun(const Period& period, Timestamp now) {
    if (period.start > now)
        throw InvalidInput(
            trf("The period {0} has not begun yet (today is {1}): there is nothing "
                "to report. Choose a period up to today.",
                period.label(), shop_date(now)));
}

Period month_period(std::string_view text, std::string_view what) {
    int year = 0, month = 0;
    if (!parse_month(text, year, month))
        throw InvalidInput(
            trf("{0}: \"{1}\" is not a month; write it as YYYY-MM, e.g. 2026-10", what, text));
    Period p;
    p.month = std::string(text);
    p.first_day = p.month + "-01";
    std::string next = next_month(text) + "-01";
    p.start = shop_midnight(p.first_day);
    p.end = shop_midnight(next);
    p.last_day = date_from_days(days_from_date(next) - 1);
    return p;
}

Period date_range_period(std::string_view from, std::string_view to) {
    Period p;
    p.first_day = parse_date(from, "--from");
    p.last_day = parse_date(to, "--to");
    if (days_from_date(p.last_day) < days_from_date(p.first_day))
        throw InvalidInput(trf("--to {0} is before --from {1}: give the earlier date first",
                               p.last_day, p.first_day));
    p.start = shop_midnight(p.first_day);
    p.end = shop_midnight(p.last_day) + kDay;
    return p;
}

std::string previous_month(std::string_view text) {
    int year = 0, month = 0;
    if (!parse_month(text, year, month)) return {};
    return month == 1 ? month_text(year - 1, 12) : month_text(year, month - 1);
}

std::string next_month(std::string_view text) {
    int year = 0, month = 0;
    if (!parse_month(text, year, month)) return {};
    return month == 12 ? month_text(year + 1, 1) : month_text(year, month + 1);
}

void require_open_period(const ClosedThrough& closed, Timestamp at, std::string_view sku_label) {
    if (closed.month.empty() || at >= closed.end) return;
    throw PeriodClosed(trf(
        "SKU {0}: the movement dated {1} falls in a closed period (the books are closed through "
        "{2}). Date it {3} or later, or reopen the month first: dianjia-cli period reopen {2} "
        "--reason TEXT",
        sku_label, format_shop_time(at), closed.month, format_shop_time(closed.end)));
}

}  // namespace dj
