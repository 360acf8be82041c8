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

std::vector<std::string> split_list(std::string_view list, char separator) {
    std::vector<std::string> out;
    while (!list.empty()) {
        std::size_t end = list.find(separator);
        std::string_view item = trimmed(list.substr(0, end));
        if (!item.empty()) out.emplace_back(item);
        list = end == std::string_view::npos ? std::string_view{} : list.substr(end + 1);
    }
    return out;
}

}  // namespace dj
