#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace dj::os {

// An exclusive lock on a small file, held by one process at a time until it is destroyed or the
// process ends (however it ends: the system drops the lock with the process). The lock belongs
// to this open file only, so closing some other descriptor of the same file in the process does
// not release it, unlike the POSIX record locks SQLite uses.
class FileLock {
  public:
    // The lock, or none when another process holds it. Throws std::runtime_error when the file
    // cannot be created.
    static std::unique_ptr<FileLock> try_lock(const std::string& path);
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

  private:
    explicit FileLock(std::intptr_t handle) : handle_(handle) {}
    std::intptr_t handle_;
};

}  // namespace dj::os
