#include <windows.h>

#include <cstdlib>
#include <filesystem>

#include "os/data_folder.h"
#include "os/wide_text.h"

namespace dj::os {

std::string user_data_folder() {
    // The wide variable: the narrow one is in the ANSI code page, and user names can be Chinese.
    const wchar_t* appdata = _wgetenv(L"APPDATA");
    if (!appdata || !*appdata) return {};
    return utf8_from_wide(std::wstring(appdata) + L"\\Dianjia");
}

std::string program_folder() {
    std::wstring exe(MAX_PATH, L'\0');
    for (;;) {
        DWORD n = GetModuleFileNameW(nullptr, exe.data(), static_cast<DWORD>(exe.size()));
        if (n == 0) return {};
        if (n < exe.size()) {
            exe.resize(n);
            break;
        }
        exe.resize(exe.size() * 2);
    }
    return utf8_from_wide(std::filesystem::path(exe).parent_path().native());
}

}  // namespace dj::os
