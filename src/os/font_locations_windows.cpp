#include <windows.h>

#include "os/font_locations.h"
#include "os/wide_text.h"

namespace dj::os {

std::vector<std::string> cjk_font_candidates() {
    // SimHei (黑体) ships with every Chinese Windows and with the Chinese supplemental fonts of
    // the others; any other font is named through DIANJIA_PDF_FONT.
    std::wstring windows(MAX_PATH, L'\0');
    UINT n = GetWindowsDirectoryW(windows.data(), static_cast<UINT>(windows.size()));
    windows.resize(n > 0 && n < MAX_PATH ? n : 0);
    if (windows.empty()) windows = L"C:\\Windows";
    std::string fonts = utf8_from_wide(windows) + "\\Fonts\\";
    return {fonts + "simhei.ttf"};
}

}  // namespace dj::os
