#pragma once

#include <optional>
#include <string>

// Where this workstation keeps a key for the OS user, out of every file others could read: the
// Secret Service (GNOME Keyring, KWallet) where one runs, else a file only the OS user reads
// (0600) in the user's data folder; on Windows a file in the user's profile sealed with DPAPI
// (CryptProtectData), which only this Windows user on this computer can open.
namespace dj::os::protected_store {

std::optional<std::string> find(const std::string& name);
// Throws std::runtime_error saying why when it cannot be kept.
void keep(const std::string& name, const std::string& label, const std::string& secret);

}  // namespace dj::os::protected_store
