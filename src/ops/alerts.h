#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/alerts/alert.h"
#include "core/alerts/notify_channel.h"
#include "core/alerts/stock_thresholds.h"
#include "core/base/actor.h"
#include "store/alerts/alert_evaluation.h"

namespace dj {
class Database;
}

namespace dj::ops {

// Stock alerts as people handle them (alerts view, `alerts …`), dated by the database's clock.
// Every rule for every SKU in every warehouse, which is what catches expiry and stagnant stock.
AlertRunSummary check_stock_alerts(Database& db);
Alert acknowledge_alert(Database& db, const Actor& actor, Id alert_id);
// Hidden until `until`, which must be later than now.
Alert snooze_alert(Database& db, const Actor& actor, Id alert_id, Timestamp until);
// A threshold for the whole shop, one SKU, one warehouse or one SKU in one warehouse; none
// clears the value at that scope. Values must not be negative.
void set_threshold(Database& db, const Actor& actor, Threshold threshold, const std::string& sku,
                   const std::string& warehouse, std::optional<std::int64_t> value);

// A channel alert notifications go out on (desktop, WeCom or DingTalk robot, mail); its name
// must be new.
NotifyChannel add_notify_channel(Database& db, const Actor& actor, const NotifyChannel& channel);

}  // namespace dj::ops
