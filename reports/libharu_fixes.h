#pragma once

#include <hpdf.h>

namespace dj::reports {

// Work-arounds for what libharu 2.3.0 does with a CJK TrueType font under its UTF-8 encoder.

// Call between loading the font and HPDF_GetFont. libharu lists every code point whose width
// differs from the font's default in the /W array, and takes the default from the missing glyph,
// so all ~30,000 hanzi are listed (built in quadratic time: a quarter of a thousand-label run,
// and 100 KB in every PDF). With the hanzi width as the default only the other glyphs are.
void use_hanzi_width_as_default(HPDF_Doc doc, const char* font_name);

// Gives the font the ToUnicode map libharu leaves out. Without it only tools that read the
// embedded font's own cmap (poppler) find the text; Ghostscript (CUPS filters, many printer
// drivers) and a PDF reader's copy and search get none.
void add_unicode_map(HPDF_Doc doc, HPDF_Font font);

}  // namespace dj::reports
