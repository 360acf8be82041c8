#include "ops/alerts.h"

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/base/translate.h"
#include "ops/access.h"
#include "store/alerts/alert_repository.h"
#include "store/alerts/notify_repository.h"
#include "store/alerts/threshold_repository.h"
#include "store/base/audit_log.h"
#include "store/base/database.h"

namespace dj::ops {

AlertRunSummary check_stock_alerts(Database& db) {
    return evaluate_stock_alerts(db, db.clock().now(), {});
}

Alert acknowledge_alert(Database& db, const Actor& actor, Id alert_id) {
    require(actor, Permission::HandleAlerts);
    const Timestamp now = db.clock().now();
    WriteTransaction tx(db);
    Alert a = require_alert(db, alert_id);
    if (a.status == AlertStatus::resolved)
        throw InvalidInput(trf("Alert {0} ({1}, {2}) is already resolved: nothing to acknowledge",
                               std::to_string(alert_id), a.sku,
                               std::string(alert_kind_code(a.kind))));
    if (a.status == AlertStatus::open) {
        mark_alert_acknowledged(db, alert_id, now, actor.user);
        audit(db, actor, "alert.ack", std::to_string(alert_id),
              std::string(alert_kind_code(a.kind)) + " " + a.sku + "@" + a.warehouse);
    }
    Alert acked = require_alert(db, alert_id);
    tx.commit();
    return acked;
}

Alert snooze_alert(Database& db, const Actor& actor, Id alert_id, Timestamp until) {
    require(actor, Permission::HandleAlerts);
    const Timestamp now = db.clock().now();
    WriteTransaction tx(db);
    Alert a = require_alert(db, alert_id);
    if (a.status == AlertStatus::resolved)
        throw InvalidInput(trf("Alert {0} ({1}, {2}) is already resolved: nothing to snooze",
                               std::to_string(alert_id), a.sku,
                               std::string(alert_kind_code(a.kind))));
    if (until <= now)
        throw InvalidInput(trf("Alert {0}: --until {1} is not in the future",
                               std::to_string(alert_id), format_shop_time(until)));
    set_alert_snoozed_until(db, alert_id, until);
    audit(db, actor, "alert.snooze", std::to_string(alert_id), "until " + format_utc(until));
    Alert snoozed = require_alert(db, alert_id);
    tx.commit();
    return snoozed;
}

void set_threshold(Database& db, const Actor& actor, Threshold threshold, const std::string& sku,
                   const std::string& warehouse, std::optional<std::int64_t> value) {
    require(actor, Permission::SetUpShop);
    constexpr std::int64_t kMax = 1000000000;
    if (value && (*value < 0 || *value > kMax))
        throw InvalidInput(trf("{0}: the value must be 0 to {1}, got {2}",
                               std::string(threshold_code(threshold)), std::to_string(kMax),
                               std::to_string(*value)));
    WriteTransaction tx(db);
    save_threshold(db, threshold, sku, warehouse, value);
    std::string scope = (sku.empty() ? std::string("*") : sku) + "@" +
                        (warehouse.empty() ? std::string("*") : warehouse);
    audit(db, actor, "threshold.set", scope,
          std::string(threshold_code(threshold)) + "=" +
              (value ? std::to_string(*value) : "default"));
    tx.commit();
}

NotifyChannel add_notify_channel(Database& db, const Actor& actor, const NotifyChannel& channel) {
    require(actor, Permission::SetUpShop);
    WriteTransaction tx(db);
    NotifyChannel added = insert_notify_channel(db, channel);
    // The URL and secret are credentials: the audit log names the channel only.
    audit(db, actor, "notify.add", added.name, std::string(notify_channel_kind_code(added.kind)));
    tx.commit();
    return added;
}

}  // namespace dj::ops
