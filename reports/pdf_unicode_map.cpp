#include "reports/pdf_unicode_map.h"

#include "core/translate.h"
#include "reports/report_document.h"

namespace dj::reports {
namespace {

// libharu's UTF-8 encoder writes each character as its 2-byte Unicode code point (BMP, with the
// font's Identity-H encoding), so the map is the identity, surrogates left out. Two wide ranges
// rather than one per high byte: Ghostscript 10's PDF reader ignores the map written that way.
constexpr const char* kIdentityToUnicode =
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    "2 beginbfrange\n<0000> <D7FF> <0000>\n<E000> <FFFF> <E000>\nendbfrange\n"
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

}  // namespace

void add_unicode_map(HPDF_Doc doc, HPDF_Font font) {
    HPDF_Dict map = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!map || HPDF_Stream_WriteStr(map->stream, kIdentityToUnicode) != HPDF_OK ||
        HPDF_Dict_Add(font, "ToUnicode", map) != HPDF_OK)
        throw OutputError(tr("PDF: cannot add the text map of the Chinese font"));
    if (doc->compression_mode & HPDF_COMP_TEXT) map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

}  // namespace dj::reports
