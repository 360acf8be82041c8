#pragma once

#include <optional>
#include <string>
#include <string_view>

// Sealing small secrets with libsodium: XChaCha20-Poly1305 (IETF) under a 32-byte key, a fresh
// random nonce each time, the label (which column it is) authenticated with it so a sealed
// value cannot be moved to another column. Sealed text reads "dj1:" and base64.
namespace dj::secret_box {

inline constexpr std::string_view kPrefix = "dj1:";
inline constexpr std::size_t kKeyBytes = 32;

// kKeyBytes random bytes.
std::string new_key();
std::string seal(const std::string& key, std::string_view plain, std::string_view label);
// None when the key or the label is not the one it was sealed with, or it was changed.
std::optional<std::string> open(const std::string& key, std::string_view sealed,
                                std::string_view label);
bool is_sealed(std::string_view value);

// The key sealed with one derived from a password (argon2id, a random salt kept with it), so
// the person who knows the password can bring the key to another workstation.
std::string seal_with_password(std::string_view password, const std::string& key);
std::optional<std::string> open_with_password(std::string_view password, std::string_view sealed);

}  // namespace dj::secret_box
