#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/actor.h"

namespace dj {

class Database;

// What a printer is remembered for: the label printer (waybill labels) or the A4 printer (pick
// sheets, packing lists).
enum class PrintDocument { label, a4 };

std::string_view print_document_code(PrintDocument document);  // "label", "a4"
// InvalidInput for anything else, naming the accepted codes.
PrintDocument parse_print_document(std::string_view code);

// The printer remembered for the document type, if any.
std::optional<std::string> chosen_printer(Database& db, PrintDocument document);

// Remembers `printer` for the document type, or forgets the choice when it is empty.
void save_printer_choice(Database& db, PrintDocument document, const std::string& printer);

}  // namespace dj
