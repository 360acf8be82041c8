#include <windows.h>

#include <stdexcept>
#include <string>

#include "os/file_lock.h"
#include "os/wide_text.h"

namespace dj::os {

std::unique_ptr<FileLock> FileLock::try_lock(const std::string& path) {
    HANDLE h = CreateFileW(wide_from_utf8(path).c_str(), GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE)
        throw std::runtime_error(path + ": cannot open (error " + std::to_string(GetLastError()) +
                                 ")");
    // LockFileEx locks belong to the handle: nothing else in the process can drop them.
    OVERLAPPED at = {};
    if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at)) {
        CloseHandle(h);
        return nullptr;
    }
    return std::unique_ptr<FileLock>(new FileLock(reinterpret_cast<std::intptr_t>(h)));
}

FileLock::~FileLock() {
    CloseHandle(reinterpret_cast<HANDLE>(handle_));
}

}  // namespace dj::os
