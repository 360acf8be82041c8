#include "core/base/money.h"

#include <cstdio>

#include "core/base/error.h"
#include "core/base/translate.h"

namespace dj {

Fen parse_yuan(std::string_view text, std::string_view what) {
    auto fail = [&] {
        throw InvalidInput(
            trf("{0}: \"{1}\" is not an amount in yuan (for example 12.50)", what, text));
    };
    std::string_view s = text;
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) fail();
    std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (whole.empty() && frac.empty()) fail();
    if (dot != std::string_view::npos && frac.empty()) fail();
    if (frac.size() > 2) fail();
    if (whole.size() > 15) fail();
    Fen value = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') fail();
        value = value * 10 + (c - '0');
    }
    Fen cents = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        char c = i < frac.size() ? frac[i] : '0';
        if (c < '0' || c > '9') fail();
        cents = cents * 10 + (c - '0');
    }
    value = value * 100 + cents;
    return negative ? -value : value;
}

std::string format_yuan(Fen fen) {
    bool negative = fen < 0;
    unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(fen)
                                            : static_cast<unsigned long long>(fen);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%llu.%02llu", negative ? "-" : "", magnitude / 100,
                  magnitude % 100);
    return buf;
}

std::int64_t mul_div_rounded(std::int64_t a, std::int64_t b, std::int64_t c) {
    __extension__ typedef __int128 Wide;  // GCC/Clang, also for mingw-w64
    Wide n = static_cast<Wide>(a) * b;
    Wide d = c;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    Wide q = n / d;
    Wide r = n % d;
    if (2 * (r < 0 ? -r : r) >= d) q += n < 0 ? -1 : 1;
    return static_cast<std::int64_t>(q);
}

}  // namespace dj
