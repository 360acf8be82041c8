#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/base/types.h"
#include "core/stock/stock_level.h"

namespace dj {

class Database;

// Mean units shipped per day over the last `days` days, per (SKU code, warehouse code).
std::map<std::pair<std::string, std::string>, double> recent_daily_demand(Database& db,
                                                                          Timestamp now,
                                                                          int days = 28);

struct DashboardFigures {
    struct PlatformStatus {
        std::string platform;
        std::string status;
        long long orders = 0;
    };
    std::vector<PlatformStatus> today;  // orders created today (shop time)
    long long open_orders = 0;          // waiting to ship
    long long due_soon = 0;             // promised to ship within 24 hours
    long long overdue = 0;              // promised time passed, not shipped
    long long short_orders = 0;         // waiting, stock not enough
    long long unmapped_orders = 0;      // a line maps to no local SKU
    long long intercepts = 0;           // refund requested before shipping
    long long on_hold = 0;              // held by a person or a rule, not yet shipped
    long long skus_enough = 0;
    long long skus_low = 0;
    long long skus_out = 0;
};

DashboardFigures dashboard_figures(Database& db, Timestamp now);

}  // namespace dj
