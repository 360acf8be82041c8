#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/base/types.h"

namespace dj::reports {

// A report laid out once and written as PDF, XLSX, CSV or JSON: typed columns, sections (one
// per warehouse: a sheet in XLSX, a block in PDF) with their total rows, and a summary.
enum class ColumnKind { text, qty, money, decimal, flag };

struct ReportColumn {
    std::string key;     // fixed (JSON, CSV header is the translated header)
    std::string header;  // translated
    ColumnKind kind = ColumnKind::text;
    double pdf_width_mm = 0;  // 0: left out of the PDF (too wide for A4)
};

struct ReportCell {
    std::string text;
    std::int64_t number = 0;  // qty, or money in fen
    double decimal = 0;
    bool blank = false;

    static ReportCell str(std::string s) { return {std::move(s), 0, 0, false}; }
    static ReportCell num(std::int64_t n) { return {{}, n, 0, false}; }
    static ReportCell real(double d) { return {{}, 0, d, false}; }
    static ReportCell flag(bool b) { return {{}, b ? 1 : 0, 0, false}; }
    static ReportCell none() { return {{}, 0, 0, true}; }
};
using ReportRow = std::vector<ReportCell>;

struct ReportSection {
    std::string title;       // e.g. "CZ 常州仓"
    std::string sheet_name;  // XLSX sheet
    std::vector<ReportRow> rows;
    std::vector<ReportRow> totals;
};

struct ReportDocument {
    std::string title;
    std::string shop;
    std::string period;
    std::string generated;       // shop time
    Timestamp generated_at = 0;  // UTC; the spreadsheet's creation date
    std::vector<ReportColumn> columns;
    std::vector<ReportSection> sections;
    ReportSection summary;  // warehouse totals, shop total, rounding; empty: none
};

// How a cell reads in text outputs (PDF, CSV): money "1234.50", decimals with two places.
std::string cell_text(const ReportColumn& column, const ReportCell& cell);

// A file that cannot be written, or a font that cannot be loaded.
class OutputError : public Error {
  public:
    using Error::Error;
};

// Writes by extension: .pdf, .xlsx or .csv; anything else is refused naming `what`.
void write_report(const ReportDocument& doc, const std::string& path);

}  // namespace dj::reports
