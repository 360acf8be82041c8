#include "interchange/import_text.h"

#include <algorithm>

#include "core/base/error.h"
#include "core/base/translate.h"
#include "os/gb18030.h"

namespace dj {
namespace {

// Where the first byte that does not belong to well-formed UTF-8 is; npos when there is none.
std::size_t invalid_utf8_at(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            min = 0x10000;
        } else {
            return i;
        }
        unsigned code = c & (0x3F >> n);
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return i;
            auto t = static_cast<unsigned char>(s[i + k]);
            if ((t & 0xC0) != 0x80) return i;
            code = (code << 6) | (t & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not text.
        if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return i;
        i += n + 1;
    }
    return std::string_view::npos;
}

}  // namespace

ImportText decode_import_text(std::string_view bytes, const std::string& source) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (bytes.substr(0, kBom.size()) == kBom) {
        std::string_view rest = bytes.substr(kBom.size());
        if (invalid_utf8_at(rest) == std::string_view::npos)
            return {std::string(rest), "UTF-8 (BOM)"};
    } else if (invalid_utf8_at(bytes) == std::string_view::npos) {
        return {std::string(bytes), "UTF-8"};
    }
    if (std::optional<std::string> text = os::utf8_from_gb18030(bytes))
        return {std::move(*text), "GB18030"};
    // Neither: name the first line that is neither, so the person can look at it.
    std::size_t start = 0;
    for (long line = 1; start <= bytes.size(); ++line) {
        std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        std::string_view l = bytes.substr(start, end - start);
        if (invalid_utf8_at(l) != std::string_view::npos && !os::utf8_from_gb18030(l))
            throw InvalidInput(
                trf("{0} line {1}: the text is neither UTF-8 nor GB18030/GBK. Save the file as "
                    "\"CSV UTF-8\" (or as GBK) and import it again",
                    source, std::to_string(line)));
        start = end + 1;
    }
    throw InvalidInput(
        trf("{0}: the file mixes UTF-8 and GB18030/GBK text. Save it in one "
            "encoding (\"CSV UTF-8\") and import it again",
            source));
}

std::string text_position(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) {
            ++column;
        }
    }
    return trf("line {0}, column {1}", std::to_string(line), std::to_string(column));
}

}  // namespace dj
