#include "reports/pdf_table_writer.h"

#include <hpdf.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/base/translate.h"
#include "os/font_locations.h"
#include "os/utf8_path.h"
#include "reports/code128.h"
#include "reports/pdf_canvas.h"
#include "reports/report_document.h"

namespace dj::reports {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr float kMargin = 28.0f;  // ~10 mm
constexpr float kTitleSize = 14.0f;
constexpr float kInfoSize = 8.5f;
constexpr float kCellSize = 7.5f;
constexpr float kRowHeight = 13.0f;
constexpr float kPad = 2.5f;

// libharu reports errors through a callback; C code cannot unwind a C++ exception, so the
// first error is kept and checked after each call that can fail.
void remember_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* first = static_cast<HPDF_STATUS*>(user);
    if (*first == 0) *first = error ? error : detail;
}

std::size_t utf8_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

std::string joined(const std::vector<std::string>& paths) {
    std::string text;
    for (const std::string& p : paths)
        text += (text.empty() ? "" : ", ") + p;
    return text.empty() ? tr("no font file is known on this system") : text;
}

}  // namespace

std::string first_existing_font(const std::vector<std::string>& candidates) {
    for (const std::string& c : candidates) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(os::utf8_path(c), ec)) return c;
    }
    throw OutputError(
        trf("PDF: no Chinese font was found (tried {0}). Install fonts-wqy-zenhei, or set "
            "DIANJIA_PDF_FONT to a TrueType CJK font (.ttf/.ttc).",
            joined(candidates)));
}

std::string default_cjk_font_path() {
    // A font named on purpose is the only one tried: falling back silently would hide a typo.
    if (const char* env = std::getenv("DIANJIA_PDF_FONT"); env && *env) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(os::utf8_path(env), ec)) return env;
        throw OutputError(
            trf("PDF: the Chinese font {0} named by DIANJIA_PDF_FONT was not found: correct the "
                "path, or unset DIANJIA_PDF_FONT to use the first of {1}.",
                env, joined(os::cjk_font_candidates())));
    }
    return first_existing_font(os::cjk_font_candidates());
}

struct PdfTableWriter::Impl {
    PdfHeader header;
    PdfPageSetup setup;
    std::vector<PdfColumn> columns;
    std::vector<float> widths;  // points
    HPDF_STATUS error = 0;
    HPDF_Doc doc = nullptr;
    HPDF_Font font = nullptr;
    std::vector<HPDF_Page> pages;
    float y = 0;  // top of the next row on the current page

    float page_width() const { return HPDF_Page_GetWidth(pages.back()); }

    void check(const std::string& doing) const {
        if (error != 0)
            throw OutputError(trf("PDF: {0} failed (libharu error 0x{1})", doing, [&] {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(error));
                return std::string(buf);
            }()));
    }

    void text(HPDF_Page page, float x, float baseline, float size, const std::string& s) {
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, size);
        HPDF_Page_TextOut(page, x, baseline, s.c_str());
        HPDF_Page_EndText(page);
    }

    float text_width(HPDF_Page page, float size, const std::string& s) {
        HPDF_Page_SetFontAndSize(page, font, size);
        return HPDF_Page_TextWidth(page, s.c_str());
    }

    // Cuts whole UTF-8 characters off the end until the text and "…" fit.
    std::string fit(HPDF_Page page, const std::string& s, float width) {
        if (text_width(page, kCellSize, s) <= width) return s;
        std::vector<std::size_t> ends;
        for (std::size_t i = 0; i < s.size(); i += utf8_length(static_cast<unsigned char>(s[i])))
            ends.push_back(i);
        for (std::size_t n = ends.size(); n-- > 0;) {
            std::string cut = s.substr(0, ends[n]) + "…";
            if (text_width(page, kCellSize, cut) <= width) return cut;
        }
        return {};
    }

    void new_page() {
        HPDF_Page page = HPDF_AddPage(doc);
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4,
                          setup.portrait ? HPDF_PAGE_PORTRAIT : HPDF_PAGE_LANDSCAPE);
        pages.push_back(page);
        float top = HPDF_Page_GetHeight(page) - kMargin;
        text(page, kMargin, top - kTitleSize, kTitleSize, header.title);
        if (!setup.barcode.empty()) {
            float w = 150, h = 26;  // ~53 x 9 mm: scans from arm's length
            float x = HPDF_Page_GetWidth(page) - kMargin - w;
            draw_code128(page, setup.barcode, x, top - h, w, h);
            text(page, x, top - h - kInfoSize - 1, kInfoSize, setup.barcode);
        }
        float line_y = top - kTitleSize - 6;
        std::string info;
        for (const std::string& l : header.lines)
            info += (info.empty() ? "" : "    ") + l;
        text(page, kMargin, line_y - kInfoSize, kInfoSize, info);
        y = line_y - kInfoSize - 8;
        if (!setup.barcode.empty()) y = std::min(y, top - 26 - kInfoSize - 6);
        draw_row(page, headers(), true);
        check(tr("starting a page"));
    }

    std::vector<std::string> headers() const {
        std::vector<std::string> h;
        for (const PdfColumn& c : columns)
            h.push_back(c.header);
        return h;
    }

    void shade(HPDF_Page page, float gray) {
        HPDF_Page_SetGrayFill(page, gray);
        HPDF_Page_Rectangle(page, kMargin, y - kRowHeight, table_width(), kRowHeight);
        HPDF_Page_Fill(page);
        HPDF_Page_SetGrayFill(page, 0);
    }

    float table_width() const {
        float w = 0;
        for (float c : widths)
            w += c;
        return w;
    }

    void draw_row(HPDF_Page page, const std::vector<std::string>& cells, bool shaded,
                  bool header_row = true) {
        if (shaded) shade(page, header_row ? 0.85f : 0.93f);
        float x = kMargin;
        float baseline = y - kRowHeight + 4;
        for (std::size_t c = 0; c < columns.size() && c < cells.size(); ++c) {
            float inner = widths[c] - 2 * kPad;
            std::string s = fit(page, cells[c], inner);
            float tx = x + kPad;
            if (columns[c].right_aligned && !header_row)
                tx = x + widths[c] - kPad - text_width(page, kCellSize, s);
            text(page, tx, baseline, kCellSize, s);
            x += widths[c];
        }
        HPDF_Page_SetGrayStroke(page, 0.75f);
        HPDF_Page_SetLineWidth(page, 0.3f);
        HPDF_Page_MoveTo(page, kMargin, y - kRowHeight);
        HPDF_Page_LineTo(page, kMargin + table_width(), y - kRowHeight);
        HPDF_Page_Stroke(page);
        y -= kRowHeight;
    }

    void ensure_room() {
        if (pages.empty() || y - kRowHeight < kMargin + 16) new_page();
    }
};

PdfTableWriter::PdfTableWriter(PdfHeader header, std::vector<PdfColumn> columns,
                               const std::string& font_path)
    : PdfTableWriter(std::move(header), std::move(columns), PdfPageSetup{}, font_path) {}

PdfTableWriter::PdfTableWriter(PdfHeader header, std::vector<PdfColumn> columns, PdfPageSetup setup,
                               const std::string& font_path)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.header = std::move(header);
    d.setup = std::move(setup);
    d.columns = std::move(columns);
    d.doc = HPDF_New(remember_error, &d.error);
    if (!d.doc) throw OutputError(tr("PDF: out of memory"));
    HPDF_SetCompressionMode(d.doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(d.doc);
    HPDF_SetCurrentEncoder(d.doc, "UTF-8");
    d.font = load_cjk_font(d.doc, font_path);
    // Widths in mm, scaled down to the printable width of an A4 landscape page if needed.
    double available = (d.setup.portrait ? 595.28 : 841.89) - 2 * kMargin;
    double wanted = 0;
    for (const PdfColumn& c : d.columns)
        wanted += c.width_mm * kPtPerMm;
    double scale = wanted > available ? available / wanted : 1.0;
    for (const PdfColumn& c : d.columns)
        d.widths.push_back(static_cast<float>(c.width_mm * kPtPerMm * scale));
}

PdfTableWriter::~PdfTableWriter() {
    if (impl_ && impl_->doc) HPDF_Free(impl_->doc);
}

void PdfTableWriter::heading(const std::string& text) {
    Impl& d = *impl_;
    // Keep a heading with at least one row under it.
    if (d.pages.empty() || d.y - 2 * kRowHeight < kMargin + 16) d.new_page();
    HPDF_Page page = d.pages.back();
    d.y -= 4;
    d.text(page, kMargin + kPad, d.y - kRowHeight + 4, kInfoSize, text);
    d.y -= kRowHeight;
}

void PdfTableWriter::row(const std::vector<std::string>& cells, PdfRowStyle style) {
    Impl& d = *impl_;
    d.ensure_room();
    d.draw_row(d.pages.back(), cells, style == PdfRowStyle::total, false);
}

std::vector<std::string> PdfTableWriter::wrap(std::size_t column, const std::string& text) {
    Impl& d = *impl_;
    if (d.pages.empty()) d.new_page();
    HPDF_Page page = d.pages.back();
    float inner = d.widths.at(column) - 2 * kPad;
    std::vector<std::string> out;
    std::string line;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = utf8_length(static_cast<unsigned char>(text[i]));
        std::string longer = line + text.substr(i, n);
        if (!line.empty() && d.text_width(page, kCellSize, longer) > inner) {
            out.push_back(line);
            line = text.substr(i, n);
        } else {
            line = std::move(longer);
        }
        i += n;
    }
    if (!line.empty() || out.empty()) out.push_back(line);
    return out;
}

int PdfTableWriter::pages() const {
    return static_cast<int>(impl_->pages.size());
}

void PdfTableWriter::save(const std::string& path) {
    Impl& d = *impl_;
    if (d.pages.empty()) d.new_page();
    int total = static_cast<int>(d.pages.size());
    for (int i = 0; i < total; ++i) {
        HPDF_Page page = d.pages[static_cast<std::size_t>(i)];
        std::string label = trf("Page {0} of {1}", std::to_string(i + 1), std::to_string(total));
        float w = d.text_width(page, kInfoSize, label);
        d.text(page, (d.page_width() - w) / 2, kMargin - 10, kInfoSize, label);
    }
    d.check(tr("laying out the pages"));
    if (!write_pdf(d.doc, path) || d.error != 0)
        throw OutputError(trf(
            "Cannot write {0}: check the folder exists and the file is not open elsewhere", path));
}

}  // namespace dj::reports
