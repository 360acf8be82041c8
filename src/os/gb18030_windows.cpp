#include <windows.h>

#include "os/gb18030.h"
#include "os/wide_text.h"

namespace dj::os {

std::optional<std::string> utf8_from_gb18030(std::string_view bytes) {
    constexpr UINT kGb18030 = 54936;
    if (bytes.empty()) return std::string();
    int n = MultiByteToWideChar(kGb18030, MB_ERR_INVALID_CHARS, bytes.data(),
                                static_cast<int>(bytes.size()), nullptr, 0);
    if (n <= 0) return std::nullopt;
    std::wstring wide(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(kGb18030, MB_ERR_INVALID_CHARS, bytes.data(),
                        static_cast<int>(bytes.size()), wide.data(), n);
    return utf8_from_wide(wide);
}

}  // namespace dj::os
