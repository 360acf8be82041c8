#include "core/base/limits.h"

#include <string>

#include "core/base/money.h"
#include "core/base/translate.h"

namespace dj {
namespace {

[[noreturn]] void overflow(std::string_view what) {
    throw Overflow(
        trf("{0}: the number would exceed what the program can hold; nothing was "
            "changed. Check the quantities and amounts entered.",
            what));
}

// Length in characters of valid UTF-8, or npos when it is not (overlongs, surrogates and
// code points above U+10FFFF included).
std::size_t utf8_length(std::string_view s, bool multiline, bool& control) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++chars) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if ((c < 0x20 && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) || c == 0x7f)
                control = true;
            ++i;
            continue;
        }
        int extra = c >= 0xf0 && c <= 0xf4  ? 3
                    : c >= 0xe0 && c < 0xf0 ? 2
                    : c >= 0xc2 && c < 0xe0 ? 1
                                            : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size())
            return std::string_view::npos;
        char32_t cp = c & (0x3f >> extra);
        for (int k = 1; k <= extra; ++k) {
            auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xc0) != 0x80) return std::string_view::npos;
            cp = (cp << 6) | (d & 0x3f);
        }
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return std::string_view::npos;
        if (cp >= 0x80 && cp < 0xa0) control = true;
        i += extra + 1;
    }
    return chars;
}

}  // namespace

std::int64_t add_checked(std::int64_t a, std::int64_t b, std::string_view what) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r)) overflow(what);
    return r;
}

std::int64_t mul_checked(std::int64_t a, std::int64_t b, std::string_view what) {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r)) overflow(what);
    return r;
}

void require_range(std::int64_t value, std::int64_t lo, std::int64_t hi, std::string_view what) {
    if (value < lo || value > hi)
        throw InvalidInput(trf("{0} must be between {1} and {2}, got {3}", what, std::to_string(lo),
                               std::to_string(hi), std::to_string(value)));
}

void require_money(Fen value, Fen lo, Fen hi, std::string_view what) {
    if (value < lo || value > hi)
        throw InvalidInput(trf("{0} must be between {1} and {2} yuan, got {3}", what,
                               format_yuan(lo), format_yuan(hi), format_yuan(value)));
}

void require_text(std::string_view text, std::size_t max_chars, std::string_view what,
                  bool multiline) {
    bool control = false;
    std::size_t chars = utf8_length(text, multiline, control);
    if (chars == std::string_view::npos)
        throw InvalidInput(
            trf("{0} is not valid UTF-8 text; save the file as UTF-8 or GB18030 "
                "and try again",
                what));
    if (control) throw InvalidInput(trf("{0} contains control characters; remove them", what));
    if (chars > max_chars)
        throw InvalidInput(trf("{0} is {1} characters long; at most {2} are allowed", what,
                               std::to_string(chars), std::to_string(max_chars)));
}

bool fits_text(std::string_view text, std::size_t max_chars, bool multiline) {
    bool control = false;
    std::size_t chars = utf8_length(text, multiline, control);
    return chars != std::string_view::npos && !control && chars <= max_chars;
}

void require_time(Timestamp t, std::string_view what) {
    if (t < kEarliestTime || t > kLatestTime)
        throw InvalidInput(trf("{0} must be between 2000-01-01 and 2099-12-31", what));
}

}  // namespace dj
