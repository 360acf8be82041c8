#pragma once

#include <optional>
#include <string>

#include "core/periods/report_names.h"
#include "core/periods/stock_report.h"
#include "reports/report_document.h"

namespace dj::reports {

// The code transit rows carry in the warehouse column (JSON, CSV, XLSX).
inline constexpr const char* kInTransitCode = "IN-TRANSIT";

struct ReportMeta {
    std::string shop;
    Timestamp generated_at = 0;
    std::optional<Id> warehouse;  // only this warehouse (transit left out)
};

// Month-end stock: per SKU × warehouse the opening, the eight flows, in, out and closing in
// quantity and value; one section per warehouse plus transit, each with its total; a summary of
// warehouse totals, transit, the shop total and the rounding line.
ReportDocument month_end_document(const StockReport& report, const ReportNames& names,
                                  const ReportMeta& meta);
// Stock at the end of a day: quantity, value and average cost per SKU × warehouse.
ReportDocument valuation_document(const StockReport& report, const ReportNames& names,
                                  const ReportMeta& meta);
// Turnover, days of cover and slow movers per SKU over the report's period.
ReportDocument turnover_document(const StockReport& report, const ReportNames& names,
                                 const ReportMeta& meta);
// ABC classes by shipped value over the report's period.
ReportDocument abc_document(const StockReport& report, const ReportNames& names,
                            const ReportMeta& meta);

}  // namespace dj::reports
