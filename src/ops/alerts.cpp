#include "ops/alerts.h"

#include "core/base/error.h"
#include "core/base/translate.h"
#include "store/alerts/alert_repository.h"
#include "store/alerts/notify_repository.h"
#include "store/alerts/threshold_repository.h"
#include "store/base/database.h"

namespace dj::ops {

AlertRunSummary check_stock_alerts(Database& db) {
    return evaluate_stock_alerts(db, db.clock().now(), {});
}

Alert acknowledge_alert(Database& db, const Actor& actor, Id alert_id) {
    return dj::acknowledge_alert(db, actor, alert_id, db.clock().now());
}

Alert snooze_alert(Database& db, const Actor& actor, Id alert_id, Timestamp until) {
    return dj::snooze_alert(db, actor, alert_id, until, db.clock().now());
}

void set_threshold(Database& db, const Actor& actor, Threshold threshold, const std::string& sku,
                   const std::string& warehouse, std::optional<std::int64_t> value) {
    constexpr std::int64_t kMax = 1000000000;
    if (value && (*value < 0 || *value > kMax))
        throw InvalidInput(trf("{0}: the value must be 0 to {1}, got {2}",
                               std::string(threshold_code(threshold)), std::to_string(kMax),
                               std::to_string(*value)));
    dj::set_threshold(db, actor, threshold, sku, warehouse, value);
}

NotifyChannel add_notify_channel(Database& db, const Actor& actor, const NotifyChannel& channel) {
    WriteTransaction tx(db);
    NotifyChannel added = dj::add_notify_channel(db, actor, channel);
    tx.commit();
    return added;
}

}  // namespace dj::ops
