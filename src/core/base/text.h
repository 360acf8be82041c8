#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dj {

// `s` without the spaces, tabs and line ends around it (what people and scanners add when they
// type or paste a code, a name or a CSV field).
std::string_view trimmed(std::string_view s);

// `s` with A–Z as a–z and every other byte kept (UTF-8 text stays valid): what case-blind
// searches of codes compare.
std::string lower_ascii(std::string_view s);

// The items of a list typed or stored as "CZ, SH,GZ": each trimmed, empty ones dropped.
std::vector<std::string> split_list(std::string_view list, char separator = ',');

}  // namespace dj
