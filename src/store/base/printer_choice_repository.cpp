#include "store/base/printer_choice_repository.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/base/database.h"
#include "store/base/sql.h"
#include "store/base/sql_binding.h"

namespace dj {

std::string_view print_document_code(PrintDocument document) {
    return document == PrintDocument::label ? "label" : "a4";
}

PrintDocument parse_print_document(std::string_view code) {
    if (code == "label") return PrintDocument::label;
    if (code == "a4") return PrintDocument::a4;
    throw InvalidInput(
        trf("Unknown document type {0}: use label (waybill labels) or a4 (pick "
            "sheets, packing lists)",
            code));
}

std::optional<std::string> chosen_printer(Database& db, PrintDocument document) {
    try {
        sql::Statement s(connection(db), "SELECT printer FROM printer_choice WHERE document = ?");
        s.bind(1, std::string(print_document_code(document)));
        if (s.step()) return s.column(0).text();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("reading the chosen printers"));
    }
    return std::nullopt;
}

void save_printer_choice(Database& db, PrintDocument document, const std::string& printer) {
    std::string code(print_document_code(document));
    try {
        sql::Statement s(connection(db), printer.empty()
                                             ? "DELETE FROM printer_choice WHERE document = ?"
                                             : "INSERT INTO printer_choice (document, printer) "
                                               "VALUES (?, ?) ON CONFLICT (document) "
                                               "DO UPDATE SET printer = excluded.printer");
        s.bind(1, code);
        if (!printer.empty()) s.bind(2, printer);
        s.exec();
    } catch (const sql::Error& e) {
        rethrow_storage_error(e, tr("saving the chosen printer"));
    }
}

}  // namespace dj
