#pragma once

#include <string>

// A shop server's password kept by this computer's keyring (os/keyring.h) for the next start,
// so that no one types it again and it is never in a settings file or on a command line.
namespace dj::ops {

// The server as people are shown it: its address without any password.
std::string server_location(const std::string& url);
// From now on a server's password that was not typed is looked for in the keyring.
void find_server_passwords_in_keyring();
// Keeps `password` for `url` in the keyring (and uses it in this program). Throws StorageError
// saying why when the computer keeps nothing (no keyring runs here).
void keep_server_password(const std::string& url, const std::string& password);
// Forgets the password kept for `url`; true when one was kept.
bool forget_server_password(const std::string& url);

}  // namespace dj::ops
