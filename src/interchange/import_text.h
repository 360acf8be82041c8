#pragma once

#include <string>
#include <string_view>

namespace dj {

// A file people bring in, as UTF-8, and the encoding it was read in.
struct ImportText {
    std::string text;
    std::string encoding;  // "UTF-8", "UTF-8 (BOM)" or "GB18030" (which includes GBK)
};

// Files saved on Chinese Windows are often GBK/GB18030 (Excel's "CSV"), elsewhere UTF-8, with or
// without a byte order mark. Valid UTF-8 is read as UTF-8, else valid GB18030 as GB18030; a file
// that is neither is refused (InvalidInput) naming `source` and its first line that is neither.
ImportText decode_import_text(std::string_view bytes, const std::string& source);

// "line L, column C" (1-based, columns in characters) of the byte at `offset`, for messages
// about where a file goes wrong.
std::string text_position(std::string_view text, std::size_t offset);

}  // namespace dj
