#include "store/base/sodium_support.h"

#include <sodium.h>

#include <stdexcept>

namespace dj::sodium_support {

void start() {
    static const bool started = sodium_init() >= 0;
    if (!started) throw std::runtime_error("libsodium cannot start (no random source)");
}

std::string to_hex(std::string_view bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                   bytes.size());
    out.pop_back();
    return out;
}

std::optional<std::string> from_hex(std::string_view hex, std::size_t size) {
    if (hex.size() != size * 2) return std::nullopt;
    std::string out(size, '\0');
    std::size_t written = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                       hex.size(), nullptr, &written, nullptr) != 0 ||
        written != size)
        return std::nullopt;
    return out;
}

}  // namespace dj::sodium_support
