#pragma once

#include <memory>
#include <string>
#include <vector>

namespace dj::reports {

// The CJK TrueType font the PDFs embed: $DIANJIA_PDF_FONT if set, else the first that exists of
// os::cjk_font_candidates() (WenQuanYi Zen Hei, AR PL UMing; SimHei on Windows). Not
// wqy-microhei: libharu drops its composite glyphs, so most hanzi print blank; not Noto CJK:
// libharu cannot load CFF. Throws OutputError naming every path tried when none exists.
std::string default_cjk_font_path();

// The first of `candidates` that is a file; OutputError naming them all when none is.
std::string first_existing_font(const std::vector<std::string>& candidates);

struct PdfColumn {
    std::string header;
    double width_mm = 20;  // scaled down together when the columns are wider than the page
    bool right_aligned = false;
};

// What every page repeats above the table: a title and a few lines (shop, period, time...).
struct PdfHeader {
    std::string title;
    std::vector<std::string> lines;
};

// How the pages look apart from the table.
struct PdfPageSetup {
    bool portrait = false;  // A4 portrait instead of landscape
    std::string barcode;    // printed as Code 128 at the top right of every page (a wave number)
};

enum class PdfRowStyle { normal, total };

// A4 pages (landscape unless the header asks for portrait) holding one long table: the page header
// and the column header repeat on every page, rows break across pages, total rows are shaded, and
// "page i of n" is written on every page when saved. Text is UTF-8; cells too long for their column
// end in "…". Shared by the month-end reports and the pick sheets.
class PdfTableWriter {
  public:
    PdfTableWriter(PdfHeader header, std::vector<PdfColumn> columns,
                   const std::string& font_path = default_cjk_font_path());
    PdfTableWriter(PdfHeader header, std::vector<PdfColumn> columns, PdfPageSetup setup,
                   const std::string& font_path = default_cjk_font_path());
    ~PdfTableWriter();
    PdfTableWriter(const PdfTableWriter&) = delete;
    PdfTableWriter& operator=(const PdfTableWriter&) = delete;

    // A line across the table that starts a block (e.g. one warehouse).
    void heading(const std::string& text);
    void row(const std::vector<std::string>& cells, PdfRowStyle style = PdfRowStyle::normal);
    // `text` cut into pieces that each fit `column` whole, for a value that must not be cut
    // (continued on the rows below).
    std::vector<std::string> wrap(std::size_t column, const std::string& text);
    int pages() const;
    void save(const std::string& path);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dj::reports
