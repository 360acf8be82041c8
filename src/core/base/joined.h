#pragma once

#include <string>
#include <vector>

namespace dj {

// "a, b, c": how lists of order numbers, warehouses and the like read in messages.
std::string joined(const std::vector<std::string>& items);

}  // namespace dj
