#pragma once

#include <string>

namespace dj::os {

// Files only the OS user may read: session tokens, the shop key where no keyring runs, the
// shop's database and log. On POSIX they are 0600 (folders made for them 0700); on Windows
// they live in the user's profile, whose ACL already keeps other users out.

// Writes `bytes` to `path` (its folder made if needed), replacing the file in one step.
// Throws std::runtime_error naming the file when it cannot.
void write_private_file(const std::string& path, const std::string& bytes);
// Limits an existing file (and nothing else) to the OS user; nothing when it does not exist.
void make_private(const std::string& path);

}  // namespace dj::os
