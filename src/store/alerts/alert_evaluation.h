#pragma once

#include <vector>

#include "core/base/types.h"

namespace dj {

class Database;

struct AlertRunSummary {
    int evaluated = 0;  // SKU × warehouse pairs
    int refreshed = 0;
    int resolved = 0;
    std::vector<Id> opened;  // new alerts, for notification
};

// Evaluates every alert rule for the given SKUs (every SKU when empty) in every warehouse as of
// `now`, opening, refreshing and resolving alerts in one transaction (see
// core/alerts/alert_rules.h). Stock movements call it for the SKUs they touched; `alerts run` and a
// timer call it for all, which is what catches the time-based kinds (expiry, stagnant stock).
AlertRunSummary evaluate_stock_alerts(Database& db, Timestamp now, const std::vector<Id>& sku_ids);

}  // namespace dj
