#include <windows.h>
// windows.h first: shellapi.h needs its types.
#include <shellapi.h>

#include "os/command_line.h"
#include "os/wide_text.h"

namespace dj::os {

std::vector<std::string> utf8_arguments(int argc, char** argv) {
    SetConsoleOutputCP(CP_UTF8);
    int n = 0;
    LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!wide) return std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc);
    std::vector<std::string> args;
    for (int i = 1; i < n; ++i)
        args.push_back(utf8_from_wide(wide[i]));
    LocalFree(wide);
    return args;
}

}  // namespace dj::os
