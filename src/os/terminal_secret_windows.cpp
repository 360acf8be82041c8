#include <windows.h>

#include <iostream>

#include "os/terminal_secret.h"
#include "os/wide_text.h"

namespace dj::os {

std::optional<std::string> ask_secret(const std::string& prompt) {
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD shown = 0;
    if (in == INVALID_HANDLE_VALUE || !GetConsoleMode(in, &shown)) return std::nullopt;
    std::cerr << prompt << std::flush;
    SetConsoleMode(in, shown & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    std::wstring line;
    wchar_t buffer[256];
    DWORD got = 0;
    bool read = false;
    while (ReadConsoleW(in, buffer, 256, &got, nullptr) && got > 0) {
        read = true;
        line.append(buffer, got);
        if (line.find(L'\n') != std::wstring::npos) break;
    }
    SetConsoleMode(in, shown);
    std::cerr << "\n";
    if (!read) return std::nullopt;
    while (!line.empty() && (line.back() == L'\n' || line.back() == L'\r'))
        line.pop_back();
    return utf8_from_wide(line);
}

}  // namespace dj::os
