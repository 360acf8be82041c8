#include "reports/libharu_fixes.h"

#include <hpdf_fontdef.h>

#include <algorithm>

#include "core/base/translate.h"
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

void use_hanzi_width_as_default(HPDF_Doc doc, const char* font_name) {
    HPDF_FontDef def = HPDF_GetFontDef(doc, font_name);
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) return;
    auto attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, 0x4E00);  // 一
    if (gid == 0 || !attr->h_metric || attr->num_h_metric == 0 || attr->header.units_per_em == 0)
        return;
    HPDF_UINT16 advance =
        attr->h_metric[std::min<HPDF_UINT16>(gid, attr->num_h_metric - 1)].advance_width;
    // Characters the font lacks take its missing glyph's width: the hanzi width too, so they
    // fall under the default as well. Only the metrics in memory change; the embedded font is
    // copied from the file.
    attr->h_metric[0].advance_width = advance;
    def->missing_width = static_cast<HPDF_INT16>(advance * 1000 / attr->header.units_per_em);
}

void add_unicode_map(HPDF_Doc doc, HPDF_Font font) {
    HPDF_Dict map = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!map || HPDF_Stream_WriteStr(map->stream, kIdentityToUnicode) != HPDF_OK ||
        HPDF_Dict_Add(font, "ToUnicode", map) != HPDF_OK)
        throw OutputError(tr("PDF: cannot add the text map of the Chinese font"));
    if (doc->compression_mode & HPDF_COMP_TEXT) map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
}

}  // namespace dj::reports
