#pragma once

#include <string_view>

namespace dj {

// `s` without the spaces, tabs and line ends around it (what people and scanners add when they
// type or paste a code, a name or a CSV field).
std::string_view trimmed(std::string_view s);

}  // namespace dj
