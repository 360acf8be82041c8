#pragma once

#include <hpdf.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace dj::reports {

// Loads the CJK TrueType font into the document once (so a thousand pages embed it once).
// Throws OutputError naming the path and what to install when it is missing or unusable.
HPDF_Font load_cjk_font(HPDF_Doc doc, const std::string& font_path);

// Writes the finished document to a UTF-8 path; false when it cannot be written. Through the C++
// streams, since libharu's own fopen reads the path in the ANSI code page on Windows.
bool write_pdf(HPDF_Doc doc, const std::string& path);

// Free-form pages measured in millimetres from the top left, for labels and packing lists (the
// table reports use PdfTableWriter). Text is UTF-8 in the CJK font.
class PdfCanvas {
  public:
    explicit PdfCanvas(const std::string& font_path);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    void add_page(double width_mm, double height_mm);
    // `top_mm` is the top of the text line; returns the text's width in mm.
    double text(double x_mm, double top_mm, double size_pt, const std::string& s);
    // Wraps at character boundaries within `width_mm`, at most `max_lines` lines (the last
    // ends in "…" when cut); returns the lines drawn.
    int text_box(double x_mm, double top_mm, double width_mm, double size_pt, int max_lines,
                 const std::string& s);
    double text_width_mm(double size_pt, const std::string& s);
    void line(double x1_mm, double y1_mm, double x2_mm, double y2_mm, double width_pt = 0.6);
    void barcode(const std::string& value, double x_mm, double top_mm, double width_mm,
                 double height_mm);
    int pages() const { return static_cast<int>(pages_.size()); }
    void save(const std::string& path);

  private:
    void check(const std::string& doing) const;
    HPDF_Page page() const { return pages_.back(); }
    float px(double x_mm) const;
    float py(double y_mm) const;

    HPDF_STATUS error_ = 0;
    HPDF_Doc doc_ = nullptr;
    HPDF_Font font_ = nullptr;
    std::vector<HPDF_Page> pages_;
    double height_mm_ = 0;
    // Width of each character met so far, in thousandths of the font size.
    std::unordered_map<std::string, double> char_units_;
};

// Whole UTF-8 characters of `s` (byte offsets of each character's start).
std::vector<std::size_t> utf8_starts(const std::string& s);

}  // namespace dj::reports
