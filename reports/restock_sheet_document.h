#pragma once

#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/purchasing/restock_line.h"
#include "reports/report_document.h"

namespace dj::reports {

// The restock sheet to send or take to suppliers: one section (an XLSX sheet, a PDF block) per
// supplier with what to order per SKU × warehouse, the figures the quantity comes from and its
// value at the line's unit cost, and a summary of the value per supplier. Lines suggesting
// nothing are left out; SKUs without a supplier get a section of their own.
// Only RestockLine's fields are read: dj_reports does not link the store.
ReportDocument restock_sheet_document(const std::vector<RestockLine>& lines,
                                      const std::string& shop, Timestamp generated_at);

}  // namespace dj::reports
