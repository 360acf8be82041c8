#pragma once

#include <optional>
#include <string>

namespace dj::os {

// This computer's own store of secrets for the person logged in (the Secret Service, as
// GNOME Keyring or KWallet provide it, on Linux; the Credential Manager on Windows): a secret
// kept under a name, encrypted by the system and opened with the login. Nothing of it is in
// Dianjia's settings or files.
namespace keyring {

// The secret kept under `name`; none when there is none, or when no keyring answers here (a
// machine without a desktop session): the caller asks the person instead.
std::optional<std::string> find(const std::string& name);
// Keeps `secret` under `name` (replacing an older one), shown to people as `label`. Throws
// std::runtime_error saying why when the system keeps nothing.
void keep(const std::string& name, const std::string& label, const std::string& secret);
// Forgets what is kept under `name`; nothing when there is nothing.
void forget(const std::string& name);

}  // namespace keyring
}  // namespace dj::os
