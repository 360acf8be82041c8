#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/alerts/alert.h"
#include "core/base/types.h"

namespace dj {

// Thresholds resolved for one SKU × warehouse (see stock_thresholds.h).
struct AlertThresholds {
    int expiry_days = 30;
    int stagnant_days = 60;
    int count_loss_percent = 10;
    Qty max_stock = 0;  // 0: no maximum
};

// What the rules need to know about one SKU in one warehouse, as of `today`.
struct AlertFacts {
    Qty on_hand = 0;
    Qty available = 0;
    Qty reorder_point = 0;
    Qty recent_shipped = 0;  // over the demand window: demand that stock should meet
    Qty short_units = 0;     // what waiting orders short of stock need of this SKU here
    int short_orders = 0;    // how many such orders
    struct LotFact {
        long expiry_day = 0;  // days since 1970-01-01
        Qty on_hand = 0;
        std::string lot;  // the batch's lot number
    };
    std::vector<LotFact> lots;  // batches with an expiry and stock
    // Days since the last shipment (or since the first movement when nothing ever shipped).
    std::optional<long> days_without_outbound;
    struct CountLoss {
        Qty loss = 0;            // units the count took away (> 0)
        Qty on_hand_before = 0;  // warehouse on hand just before
    };
    std::vector<CountLoss> recent_count_losses;
};

struct AlertCondition {
    AlertKind kind = AlertKind::low_stock;
    std::string figures;  // format_alert_figures: the same in every language
};

// Every condition that holds now, at most one per kind.
std::vector<AlertCondition> evaluate_alerts(const AlertFacts& facts, const AlertThresholds& t,
                                            long today_day);

// An alert that is open or acknowledged for the SKU × warehouse being evaluated.
struct ActiveAlert {
    Id id = 0;
    AlertKind kind = AlertKind::low_stock;
    std::string figures;
};

// How the stored alerts follow the conditions: a new condition opens an alert, a condition
// still holding refreshes the active one's figures (never a second alert), a condition that
// cleared resolves its alert.
struct AlertChanges {
    std::vector<AlertCondition> open;
    std::vector<std::pair<Id, std::string>> refresh;  // id, new figures (only when they changed)
    std::vector<Id> resolve;
};
AlertChanges reconcile_alerts(const std::vector<ActiveAlert>& active,
                              const std::vector<AlertCondition>& conditions);

}  // namespace dj
