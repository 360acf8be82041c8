#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace dj::os {

// std::filesystem::path from UTF-8 text and back. The project keeps paths as UTF-8 strings;
// path(std::string) would read them in the C library's narrow encoding, which on Windows is not
// UTF-8, so a folder named 店铺 would not be found.
inline std::filesystem::path utf8_path(std::string_view text) {
    return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

inline std::string utf8_string(const std::filesystem::path& path) {
    std::u8string text = path.u8string();
    return std::string(text.begin(), text.end());
}

}  // namespace dj::os
