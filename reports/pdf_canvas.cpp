#include "reports/pdf_canvas.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/base/translate.h"
#include "os/utf8_path.h"
#include "reports/code128.h"
#include "reports/libharu_fixes.h"
#include "reports/report_document.h"

namespace dj::reports {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

// libharu reports errors through a callback; C code cannot unwind a C++ exception, so the
// first error is kept and checked after each call that can fail.
void remember_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* first = static_cast<HPDF_STATUS*>(user);
    if (*first == 0) *first = error ? error : detail;
}

}  // namespace

std::vector<std::size_t> utf8_starts(const std::string& s) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.size();) {
        starts.push_back(i);
        auto lead = static_cast<unsigned char>(s[i]);
        i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    }
    return starts;
}

HPDF_Font load_cjk_font(HPDF_Doc doc, const std::string& font_path) {
    if (!std::filesystem::exists(os::utf8_path(font_path)))
        throw OutputError(
            trf("PDF: the Chinese font {0} was not found. Install fonts-wqy-zenhei, or set "
                "DIANJIA_PDF_FONT to a TrueType CJK font (.ttf/.ttc).",
                font_path));
    bool collection = font_path.size() > 4 && font_path.substr(font_path.size() - 4) == ".ttc";
    const char* name = collection ? HPDF_LoadTTFontFromFile2(doc, font_path.c_str(), 0, HPDF_TRUE)
                                  : HPDF_LoadTTFontFromFile(doc, font_path.c_str(), HPDF_TRUE);
    if (name) use_hanzi_width_as_default(doc, name);
    HPDF_Font font = name ? HPDF_GetFont(doc, name, "UTF-8") : nullptr;
    if (!font)
        throw OutputError(
            trf("PDF: cannot use the font {0} (a TrueType-outline CJK font is needed, e.g. "
                "WenQuanYi Zen Hei; set DIANJIA_PDF_FONT)",
                font_path));
    add_unicode_map(doc, font);
    return font;
}

bool write_pdf(HPDF_Doc doc, const std::string& path) {
    if (HPDF_SaveToStream(doc) != HPDF_OK) return false;
    std::ofstream out(os::utf8_path(path), std::ios::binary | std::ios::trunc);
    HPDF_BYTE buffer[65536];
    for (HPDF_STATUS status = HPDF_OK; out && status == HPDF_OK;) {
        HPDF_UINT32 size = sizeof buffer;
        status = HPDF_ReadFromStream(doc, buffer, &size);
        if (status != HPDF_OK && status != HPDF_STREAM_EOF) return false;
        out.write(reinterpret_cast<const char*>(buffer), size);
    }
    out.close();
    return !out.fail();
}

PdfCanvas::PdfCanvas(const std::string& font_path) {
    doc_ = HPDF_New(remember_error, &error_);
    if (!doc_) throw OutputError(tr("PDF: out of memory"));
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc_);
    HPDF_SetCurrentEncoder(doc_, "UTF-8");
    font_ = load_cjk_font(doc_, font_path);
}

PdfCanvas::~PdfCanvas() {
    if (doc_) HPDF_Free(doc_);
}

void PdfCanvas::check(const std::string& doing) const {
    if (error_ == 0) return;
    char code[16];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(error_));
    throw OutputError(trf("PDF: {0} failed (libharu error 0x{1})", doing, code));
}

float PdfCanvas::px(double x_mm) const {
    return static_cast<float>(x_mm * kPtPerMm);
}

float PdfCanvas::py(double y_mm) const {
    return static_cast<float>((height_mm_ - y_mm) * kPtPerMm);
}

void PdfCanvas::add_page(double width_mm, double height_mm) {
    HPDF_Page p = HPDF_AddPage(doc_);
    HPDF_Page_SetWidth(p, static_cast<float>(width_mm * kPtPerMm));
    HPDF_Page_SetHeight(p, static_cast<float>(height_mm * kPtPerMm));
    pages_.push_back(p);
    height_mm_ = height_mm;
    check(tr("starting a page"));
}

// libharu's width of a string is the sum of its characters' (no kerning), and finding one
// character's glyph scans the font's cmap: each character is measured once per document.
double PdfCanvas::text_width_mm(double size_pt, const std::string& s) {
    double units = 0;
    std::vector<std::size_t> starts = utf8_starts(s);
    for (std::size_t i = 0; i < starts.size(); ++i) {
        std::size_t end = i + 1 < starts.size() ? starts[i + 1] : s.size();
        std::string c = s.substr(starts[i], end - starts[i]);
        auto known = char_units_.find(c);
        if (known == char_units_.end()) {
            HPDF_TextWidth w =
                HPDF_Font_TextWidth(font_, reinterpret_cast<const HPDF_BYTE*>(c.data()),
                                    static_cast<HPDF_UINT>(c.size()));
            known = char_units_.emplace(std::move(c), static_cast<double>(w.width)).first;
        }
        units += known->second;
    }
    return units * size_pt / 1000.0 / kPtPerMm;
}

double PdfCanvas::text(double x_mm, double top_mm, double size_pt, const std::string& s) {
    if (s.empty()) return 0;
    HPDF_Page_BeginText(page());
    // Tf stays in force on the page: set only when the size changes (each call writes it).
    auto size = static_cast<float>(size_pt);
    if (HPDF_Page_GetCurrentFont(page()) != font_ || HPDF_Page_GetCurrentFontSize(page()) != size)
        HPDF_Page_SetFontAndSize(page(), font_, size);
    // The baseline sits about 0.85 em under the top of the line.
    HPDF_Page_TextOut(page(), px(x_mm), py(top_mm) - static_cast<float>(size_pt * 0.85), s.c_str());
    HPDF_Page_EndText(page());
    return text_width_mm(size_pt, s);
}

int PdfCanvas::text_box(double x_mm, double top_mm, double width_mm, double size_pt, int max_lines,
                        const std::string& s) {
    std::vector<std::size_t> starts = utf8_starts(s);
    // Each character is measured once: libharu's width of a string is the sum of its characters'.
    std::vector<double> widths(starts.size());
    for (std::size_t i = 0; i < starts.size(); ++i) {
        std::size_t e = i + 1 < starts.size() ? starts[i + 1] : s.size();
        widths[i] = text_width_mm(size_pt, s.substr(starts[i], e - starts[i]));
    }
    const double ellipsis = text_width_mm(size_pt, "…");
    double line_mm = size_pt * 1.25 / kPtPerMm;
    int drawn = 0;
    std::size_t from = 0;  // index into starts
    auto piece = [&](std::size_t b, std::size_t e) {
        std::size_t end = e < starts.size() ? starts[e] : s.size();
        return s.substr(starts[b], end - starts[b]);
    };
    while (from < starts.size() && drawn < max_lines) {
        bool last_line = drawn + 1 == max_lines;
        std::size_t to = from + 1;
        double used = widths[from];
        while (to < starts.size() && used + widths[to] <= width_mm)
            used += widths[to++];
        std::string out = piece(from, to);
        if (last_line && to < starts.size()) {
            while (to > from + 1 && used + ellipsis > width_mm)
                used -= widths[--to];
            out = piece(from, to) + "…";
        }
        text(x_mm, top_mm + drawn * line_mm, size_pt, out);
        ++drawn;
        from = to;
    }
    return drawn;
}

void PdfCanvas::line(double x1_mm, double y1_mm, double x2_mm, double y2_mm, double width_pt) {
    HPDF_Page_SetLineWidth(page(), static_cast<float>(width_pt));
    HPDF_Page_SetGrayStroke(page(), 0);
    HPDF_Page_MoveTo(page(), px(x1_mm), py(y1_mm));
    HPDF_Page_LineTo(page(), px(x2_mm), py(y2_mm));
    HPDF_Page_Stroke(page());
}

void PdfCanvas::barcode(const std::string& value, double x_mm, double top_mm, double width_mm,
                        double height_mm) {
    draw_code128(page(), value, px(x_mm), py(top_mm + height_mm),
                 static_cast<float>(width_mm * kPtPerMm), static_cast<float>(height_mm * kPtPerMm));
}

void PdfCanvas::save(const std::string& path) {
    check(tr("laying out the pages"));
    if (!write_pdf(doc_, path) || error_ != 0)
        throw OutputError(trf(
            "Cannot write {0}: check the folder exists and the file is not open elsewhere", path));
}

}  // namespace dj::reports
