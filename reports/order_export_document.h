#pragma once

#include <string>
#include <vector>

#include "core/orders/order_summary.h"
#include "reports/report_document.h"

namespace dj::reports {

// Orders with their buyers and receivers, one row each, as Excel or CSV for the shop's own
// bookkeeping or a courier's bulk upload: store, platform, order number, status, times, buyer,
// receiver, phone, address, items, units, amount paid, seller memo.
ReportDocument order_export_document(const std::vector<OrderSummary>& orders,
                                     const std::string& shop, Timestamp generated_at);

}  // namespace dj::reports
