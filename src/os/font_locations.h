#pragma once

#include <string>
#include <vector>

namespace dj::os {

// TrueType fonts with Chinese glyphs that libharu can embed in PDFs, best first. Only fonts
// whose hanzi are simple glyphs qualify: libharu 2.3.0 drops composite glyphs, which leaves
// blanks with e.g. WenQuanYi Micro Hei, and it cannot read CFF (OpenType/Noto CJK) at all.
std::vector<std::string> cjk_font_candidates();

}  // namespace dj::os
