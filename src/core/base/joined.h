#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dj {

// "a, b, c": how lists of order numbers, warehouses and the like read in messages; with another
// separator, how such a list is stored ("CZ,SH").
std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace dj
