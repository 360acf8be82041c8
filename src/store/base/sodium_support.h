#pragma once

#include <optional>
#include <string>
#include <string_view>

// What the store's libsodium users share: starting the library once, and hex text for keys,
// tokens and digests.
namespace dj::sodium_support {

// Starts libsodium (once per process); std::runtime_error when it has no random source.
void start();
// Lower-case hex of the bytes.
std::string to_hex(std::string_view bytes);
// The bytes of `hex`, when it is hex of exactly `size` bytes.
std::optional<std::string> from_hex(std::string_view hex, std::size_t size);

}  // namespace dj::sodium_support
