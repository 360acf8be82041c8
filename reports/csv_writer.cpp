#include "reports/csv_writer.h"

#include <fstream>

#include "core/base/translate.h"

namespace dj::reports {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void write_csv(const ReportDocument& doc, const std::string& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw OutputError(trf("Cannot write {0}: check the folder exists and is writable", path));
    out << "\xEF\xBB\xBF";
    auto line = [&](auto&& cell_at) {
        for (std::size_t i = 0; i < doc.columns.size(); ++i) {
            if (i) out << ',';
            out << csv_field(cell_at(i));
        }
        out << "\r\n";
    };
    line([&](std::size_t i) { return doc.columns[i].header; });
    auto rows = [&](const std::vector<ReportRow>& list) {
        for (const ReportRow& r : list)
            line([&](std::size_t i) { return cell_text(doc.columns[i], r[i]); });
    };
    for (const ReportSection& s : doc.sections) {
        rows(s.rows);
        rows(s.totals);
    }
    rows(doc.summary.rows);
    rows(doc.summary.totals);
    out.flush();
    if (!out) throw OutputError(trf("Writing {0} failed: is the disk full?", path));
}

}  // namespace dj::reports
