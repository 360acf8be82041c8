#include "core/base/text.h"

namespace dj {

std::string_view trimmed(std::string_view s) {
    constexpr std::string_view blank = " \t\r\n";
    std::size_t begin = s.find_first_not_of(blank);
    if (begin == std::string_view::npos) return {};
    return s.substr(begin, s.find_last_not_of(blank) - begin + 1);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace dj
