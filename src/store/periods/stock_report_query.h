#pragma once

#include "core/base/progress.h"
#include "core/periods/period.h"
#include "core/periods/report_names.h"
#include "core/periods/stock_report.h"

namespace dj {

class Database;

// The opening / flows / closing report of a period. A closed month is read from its snapshot;
// otherwise the opening starts from the latest closed month before the period (if any) plus the
// ledger after it, and the flows come from the ledger.
// `progress` (optional) counts the movements read; its cancel stops the read with Cancelled.
StockReport stock_report(Database& db, const Period& period, Progress* progress = nullptr);

// Codes and names of every SKU and warehouse.
ReportNames report_names(Database& db);

}  // namespace dj
