#include <windows.h>

#include "os/computer_name.h"
#include "os/wide_text.h"

namespace dj::os {

std::string computer_name() {
    wchar_t name[MAX_COMPUTERNAME_LENGTH + 1] = {};
    DWORD size = MAX_COMPUTERNAME_LENGTH + 1;
    if (GetComputerNameW(name, &size) && size > 0) return utf8_from_wide({name, size});
    return "windows";
}

}  // namespace dj::os
