#pragma once

#include <hpdf.h>

namespace dj::reports {

// Gives a CJK font loaded through libharu's UTF-8 encoder the ToUnicode map libharu leaves out.
// Without it only tools that read the embedded font's own cmap (poppler) find the text; Ghostscript
// (CUPS filters, many printer drivers) and a PDF reader's copy and search get none.
void add_unicode_map(HPDF_Doc doc, HPDF_Font font);

}  // namespace dj::reports
