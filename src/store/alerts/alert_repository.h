#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/alerts/alert.h"
#include "core/base/actor.h"

namespace dj {

class Database;

// What the alert centre shows. Empty fields match everything.
struct AlertFilter {
    std::optional<AlertStatus> status;
    std::optional<AlertKind> kind;
    std::string sku;        // code
    std::string warehouse;  // code
    // When set, alerts snoozed past this time are left out (the centre's default view).
    std::optional<Timestamp> hide_snoozed_at;
    int limit = 1000;
};

// Newest first (active before resolved).
std::vector<Alert> list_alerts(Database& db, const AlertFilter& filter);
Alert require_alert(Database& db, Id id);

// open → acknowledged. An acknowledged alert stays until its condition clears; acknowledging
// one already acknowledged changes nothing; a resolved one is refused (InvalidInput). Audited.
void mark_alert_acknowledged(Database& db, Id id, Timestamp at, const std::string& by);
// Hides an active alert until `until` (notifications skip it too). Audited.
void set_alert_snoozed_until(Database& db, Id id, Timestamp until);

}  // namespace dj
