#include "reports/report_document.h"

#include <cstdio>

#include "core/base/money.h"
#include "core/base/translate.h"
#include "reports/csv_writer.h"
#include "reports/pdf_table_writer.h"
#include "reports/xlsx_writer.h"

namespace dj::reports {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
    if (s.size() < tail.size()) return false;
    for (std::size_t i = 0; i < tail.size(); ++i) {
        char c = s[s.size() - tail.size() + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != tail[i]) return false;
    }
    return true;
}

void write_pdf(const ReportDocument& doc, const std::string& path) {
    std::vector<PdfColumn> columns;
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < doc.columns.size(); ++i) {
        const ReportColumn& c = doc.columns[i];
        if (c.pdf_width_mm <= 0) continue;
        columns.push_back({c.header, c.pdf_width_mm, c.kind != ColumnKind::text});
        shown.push_back(i);
    }
    PdfHeader header{doc.title,
                     {trf("Shop: {0}", doc.shop), trf("Period: {0}", doc.period),
                      trf("Generated: {0}", doc.generated)}};
    PdfTableWriter pdf(header, columns);
    auto cells = [&](const ReportRow& row) {
        std::vector<std::string> out;
        for (std::size_t i : shown)
            out.push_back(cell_text(doc.columns[i], row[i]));
        return out;
    };
    auto section = [&](const ReportSection& s) {
        pdf.heading(s.title);
        for (const ReportRow& r : s.rows)
            pdf.row(cells(r));
        for (const ReportRow& r : s.totals)
            pdf.row(cells(r), PdfRowStyle::total);
    };
    for (const ReportSection& s : doc.sections)
        section(s);
    if (!doc.summary.rows.empty() || !doc.summary.totals.empty()) section(doc.summary);
    pdf.save(path);
}

}  // namespace

std::string cell_text(const ReportColumn& column, const ReportCell& cell) {
    if (cell.blank) return {};
    switch (column.kind) {
        case ColumnKind::text:
            return cell.text;
        case ColumnKind::qty:
            return std::to_string(cell.number);
        case ColumnKind::money:
            return format_yuan(cell.number);
        case ColumnKind::decimal: {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", cell.decimal);
            return buf;
        }
        case ColumnKind::flag:
            return cell.number ? tr("yes") : std::string();
    }
    return {};
}

void write_report(const ReportDocument& doc, const std::string& path) {
    if (ends_with(path, ".pdf"))
        write_pdf(doc, path);
    else if (ends_with(path, ".xlsx"))
        write_xlsx(doc, path);
    else if (ends_with(path, ".csv"))
        write_csv(doc, path);
    else
        throw InvalidInput(
            trf("--out {0}: name the file .pdf, .xlsx or .csv to choose the format", path));
}

}  // namespace dj::reports
