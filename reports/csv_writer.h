#pragma once

#include <string>
#include <vector>

#include "reports/report_document.h"

namespace dj::reports {

// "a,b" → "\"a,b\"": quotes a field only when it holds a comma, quote or line break.
std::string csv_field(const std::string& text);

// One table in UTF-8 with a byte order mark (Excel on Chinese Windows reads it as UTF-8, not
// GBK) and CRLF line ends: the header, every section's rows and totals, then the summary.
void write_csv(const ReportDocument& doc, const std::string& path);

}  // namespace dj::reports
