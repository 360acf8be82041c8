#include <iconv.h>

#include <cerrno>
#include <vector>

#include "os/gb18030.h"

namespace dj::os {

std::optional<std::string> utf8_from_gb18030(std::string_view bytes) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    std::vector<char> buffer(4096);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    bool ok = true;
    while (in_left > 0) {
        char* to = buffer.data();
        std::size_t to_left = buffer.size();
        std::size_t r = iconv(cd, &in, &in_left, &to, &to_left);
        out.append(buffer.data(), buffer.size() - to_left);
        // E2BIG: the buffer is full, go on; anything else: an invalid or cut-off sequence.
        if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
            ok = false;
            break;
        }
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace dj::os
