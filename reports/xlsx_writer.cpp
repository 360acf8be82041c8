#include "reports/xlsx_writer.h"

#include <xlsxwriter.h>

#include <set>

#include "core/base/translate.h"

namespace dj::reports {
namespace {

std::string column_letters(std::size_t col) {
    std::string s;
    for (std::size_t n = col + 1; n > 0; n = (n - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* qty = nullptr;
    lxw_format* money = nullptr;
    lxw_format* decimal = nullptr;
    lxw_format* total_text = nullptr;
    lxw_format* total_qty = nullptr;
    lxw_format* total_money = nullptr;
};

class Sheet {
  public:
    Sheet(lxw_workbook* book, const std::string& name, const ReportDocument& doc, const Formats& f)
        : doc_(doc), f_(f) {
        ws_ = workbook_add_worksheet(book, name.c_str());
        for (std::size_t c = 0; c < doc.columns.size(); ++c) {
            const ReportColumn& col = doc.columns[c];
            double width = col.kind == ColumnKind::text ? (c == 1 ? 30 : 14) : 12;
            worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                                 nullptr);
            worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(c), col.header.c_str(), f.header);
        }
        worksheet_freeze_panes(ws_, 1, 0);
    }

    void rows(const std::vector<ReportRow>& list) {
        for (const ReportRow& r : list)
            write(r, false);
    }

    // Totals under the data rows: SUBTOTAL(9, …) so a filtered view sums what it shows; the
    // cached result is the report's own exact figure.
    void totals(const std::vector<ReportRow>& list) {
        std::size_t data_rows = row_ - 1;
        worksheet_autofilter(ws_, 0, 0, static_cast<lxw_row_t>(data_rows),
                             static_cast<lxw_col_t>(doc_.columns.size() - 1));
        for (const ReportRow& r : list) {
            for (std::size_t c = 0; c < r.size(); ++c) {
                const ReportColumn& col = doc_.columns[c];
                bool summable = col.kind == ColumnKind::qty || col.kind == ColumnKind::money;
                if (!summable || r[c].blank || data_rows == 0) continue;
                std::string letters = column_letters(c);
                std::string formula =
                    "=SUBTOTAL(9," + letters + "2:" + letters + std::to_string(data_rows + 1) + ")";
                double value = col.kind == ColumnKind::money ? r[c].number / 100.0
                                                             : static_cast<double>(r[c].number);
                worksheet_write_formula_num(
                    ws_, static_cast<lxw_row_t>(row_), static_cast<lxw_col_t>(c), formula.c_str(),
                    col.kind == ColumnKind::money ? f_.total_money : f_.total_qty, value);
            }
            write(r, true, data_rows > 0);
        }
    }

  private:
    void write(const ReportRow& r, bool total, bool formulas_written = false) {
        auto row = static_cast<lxw_row_t>(row_++);
        for (std::size_t c = 0; c < r.size(); ++c) {
            const ReportColumn& col = doc_.columns[c];
            const ReportCell& cell = r[c];
            auto cc = static_cast<lxw_col_t>(c);
            if (cell.blank) continue;
            switch (col.kind) {
                case ColumnKind::text:
                    worksheet_write_string(ws_, row, cc, cell.text.c_str(),
                                           total ? f_.total_text : nullptr);
                    break;
                case ColumnKind::qty:
                    if (!formulas_written)
                        worksheet_write_number(ws_, row, cc, static_cast<double>(cell.number),
                                               total ? f_.total_qty : f_.qty);
                    break;
                case ColumnKind::money:
                    if (!formulas_written)
                        worksheet_write_number(ws_, row, cc, cell.number / 100.0,
                                               total ? f_.total_money : f_.money);
                    break;
                case ColumnKind::decimal:
                    worksheet_write_number(ws_, row, cc, cell.decimal, f_.decimal);
                    break;
                case ColumnKind::flag:
                    worksheet_write_boolean(ws_, row, cc, cell.number != 0, nullptr);
                    break;
            }
        }
    }

    const ReportDocument& doc_;
    const Formats& f_;
    lxw_worksheet* ws_ = nullptr;
    std::size_t row_ = 1;
};

}  // namespace

std::string xlsx_sheet_name(const std::string& wanted) {
    std::string out;
    int chars = 0;
    for (std::size_t i = 0; i < wanted.size() && chars < 31;) {
        unsigned char c = static_cast<unsigned char>(wanted[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::string ch = wanted.substr(i, len);
        out += std::string("[]:*?/\\").find(ch) != std::string::npos ? "_" : ch;
        ++chars;
        i += len;
    }
    return out.empty() ? "Sheet" : out;
}

void write_xlsx(const ReportDocument& doc, const std::string& path) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book)
        throw OutputError(trf("Cannot write {0}: check the folder exists and is writable", path));
    // Otherwise libxlsxwriter stamps the computer's clock, not the report's time.
    std::string title = doc.title;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.created = static_cast<time_t>(doc.generated_at);
    workbook_set_properties(book, &properties);
    Formats f;
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xDDDDDD);
    f.qty = workbook_add_format(book);
    format_set_num_format(f.qty, "#,##0");
    f.money = workbook_add_format(book);
    format_set_num_format(f.money, "#,##0.00");
    f.decimal = workbook_add_format(book);
    format_set_num_format(f.decimal, "0.00");
    f.total_text = workbook_add_format(book);
    format_set_bold(f.total_text);
    f.total_qty = workbook_add_format(book);
    format_set_bold(f.total_qty);
    format_set_num_format(f.total_qty, "#,##0");
    f.total_money = workbook_add_format(book);
    format_set_bold(f.total_money);
    format_set_num_format(f.total_money, "#,##0.00");

    std::set<std::string> used;
    auto unique_name = [&](const std::string& wanted) {
        std::string name = xlsx_sheet_name(wanted);
        for (int n = 2; used.count(name); ++n)
            name = xlsx_sheet_name(wanted.substr(0, 24) + " (" + std::to_string(n) + ")");
        used.insert(name);
        return name;
    };
    if (!doc.summary.rows.empty() || !doc.summary.totals.empty()) {
        Sheet summary(book, unique_name(doc.summary.sheet_name), doc, f);
        summary.rows(doc.summary.rows);
        summary.rows(doc.summary.totals);
    }
    for (const ReportSection& s : doc.sections) {
        Sheet sheet(book, unique_name(s.sheet_name), doc, f);
        sheet.rows(s.rows);
        sheet.totals(s.totals);
    }
    lxw_error err = workbook_close(book);
    if (err != LXW_NO_ERROR)
        throw OutputError(
            trf("Cannot write {0}: {1}. Check the folder exists and the file is not open in "
                "Excel.",
                path, lxw_strerror(err)));
}

}  // namespace dj::reports
