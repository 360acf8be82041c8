#pragma once

// Windows only: the conversions between the project's UTF-8 and the UTF-16 of the Win32 "W"
// functions.
#include <string>
#include <string_view>

namespace dj::os {

std::wstring wide_from_utf8(std::string_view text);
std::string utf8_from_wide(std::wstring_view text);

}  // namespace dj::os
