#pragma once

#include <string>

#include "reports/report_document.h"

namespace dj::reports {

// A sheet name Excel accepts: at most 31 characters (UTF-8 aware), none of []:*?/\.
std::string xlsx_sheet_name(const std::string& wanted);

// The summary sheet first, then one sheet per section. Numbers are stored as numbers (money in
// yuan with a #,##0.00 format, quantities #,##0), the header row is frozen and filtered, and
// each section ends with its totals row (SUBTOTAL formulas carrying the exact computed value).
void write_xlsx(const ReportDocument& doc, const std::string& path);

}  // namespace dj::reports
